import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../core/audit/audit-log';
import { systemClock } from '../../core/clock';
import type { LocketDatabase } from '../../core/db/schema';
import { createHlc } from '../../core/hlc';
import { createIdFactory } from '../../core/ids';
import { openReplica } from '../../core/replica/open-replica';
import { previewRelayRestore, restoreFromRelay } from '../../core/sync-account/relay-restore';
import { createSyncAccount } from '../../core/sync-account/sync-account';
import { createTeamAccount } from '../../core/sync-account/team-account';
import { createSyncEngine, type SyncEngine } from '../../core/sync/engine/engine';
import { newRecoverySecret, recoveryWords } from '../../core/team/recovery-key';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import { createSyncChannel } from '../../platform/sync/sync-channel';
import { createSyncPorts } from '../../worker/sync-ports';
import { startWorkerSync } from '../../worker/sync-worker';
import { createTeamApi } from '../../worker/team-api';
import { createTokenSource } from '../../worker/sync-token';
import { createHarness, person, saved } from '../unit/store/harness';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { fetchTransport } from './support/sync-profile';
import { createSwitchableTransport, createTestLocks } from './support/sync-test-deps';

const RECORDS = 50;

/** A browser profile in Node: its own database and account key, store, replica, sync and team accounts. */
const createProfile = async (name: string) => {
  const codec = createAesGcmCodec(globalThis.crypto.getRandomValues(new Uint8Array(32)));
  const harness = await createHarness({
    clock: systemClock, hlc: createHlc({ clock: systemClock, nodeId: name }), newId: createIdFactory(systemClock), deviceId: name, author: 'owner',
  }, codec);
  const deps = {
    db: harness.db, codec, clock: systemClock, author: 'owner', transportFor: fetchTransport,
    audit: createAuditLog({ db: harness.db, clock: systemClock, keys: async () => harness.deps.auditKeys }),
  };
  const team = createTeamAccount(deps);
  const account = createSyncAccount({ ...deps, onDeviceAdded: async (token, device) => { await team.enrolDevice(token, device); } });
  const token = createTokenSource({ account, runner: null, transportFor: fetchTransport, clock: systemClock });
  const teamApi = createTeamApi({ team, token, clock: systemClock, join: null, identityChanged: async () => undefined });
  return { ...harness, storeDeps: harness.deps, deps, team, account, teamApi, replica: openReplica(harness.deps) };
};
type Profile = Awaited<ReturnType<typeof createProfile>>;

/** Everything a profile's database holds, store by store: what "nothing written" is measured against. */
const everythingStored = async (db: LocketDatabase): Promise<Record<string, unknown[]>> => {
  const stored: Record<string, unknown[]> = {};
  for (const name of Array.from(db.objectStoreNames)) stored[name] = await db.getAll(name);
  return stored;
};

const namesOf = async (profile: Profile): Promise<string[]> => {
  const rows = await profile.db.getAll('records');
  const records = await profile.store.getMany(rows.map((row) => row.id));
  return records.map((record) => {
    const fields = (record?.fields ?? {}) as { firstName?: string; lastName?: string };
    return `${fields.firstName} ${fields.lastName}`;
  }).sort();
};

