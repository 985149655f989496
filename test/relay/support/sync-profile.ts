/**
 * A browser profile's sync side in Node: its own fake IndexedDB, an account key, the audit log,
 * and the SyncAccountPort over a fetch transport to a real relay.
 */
import { IDBFactory } from 'fake-indexeddb';
import * as v from 'valibot';
import { createAuditLog } from '../../../core/audit/audit-log';
import { auditKeysFrom } from '../../../core/audit/hash';
import { systemClock } from '../../../core/clock';
import { openLocketDb, type LocketDatabase } from '../../../core/db/schema';
import { createSyncAccount } from '../../../core/sync-account/sync-account';
import type { PairingStep, RelayTransport, SyncAccountPort } from '../../../core/sync/ports';
import { ChallengeSchema, SessionSchema } from '../../../core/sync/protocol';
import { authMessage } from '../../../core/sync/signing';
import { toBase64Url } from '../../../core/security/base64url';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';

export const fetchTransport = (baseUrl: string): RelayTransport => ({
  request: async (path, init) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  },
  openSocket: () => { throw new Error('No poke socket in these tests'); },
});

export interface SyncProfile {
  readonly db: LocketDatabase;
  readonly account: SyncAccountPort;
  readonly audit: ReturnType<typeof createAuditLog>;
  readonly steps: PairingStep[];
  /** Records every pairing step and answers the words with `same` when asked. */
  readonly onStep: (step: PairingStep) => void;
  /** A session token for this profile's device, the way the engine opens one. */
  readonly session: (relayUrl: string) => Promise<string>;
}

let profiles = 0;

export const createSyncProfile = async (
  options: { readonly answer?: boolean; readonly transport?: (url: string) => RelayTransport } = {},
): Promise<SyncProfile> => {
  profiles += 1;
  const db = await openLocketDb(new IDBFactory(), `sync-profile-${profiles}`);
  const audit = createAuditLog({ db, clock: systemClock, keys: async () => auditKeysFrom(new Uint8Array(32).fill(profiles)) });
  const codec = createAesGcmCodec(globalThis.crypto.getRandomValues(new Uint8Array(32)));
  const account = createSyncAccount({
    db, codec, audit, author: 'owner', clock: systemClock, transportFor: options.transport ?? fetchTransport, pairingPollMs: 20,
  });
  const steps: PairingStep[] = [];
  return {
    db, account, audit, steps,
    onStep: (step) => {
      steps.push(step);
      if (step.phase === 'confirm' && options.answer !== undefined) setTimeout(() => account.confirmPairing(options.answer ?? false), 0);
    },
    session: async (relayUrl) => {
      const identity = await account.identity();
      const crypto = await account.crypto();
      if (!identity || !crypto) throw new Error('This profile has no sync identity');
      const transport = fetchTransport(relayUrl);
      const challenge = v.parse(ChallengeSchema, (await transport.request('/v1/challenge', { body: { team: identity.team, device: identity.deviceId } })).body);
      const sig = await crypto.signChallenge(authMessage('session', challenge.relayInstance, identity.team, identity.deviceId, challenge.nonce));
      const answer = await transport.request('/v1/session', {
        body: { team: identity.team, device: identity.deviceId, nonce: challenge.nonce, sig: toBase64Url(sig) },
      });
      return v.parse(SessionSchema, answer.body).token;
    },
  };
};

/** Resolves with the last step once a pairing is done or failed (bounded). */
export const settled = async (profile: SyncProfile, timeoutMs = 10_000): Promise<PairingStep> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = profile.steps.at(-1);
    if (last && (last.phase === 'done' || last.phase === 'failed')) return last;
    if (Date.now() > deadline) throw new Error(`Pairing did not finish: ${JSON.stringify(profile.steps)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
