/**
 * Adding a device through the relay's one-time mailbox (core/sync/pairing-crypto.ts):
 *
 *   enrolled device                    relay slot = SHA-256(secret)         new device
 *   open { offer: its key }  ───────►  offer
 *                                      join { keys, name }  ◄─────────────  reads offer, posts keys
 *   both show the same six words; each user confirms on their own screen
 *                                      accept  ◄──────────────────────────  confirmed
 *   confirmed and accept seen: adds the device (signed, with its encrypted name),
 *   posts welcome { sync key sealed to it }  ───────────────────────────►  unseals, opens a session,
 *                                                                           stores its identity, closes the slot
 *
 * Declining on either side closes the slot before anything is added or stored, and the other
 * side reads a closed slot as declined. Every wait is bounded by the pairing's expiry.
 */
import type { Clock } from '../clock';
import { fromBase64Url, toBase64Url } from '../security/base64url';
import { generateSyncDeviceKeys, type SyncDeviceKeys } from '../sync/device-keys';
import { normaliseDeviceName, sealDeviceName } from '../sync/device-names';
import { openSyncKey, sealSyncKey } from '../sync/key-sealing';
import {
  formatPairingCode, newPairingSecret, openPairingMessage, pairingFingerprint, pairingMailboxKey, pairingSlot, parsePairingCode,
  sealPairingMessage,
} from '../sync/pairing-crypto';
import type { PairingOffer, PairingStep, RelayTransport, SyncIdentity } from '../sync/ports';
import {
  DeviceListSchema, PAIRING_TTL_MS, PairingAcceptContentSchema, PairingJoinContentSchema, PairingOfferContentSchema, PairingOpenedSchema,
  PairingSlotReplySchema, PairingWelcomeContentSchema, type PairingKind, type PairingSlotReply,
} from '../sync/protocol';
import { addDeviceMessage, deviceIdFromPublicKey, removeDeviceMessage, signBytes } from '../sync/signing';
import * as v from 'valibot';
import type { Bytes } from '../vault/types';
import { knownDevicesOf, type IdentityStore, type KnownDevice, type SyncSecrets } from './identity-store';
import { authenticate, call, fail, pairingCall, type Answer } from './relay-calls';

export interface Unlocked {
  readonly identity: SyncIdentity;
  readonly secrets: SyncSecrets;
  readonly keys: SyncDeviceKeys;
  readonly transport: RelayTransport;
}

export interface PairingDeps {
  readonly store: IdentityStore;
  readonly clock: Clock;
  readonly transportFor: (relayUrl: string) => RelayTransport;
  readonly unlocked: () => Promise<Unlocked | null>;
  readonly pollMs: number;
  /** In a team: the paired device's keys, for the log's add-device entry that seals the team key to it. */
  readonly onDeviceAdded?: (token: string, device: { readonly id: string; readonly signPub: string; readonly dhPub: string }) => Promise<void>;
}

const Posted = v.object({ posted: v.literal(true) });
const Closed = v.object({ closed: v.boolean() });
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Mailbox {
  readonly transport: RelayTransport;
  readonly secret: Bytes;
  readonly slot: string;
  readonly key: CryptoKey;
  /** Local time after which nobody waits any longer. */
  readonly expiresAt: number;
}

const mailboxFor = async (transport: RelayTransport, secret: Bytes, expiresAt: number): Promise<Mailbox> =>
  ({ transport, secret, slot: await pairingSlot(secret), key: await pairingMailboxKey(secret), expiresAt });

const post = async (box: Mailbox, kind: PairingKind, content: unknown, token?: string): Promise<Answer<unknown>> =>
  pairingCall(box.transport, '/v1/pairing/post', {
    body: { slot: box.slot, kind, msg: await sealPairingMessage(box.key, box.slot, kind, content) }, ...(token ? { token } : {}),
  }, Posted);

const close = async (box: Mailbox): Promise<void> => {
  await call(box.transport, '/v1/pairing/close', { body: { slot: box.slot } }, Closed);
};

/** Stops waiting at the other side's decline (a closed slot) and at expiry. */
const waitFor = async (deps: PairingDeps, box: Mailbox, kind: PairingKind): Promise<Answer<PairingSlotReply>> => {
  const rounds = Math.ceil(PAIRING_TTL_MS / deps.pollMs) + 1;
  for (let round = 0; round < rounds && deps.clock.now() < box.expiresAt; round += 1) {
    const read = await pairingCall(box.transport, '/v1/pairing/read', { body: { slot: box.slot } }, PairingSlotReplySchema);
    if (!read.ok) return read.error.type === 'bad-pairing-code' ? fail({ type: 'pairing-declined' }) : read;
    if (read.value[kind] !== undefined) return read;
    await sleep(deps.pollMs);
  }
  return fail({ type: 'pairing-expired' });
};

