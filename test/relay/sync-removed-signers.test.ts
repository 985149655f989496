import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock';
import { formatHlc } from '../../core/hlc';
import { createSyncEngine, type SyncEngine } from '../../core/sync/engine/engine';
import type { StoredSet } from '../../core/sync/protocol';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { waitFor } from './support/relay-client';
import { createSyncProfile, fetchTransport, settled, type SyncProfile } from './support/sync-profile';
import { createSwitchableTransport, createTestReplica } from './support/sync-test-deps';

const entry = (deviceId: string, name: string) => ({
  clientSeq: 1, prevSetId: null,
  set: {
    setId: formatHlc({ wallMs: Date.now(), counter: 1, nodeId: deviceId }), deviceId, author: 'owner',
    items: [{ recordId: `p-${name}`, kind: 'person', op: 'create' as const, body: { changed: ['name'], values: { name } } }],
  },
});

describe('sets from devices the account removed or added since', () => {
  let relay: TestRelay;
  let laptop: SyncProfile;
  let token: string;
  const engines: SyncEngine[] = [];

  /** Pairs a new profile through the laptop. */
  const paired = async (name: string): Promise<SyncProfile> => {
    const joining = await createSyncProfile({ answer: true });
    laptop.steps.length = 0;
    const offer = await laptop.account.offerPairing(token, laptop.onStep);
    if (!offer.ok) throw new Error(JSON.stringify(offer.error));
    expect((await joining.account.joinWithCode(relay.url, offer.value.code, name, joining.onStep)).ok).toBe(true);
    expect(await settled(laptop)).toEqual({ phase: 'done' });
    expect(await settled(joining)).toEqual({ phase: 'done' });
    return joining;
  };

  /** Seals one set on `profile` and pushes it as that device. */
  const pushFrom = async (profile: SyncProfile, name: string): Promise<void> => {
    const crypto = (await profile.account.crypto())!;
    const envelope = await crypto.seal(entry(crypto.deviceId, name), (await profile.account.identity())!.team);
    const pushed = await fetchTransport(relay.url).request('/v1/push', { token: await profile.session(relay.url), body: { reqId: 'r1', sets: [envelope] } });
    expect(pushed.status).toBe(200);
  };

  const pullAs = async (profile: SyncProfile): Promise<StoredSet[]> => {
    const pulled = await fetchTransport(relay.url).request('/v1/pull', { token: await profile.session(relay.url), body: { since: 0 } });
    return (pulled.body as { sets: StoredSet[] }).sets;
  };

  beforeEach(async () => {
    relay = await startTestRelay();
    laptop = await createSyncProfile({ answer: true });
    expect((await laptop.account.createAccount(relay.url, 'Laptop')).ok).toBe(true);
    token = await laptop.session(relay.url);
  });
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.stop()));
    await relay.dispose();
  });

  it('a device added after another was removed still opens the sets the removed one pushed before', async () => {
    const phone = await paired('Phone');
    await pushFrom(phone, 'Katherine');
    const phoneId = (await phone.account.identity())!.deviceId;
    expect(await laptop.account.removeDevice(token, phoneId)).toEqual({ ok: true, value: undefined });
    // The relay refuses the removed device from now on.
    await expect(phone.session(relay.url)).rejects.toThrow();

    const tablet = await paired('Tablet');
    const [fromPhone] = (await pullAs(tablet)).filter((set) => set.device === phoneId);
    expect(fromPhone).toBeDefined();
    expect((await (await tablet.account.crypto())!.open(fromPhone!))?.items[0]?.body).toEqual({ changed: ['name'], values: { name: 'Katherine' } });
    // The laptop read the list before the phone pushed: read again (as its engine does on a set that does not open), it opens it too.
    expect(await (await laptop.account.crypto())!.open(fromPhone!)).toBeNull();
    expect((await laptop.account.devices(token)).ok).toBe(true);
    expect((await (await laptop.account.crypto())!.open(fromPhone!))?.items[0]?.body).toEqual({ changed: ['name'], values: { name: 'Katherine' } });
    // A set the removed phone signs now, never taken by the relay, does not verify anywhere.
    const phoneCrypto = (await phone.account.crypto())!;
    const late = await phoneCrypto.seal({ ...entry(phoneId, 'Forged'), clientSeq: 2, prevSetId: fromPhone!.setId }, fromPhone!.team);
    expect(await (await tablet.account.crypto())!.open({ ...late, seq: 99 })).toBeNull();
    expect(await (await laptop.account.crypto())!.open({ ...late, seq: 99 })).toBeNull();
  });

  it('a device reads the device list again when a set’s signer is new to it, and applies the set', async () => {
    const phone = await paired('Phone');
    const phoneCrypto = (await phone.account.crypto())!;
    // Paired after the phone: the phone's own list does not name it yet.
    const tablet = await paired('Tablet');
    await pushFrom(tablet, 'Dorothy');
    const tabletId = (await tablet.account.identity())!.deviceId;

    const replica = createTestReplica(phoneCrypto.deviceId);
    const engine = createSyncEngine({
      transport: createSwitchableTransport(relay.url), replica, crypto: phoneCrypto, team: (await phone.account.identity())!.team,
      clock: systemClock, random: Math.random, refreshSigners: async (sessionToken) => { await phone.account.devices(sessionToken); },
    });
    engines.push(engine);
    engine.start();
    expect(await engine.syncNow()).toEqual({ ok: true, value: undefined });
    await waitFor(() => [...replica.sets().values()].some((set) => set.deviceId === tabletId));
    expect(engine.rejectedSets()).toBe(0);
  });
});
