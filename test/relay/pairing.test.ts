import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../core/hlc';
import { formatPairingCode, newPairingSecret, pairingSlot, parsePairingCode } from '../../core/sync/pairing-crypto';
import type { RelayTransport } from '../../core/sync/ports';
import { SYNC_DEVICES_KEY, SYNC_IDENTITY_KEY } from '../../core/sync-account/identity-store';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { createSyncProfile, fetchTransport, settled, type SyncProfile } from './support/sync-profile';

const entry = (deviceId: string) => ({
  clientSeq: 1, prevSetId: null,
  set: {
    setId: formatHlc({ wallMs: Date.now(), counter: 1, nodeId: deviceId }), deviceId, author: 'owner',
    items: [{ recordId: 'p1', kind: 'person', op: 'create' as const, body: { changed: ['name'], values: { name: 'Katherine Johnson' } } }],
  },
});

const auditTypes = async (profile: SyncProfile): Promise<string[]> => (await profile.audit.entries()).map((e) => e.type);

describe('adding a device through the relay', () => {
  let relay: TestRelay;
  let laptop: SyncProfile;
  let token: string;

  beforeEach(async () => {
    relay = await startTestRelay();
    laptop = await createSyncProfile({ answer: true });
    const created = await laptop.account.createAccount(relay.url, 'Laptop');
    expect(created.ok).toBe(true);
    token = await laptop.session(relay.url);
  });
  afterEach(async () => { await relay.dispose(); });

  it('pairs a new device that then shares the sync key, the device list and the names, which the relay never sees', async () => {
    const phone = await createSyncProfile({ answer: true });
    const offer = await laptop.account.offerPairing(token, laptop.onStep);
    if (!offer.ok) throw new Error(JSON.stringify(offer.error));
    expect(offer.value.code).toMatch(/^[0-9A-Z]{4}-/);
    const joined = await phone.account.joinWithCode(relay.url, offer.value.code.toLowerCase(), 'Phone', phone.onStep);
    expect(joined.ok).toBe(true);
    expect(await settled(laptop)).toEqual({ phase: 'done' });
    expect(await settled(phone)).toEqual({ phase: 'done' });

    const wordsOf = (profile: SyncProfile) => profile.steps.flatMap((s) => (s.phase === 'confirm' ? [s.fingerprint] : []));
    expect(wordsOf(laptop)).toHaveLength(1);
    expect(wordsOf(phone)).toEqual(wordsOf(laptop));

    const laptopIdentity = await laptop.account.identity();
    const phoneIdentity = await phone.account.identity();
    expect(phoneIdentity).toMatchObject({ relayUrl: relay.url, team: laptopIdentity?.team, deviceName: 'Phone', epoch: 1 });

    // A set sealed on the laptop goes through the relay and opens on the phone, and back.
    const laptopCrypto = (await laptop.account.crypto())!;
    const phoneCrypto = (await phone.account.crypto())!;
    const envelope = await laptopCrypto.seal(entry(laptopCrypto.deviceId), laptopIdentity!.team);
    const pushed = await fetchTransport(relay.url).request('/v1/push', { token, body: { reqId: 'r1', sets: [envelope] } });
    expect(pushed.status).toBe(200);
    const phoneToken = await phone.session(relay.url);
    const pulled = await fetchTransport(relay.url).request('/v1/pull', { token: phoneToken, body: { since: 0 } });
    const [stored] = (pulled.body as { sets: [never] }).sets;
    expect((await phoneCrypto.open(stored))?.items[0]?.body).toEqual({ changed: ['name'], values: { name: 'Katherine Johnson' } });
    const back = await phoneCrypto.seal(entry(phoneCrypto.deviceId), phoneIdentity!.team);
    expect(await laptopCrypto.open({ ...back, seq: 2 })).not.toBeNull();

    const listed = await phone.account.devices(phoneToken);
    if (!listed.ok) throw new Error(JSON.stringify(listed.error));
    expect(listed.value.map((d) => [d.name, d.thisDevice]).sort()).toEqual([['Laptop', false], ['Phone', true]]);
    const raw = await fetchTransport(relay.url).request('/v1/devices', { token });
    expect(JSON.stringify(raw.body)).not.toMatch(/Laptop|Phone/);

    expect(await auditTypes(laptop)).toEqual(['sync-connected', 'device-added']);
    expect(await auditTypes(phone)).toEqual(['sync-connected']);

    // The code was used: nobody can join with it again.
    const late = await createSyncProfile({ answer: true });
    expect(await late.account.joinWithCode(relay.url, offer.value.code, 'Tablet', late.onStep)).toEqual({ ok: false, error: { type: 'bad-pairing-code' } });
  });

  it('refuses a mailbox message the relay altered, and stores nothing', async () => {
    const tampering = (url: string): RelayTransport => {
      const inner = fetchTransport(url);
      return {
        ...inner,
        request: async (path, init) => {
          const answer = await inner.request(path, init);
          const body = answer.body as { join?: string } | undefined;
          if (path === '/v1/pairing/read' && body?.join) {
            const flipped = body.join.startsWith('A') ? `B${body.join.slice(1)}` : `A${body.join.slice(1)}`;
            return { ...answer, body: { ...body, join: flipped } };
          }
          return answer;
        },
      };
    };
    const victim = await createSyncProfile({ answer: true, transport: tampering });
    await victim.account.createAccount(relay.url, 'Desk');
    const victimToken = await victim.session(relay.url);
    const phone = await createSyncProfile({ answer: true });
    const offer = await victim.account.offerPairing(victimToken, victim.onStep);
    if (!offer.ok) throw new Error('no offer');
    const joined = await phone.account.joinWithCode(relay.url, offer.value.code, 'Phone', phone.onStep);
    expect(await settled(victim)).toEqual({ phase: 'failed', problem: { type: 'bad-pairing-code' } });
    expect(joined.ok).toBe(false);
    expect(await phone.account.identity()).toBeNull();
    const devices = await fetchTransport(relay.url).request('/v1/devices', { token: victimToken });
    expect((devices.body as { devices: unknown[] }).devices).toHaveLength(1);
    expect(await auditTypes(victim)).toEqual(['sync-connected']);
  });

  it('takes a new device off the list again when its key could not be posted', async () => {
    const losingWelcome = (url: string): RelayTransport => {
      const inner = fetchTransport(url);
      return {
        ...inner,
        request: async (path, init) => ((init.body as { kind?: string } | undefined)?.kind === 'welcome'
          ? { status: 503, body: { error: 'unavailable' } }
          : inner.request(path, init)),
      };
    };
    const desk = await createSyncProfile({ answer: true, transport: losingWelcome });
    await desk.account.createAccount(relay.url, 'Desk');
    const deskToken = await desk.session(relay.url);
    const phone = await createSyncProfile({ answer: true });
    const offer = await desk.account.offerPairing(deskToken, desk.onStep);
    if (!offer.ok) throw new Error('no offer');
    const joining = phone.account.joinWithCode(relay.url, offer.value.code, 'Phone', phone.onStep);
    expect(await settled(desk)).toEqual({ phase: 'failed', problem: { type: 'relay-refused', code: 'unavailable' } });
    const devices = await fetchTransport(relay.url).request('/v1/devices', { token: deskToken });
    const listed = (devices.body as { devices: { removedAt: number | null }[] }).devices;
    expect(listed).toHaveLength(2);
    expect(listed.filter((d) => d.removedAt !== null)).toHaveLength(1);
    expect(await auditTypes(desk)).toEqual(['sync-connected']);
    // The phone waits for a key that never comes; closing the slot ends its wait as declined.
    const slot = await pairingSlot(parsePairingCode(offer.value.code)!);
    await fetchTransport(relay.url).request('/v1/pairing/close', { body: { slot } });
    expect(await joining).toEqual({ ok: false, error: { type: 'pairing-declined' } });
    expect(await phone.account.identity()).toBeNull();
  });

  it('refuses a wrong or malformed code as a bad pairing code', async () => {
    const phone = await createSyncProfile({ answer: true });
    const wrong = formatPairingCode(newPairingSecret());
    expect(await phone.account.joinWithCode(relay.url, wrong, 'Phone', phone.onStep)).toEqual({ ok: false, error: { type: 'bad-pairing-code' } });
    expect(await phone.account.joinWithCode(relay.url, 'not a code', 'Phone', phone.onStep)).toEqual({ ok: false, error: { type: 'bad-pairing-code' } });
    expect(phone.steps.at(-1)).toEqual({ phase: 'failed', problem: { type: 'bad-pairing-code' } });
    expect(await phone.account.identity()).toBeNull();
  });

  for (const decliner of ['new device', 'enrolled device'] as const) {
    it(`stores nothing anywhere when the ${decliner} declines the words`, async () => {
      const offerer = await createSyncProfile({ answer: decliner !== 'enrolled device' });
      await offerer.account.createAccount(relay.url, 'Desk');
      const offererToken = await offerer.session(relay.url);
      const phone = await createSyncProfile({ answer: decliner !== 'new device' });
      const offer = await offerer.account.offerPairing(offererToken, offerer.onStep);
      if (!offer.ok) throw new Error('no offer');
      const joined = await phone.account.joinWithCode(relay.url, offer.value.code, 'Phone', phone.onStep);
      expect(joined).toEqual({ ok: false, error: { type: 'pairing-declined' } });
      expect(await settled(offerer)).toEqual({ phase: 'failed', problem: { type: 'pairing-declined' } });
      expect(await phone.account.identity()).toBeNull();
      expect(await phone.db.get('meta', SYNC_IDENTITY_KEY)).toBeUndefined();
      expect(await phone.db.get('meta', SYNC_DEVICES_KEY)).toBeUndefined();
      expect(await phone.audit.entries()).toEqual([]);
      expect(await auditTypes(offerer)).toEqual(['sync-connected']);
      const devices = await fetchTransport(relay.url).request('/v1/devices', { token: offererToken });
      expect((devices.body as { devices: unknown[] }).devices).toHaveLength(1);
      const slotGone = await fetchTransport(relay.url).request('/v1/pairing/read', { body: { slot: 'x'.repeat(43) } });
      expect(slotGone.status).toBe(404);
    });
  }
});