export const createPairing = (deps: PairingDeps) => {
  let decide: ((same: boolean) => void) | null = null;

  /** The user's answer to the words on this screen; `expired` when none came before the pairing expired. */
  const decision = (expiresAt: number): Promise<boolean | 'expired'> => new Promise((resolve) => {
    const timer = setTimeout(() => {
      decide = null;
      resolve('expired');
    }, Math.max(0, expiresAt - deps.clock.now()));
    decide = (same) => {
      clearTimeout(timer);
      decide = null;
      resolve(same);
    };
  });

  const confirmed = async (box: Mailbox, words: readonly string[], onStep: (step: PairingStep) => void): Promise<Answer<void>> => {
    const answer = decision(box.expiresAt);
    onStep({ phase: 'confirm', fingerprint: words });
    const same = await answer;
    if (same === true) return { ok: true, value: undefined };
    await close(box);
    return fail({ type: same === 'expired' ? 'pairing-expired' : 'pairing-declined' });
  };

  const runOffer = async (state: Unlocked, token: string, box: Mailbox, onStep: (step: PairingStep) => void): Promise<Answer<void>> => {
    const { identity, secrets, keys } = state;
    const joined = await waitFor(deps, box, 'join');
    if (!joined.ok) return joined;
    const join = await openPairingMessage(box.key, box.slot, 'join', joined.value.join ?? '', PairingJoinContentSchema);
    const joinKey = join && fromBase64Url(join.publicKey);
    const agreementKey = join && fromBase64Url(join.agreementKey);
    if (!join || !joinKey || !agreementKey) {
      await close(box);
      return fail({ type: 'bad-pairing-code' });
    }
    const words = await pairingFingerprint(box.secret, { publicKey: keys.signing.publicKey }, { publicKey: joinKey, agreementKey });
    const mine = await confirmed(box, words, onStep);
    if (!mine.ok) return mine;
    const accepted = await waitFor(deps, box, 'accept');
    if (!accepted.ok) return accepted;
    if (!(await openPairingMessage(box.key, box.slot, 'accept', accepted.value.accept ?? '', PairingAcceptContentSchema))) {
      await close(box);
      return fail({ type: 'bad-pairing-code' });
    }

    const deviceId = await deviceIdFromPublicKey(joinKey);
    const { team, epoch } = identity;
    const added = await call(state.transport, '/v1/devices/add', {
      token,
      body: {
        publicKey: join.publicKey, label: await sealDeviceName(secrets.syncKey, team, deviceId, join.name),
        sig: await signBytes(keys.signing.privateKey, addDeviceMessage(team, identity.deviceId, join.publicKey)),
      },
    }, v.object({ device: v.literal(deviceId) }));
    if (!added.ok) {
      await close(box);
      return added;
    }
    const sealedKey = await sealSyncKey(secrets.syncKey, { team, epoch, deviceId }, agreementKey);
    const welcomed = await post(box, 'welcome', { team, epoch, device: identity.deviceId, sealedKey }, token);
    if (!welcomed.ok) {
      // Added but never given the key (the pairing expired meanwhile): take it off the list again.
      const sig = await signBytes(keys.signing.privateKey, removeDeviceMessage(team, identity.deviceId, deviceId));
      await call(state.transport, '/v1/devices/remove', { token, body: { device: deviceId, sig } }, v.object({ removed: v.boolean() }));
      return welcomed;
    }
    const devices: KnownDevice[] = [...(await deps.store.knownDevices()).filter((d) => d.device !== deviceId), { device: deviceId, publicKey: join.publicKey, removed: false }];
    await deps.store.commit({ devices }, { type: 'device-added' });
    // The pairing stands whatever the log says; a device left out of it is enrolled the next time (core/sync-account/team-account.ts).
    await deps.onDeviceAdded?.(token, { id: deviceId, signPub: join.publicKey, dhPub: join.agreementKey }).catch(() => undefined);
    return { ok: true, value: undefined };
  };

  const offer = async (token: string, onStep: (step: PairingStep) => void): Promise<Answer<PairingOffer>> => {
    const state = await deps.unlocked();
    if (!state) return fail({ type: 'not-connected' });
    const box = await mailboxFor(state.transport, newPairingSecret(), deps.clock.now() + PAIRING_TTL_MS);
    const content = { team: state.identity.team, device: state.identity.deviceId, publicKey: toBase64Url(state.keys.signing.publicKey) };
    const opened = await pairingCall(state.transport, '/v1/pairing/open', {
      token, body: { slot: box.slot, offer: await sealPairingMessage(box.key, box.slot, 'offer', content) },
    }, PairingOpenedSchema);
    if (!opened.ok) return opened;
    onStep({ phase: 'waiting' });
    void runOffer(state, token, box, onStep).then(
      (outcome) => onStep(outcome.ok ? { phase: 'done' } : { phase: 'failed', problem: outcome.error }),
      () => onStep({ phase: 'failed', problem: { type: 'relay-unreachable' } }),
    );
    return { ok: true, value: { code: formatPairingCode(box.secret), expiresAt: opened.value.expiresAt } };
  };

  const runJoin = async (relayUrl: string, box: Mailbox, deviceName: string, onStep: (step: PairingStep) => void): Promise<Answer<SyncIdentity>> => {
    const first = await pairingCall(box.transport, '/v1/pairing/read', { body: { slot: box.slot } }, PairingSlotReplySchema);
    if (!first.ok) return first;
    const offered = await openPairingMessage(box.key, box.slot, 'offer', first.value.offer, PairingOfferContentSchema);
    const offerKey = offered && fromBase64Url(offered.publicKey);
    if (!offered || !offerKey || first.value.join !== undefined) return fail({ type: 'bad-pairing-code' });
    onStep({ phase: 'waiting' });

    const { keys, exported } = await generateSyncDeviceKeys();
    const name = normaliseDeviceName(deviceName);
    const joined = await post(box, 'join', {
      publicKey: toBase64Url(exported.signingPublicKey), agreementKey: toBase64Url(exported.agreementPublicKey), name: name || '?',
    });
    if (!joined.ok) return joined;
    const words = await pairingFingerprint(box.secret, { publicKey: offerKey }, { publicKey: exported.signingPublicKey, agreementKey: exported.agreementPublicKey });
    const mine = await confirmed(box, words, onStep);
    if (!mine.ok) return mine;
    const accepted = await post(box, 'accept', { accepted: true });
    if (!accepted.ok) return accepted.error.type === 'bad-pairing-code' ? fail({ type: 'pairing-declined' }) : accepted;

    const welcomed = await waitFor(deps, box, 'welcome');
    if (!welcomed.ok) return welcomed;
    const welcome = await openPairingMessage(box.key, box.slot, 'welcome', welcomed.value.welcome ?? '', PairingWelcomeContentSchema);
    const deviceId = keys.signing.deviceId;
    const syncKey = welcome && welcome.team === offered.team && welcome.device === offered.device
      ? await openSyncKey(welcome.sealedKey, { team: welcome.team, epoch: welcome.epoch, deviceId }, { privateKey: keys.agreementPrivateKey, publicKey: keys.agreementPublicKey })
      : null;
    if (!welcome || !syncKey) {
      await close(box);
      return fail({ type: 'bad-pairing-code' });
    }
    const session = await authenticate(box.transport, welcome.team, keys.signing, 'session');
    if (!session.ok) return session;
    const list = await call(box.transport, '/v1/devices', { token: session.value.token }, DeviceListSchema);
    if (!list.ok) return list;
    await close(box);
    const identity: SyncIdentity = { relayUrl, team: welcome.team, deviceId, deviceName: name, epoch: welcome.epoch };
    await deps.store.commit({
      identity: { identity, secrets: { deviceKeys: exported, syncKey } },
      devices: knownDevicesOf(list.value.devices),
    }, { type: 'sync-connected', detail: { paired: true } });
    return { ok: true, value: identity };
  };

  const join = async (relayUrl: string, code: string, deviceName: string, onStep: (step: PairingStep) => void): Promise<Answer<SyncIdentity>> => {
    const finish = <T>(answer: Answer<T>): Answer<T> => {
      onStep(answer.ok ? { phase: 'done' } : { phase: 'failed', problem: answer.error });
      return answer;
    };
    if (await deps.store.identity()) return finish(fail({ type: 'already-connected' }));
    const secret = parsePairingCode(code);
    if (!secret) return finish(fail({ type: 'bad-pairing-code' }));
    const box = await mailboxFor(deps.transportFor(relayUrl), secret, deps.clock.now() + PAIRING_TTL_MS);
    return finish(await runJoin(relayUrl, box, deviceName, onStep));
  };

  return { offer, join, confirm: (same: boolean): void => decide?.(same) };
};