describe('restoring onto a new device from the relay with the printed recovery key', () => {
  let relay: TestRelay;
  let owner: Profile;
  let words: readonly string[];
  const engines: SyncEngine[] = [];

  /** The engine as the worker builds it: the profile's crypto, its team's checks, signers read again when a set does not open. */
  const engineOf = async (profile: Profile): Promise<SyncEngine> => {
    const [identity, crypto] = await Promise.all([profile.account.identity(), profile.account.crypto()]);
    if (!identity || !crypto) throw new Error('This profile is not connected');
    await profile.team.loadCached();
    const engine = createSyncEngine({
      transport: createSwitchableTransport(identity.relayUrl), replica: profile.replica, crypto, team: identity.team, clock: systemClock, random: Math.random,
      refreshSigners: async (token) => { await Promise.all([profile.account.devices(token), profile.team.refresh(token)]); },
      admits: profile.team.admits,
    });
    engines.push(engine);
    engine.start();
    return engine;
  };

  beforeEach(async () => {
    relay = await startTestRelay();
    owner = await createProfile('laptop');
    await owner.store.saveSettings({ ownerName: 'Ada Owner', ownerEmail: 'ada@example.com' });
    expect((await owner.account.createAccount(relay.url, 'Laptop')).ok).toBe(true);
    const recovery = await owner.teamApi.createRecoveryKey();
    if (!recovery.ok) throw new Error(`no recovery key: ${JSON.stringify(recovery.error)}`);
    words = recovery.value.words;
  });
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.stop()));
    await relay.dispose();
  });

  it('brings every record to a fresh profile, which then syncs both ways with the old one', async () => {
    for (let n = 0; n < RECORDS; n += 1) saved(await owner.store.create('person', person('Person', `Number ${n}`)));
    const onLaptop = await engineOf(owner);
    expect(await onLaptop.syncNow()).toEqual({ ok: true, value: undefined });
    expect(await owner.replica.pendingCount()).toBe(0);

    const fresh = await createProfile('new-laptop');
    expect(await previewRelayRestore(fetchTransport(relay.url), words, systemClock))
      .toEqual({ ok: true, value: { owner: { name: 'Ada Owner', email: 'ada@example.com' } } });
    const restored = await restoreFromRelay(fresh.deps, { relayUrl: relay.url, words, deviceName: 'New laptop' });
    expect(restored.ok && restored.value).toMatchObject({ relayUrl: relay.url, deviceName: 'New laptop', epoch: 1 });
    const audit = (await fresh.db.getAll('audit')) as { type: string }[];
    expect(audit.map((entry) => entry.type)).toEqual(['restored-from-relay']);

    const onNewLaptop = await engineOf(fresh);
    expect(await onNewLaptop.syncNow()).toEqual({ ok: true, value: undefined });
    expect(onNewLaptop.rejectedSets()).toBe(0);
    expect(await namesOf(fresh)).toHaveLength(RECORDS);
    expect(await namesOf(fresh)).toEqual(await namesOf(owner));

    // The restored device is the owner's: it may write, and the old laptop takes what it writes.
    const written = saved(await fresh.store.create('person', person('Written', 'After restore')));
    expect(await onNewLaptop.syncNow()).toEqual({ ok: true, value: undefined });
    expect(await fresh.replica.pendingCount()).toBe(0);
    expect(await onLaptop.syncNow()).toEqual({ ok: true, value: undefined });
    expect(onLaptop.rejectedSets()).toBe(0);
    expect((await owner.store.get(written.id))?.fields).toMatchObject({ firstName: 'Written', lastName: 'After restore' });
    const ownerSession = await sessionOf(owner);
    const listed = await owner.account.devices(ownerSession);
    expect(listed.ok && listed.value.map((device) => [device.name, device.thisDevice, device.removed]))
      .toEqual([['Laptop', true, false], ['', false, false], ['New laptop', false, false]]);
    await owner.team.refresh(ownerSession);
    const state = owner.team.latest();
    const devices = [...(state?.devices.values() ?? [])];
    expect(devices.map((device) => [device.member === state?.owner, device.status, device.recovery ?? false]))
      .toEqual([[true, 'active', false], [true, 'active', true], [true, 'active', false]]);
  });

  it('restores through the worker as the restore screen calls it: done once the records are on the device', async () => {
    for (let n = 0; n < 5; n += 1) saved(await owner.store.create('person', person('Person', `Number ${n}`)));
    expect(await (await engineOf(owner)).syncNow()).toEqual({ ok: true, value: undefined });
    const fresh = await createProfile('worker-laptop');
    const channel = new BroadcastChannel(`relay-restore-${Math.random()}`);
    const sync = startWorkerSync({
      ports: createSyncPorts(fresh.storeDeps, createSwitchableTransport), changes: fresh.bus, transportFor: createSwitchableTransport,
      locks: createTestLocks(), clock: systemClock, random: Math.random, channel: createSyncChannel(channel),
    });
    try {
      expect(await sync.api.restoreFromRelay(relay.url, [...words], 'New laptop')).toEqual({ ok: true, value: undefined });
      expect(await namesOf(fresh)).toEqual(await namesOf(owner));
      // Asked again (the screen's "Try again" after a first sync that failed), it only syncs.
      expect(await sync.api.restoreFromRelay(relay.url, [...words], 'New laptop')).toEqual({ ok: true, value: undefined });
      expect(await sync.api.restoreFromRelay('https://elsewhere.example', [...words], 'New laptop'))
        .toEqual({ ok: false, error: { type: 'already-connected' } });
    } finally {
      await sync.close();
      channel.close();
    }
  });

  it('refuses wrong words, words of no team and a wrong relay, and writes nothing on the new profile', async () => {
    const fresh = await createProfile('stranger');
    const before = await everythingStored(fresh.db);
    const otherRelay = await startTestRelay();
    try {
      const attempts = [
        { relayUrl: relay.url, words: ['not', 'sixteen', 'words'] },
        { relayUrl: relay.url, words: words.map((word, n) => (n === 3 ? 'lantern-ish' : word)) },
        { relayUrl: relay.url, words: recoveryWords(newRecoverySecret()) },
        { relayUrl: otherRelay.url, words },
        { relayUrl: 'http://127.0.0.1:9', words },
      ];
      const outcomes = [];
      for (const attempt of attempts) {
        const outcome = await restoreFromRelay(fresh.deps, { ...attempt, deviceName: 'Stranger' });
        outcomes.push(outcome.ok ? 'restored' : outcome.error.type);
      }
      expect(outcomes).toEqual(['bad-recovery-words', 'bad-recovery-words', 'no-team-for-words', 'no-team-for-words', 'relay-unreachable']);
      expect(await everythingStored(fresh.db)).toEqual(before);
      expect(await fresh.account.identity()).toBeNull();
      // Nor did the relay's team change: no device was added for anyone.
      await owner.team.refresh(await sessionOf(owner));
      expect([...(owner.team.latest()?.devices.values() ?? [])]).toHaveLength(2);
    } finally {
      await otherRelay.dispose();
    }
  });
});

const sessionOf = async (profile: Profile): Promise<string> => {
  const token = await createTokenSource({ account: profile.account, runner: null, transportFor: fetchTransport, clock: systemClock })();
  if (!token.ok) throw new Error('no session');
  return token.value;
};