describe('the sync account on its own', () => {
  let relay: TestRelay;
  beforeEach(async () => { relay = await startTestRelay(); });
  afterEach(async () => { await relay.dispose(); });

  it('connects once, refuses a second account, removes another device but not itself, and forgets with an audit entry', async () => {
    const laptop = await createSyncProfile({ answer: true });
    expect((await laptop.account.createAccount(relay.url, 'Laptop')).ok).toBe(true);
    expect(await laptop.account.createAccount(relay.url, 'Again')).toEqual({ ok: false, error: { type: 'already-connected' } });
    const identity = (await laptop.account.identity())!;
    const token = await laptop.session(relay.url);
    expect(await laptop.account.removeDevice(token, identity.deviceId)).toEqual({ ok: false, error: { type: 'this-device' } });

    const phone = await createSyncProfile({ answer: true });
    const offer = await laptop.account.offerPairing(token, laptop.onStep);
    if (!offer.ok) throw new Error('no offer');
    expect((await phone.account.joinWithCode(relay.url, offer.value.code, 'Phone', phone.onStep)).ok).toBe(true);
    await settled(laptop);
    const phoneId = (await phone.account.identity())!.deviceId;
    const phoneCrypto = (await phone.account.crypto())!;
    const fromPhone = await phoneCrypto.seal(entry(phoneId), identity.team);
    const laptopCrypto = (await laptop.account.crypto())!;
    expect(await laptopCrypto.open({ ...fromPhone, seq: 1 })).not.toBeNull();

    expect(await laptop.account.removeDevice(token, phoneId)).toEqual({ ok: true, value: undefined });
    // The phone can no longer open a session, and its sets no longer verify on the laptop.
    await expect(phone.session(relay.url)).rejects.toThrow();
    expect(await (await laptop.account.crypto())!.open({ ...fromPhone, seq: 1 })).toBeNull();
    const listed = await laptop.account.devices(token);
    expect(listed.ok && listed.value.find((d) => d.id === phoneId)).toMatchObject({ name: 'Phone', removed: true });
    expect(await laptop.account.removeDevice(token, 'A'.repeat(22))).toEqual({ ok: true, value: undefined });

    await laptop.account.forget();
    expect(await laptop.account.identity()).toBeNull();
    expect(await laptop.account.crypto()).toBeNull();
    expect(await auditTypes(laptop)).toEqual(['sync-connected', 'device-added', 'device-removed', 'sync-disconnected']);
  });
});
