/**
 * A record the relay's trash rule ended while this device kept it: the device restored and edited
 * it after the relay's 30 days. Every push naming it is refused `tombstoned` and no purge set ever
 * comes (the relay writes none), so without settling it the device's outbox is stuck behind that
 * set for good. Settled, the record stays on this device, held back from sync, and the rest syncs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../core/clock';
import { createRelayEndedSettler, HELD_BACK_KEY, heldBackOf } from '../../core/replica/relay-ended';
import { DAY_MS } from '../../core/retention/windows';
import { createSyncEngine, type SyncEngine } from '../../core/sync/engine/engine';
import { newSyncKey } from '../../core/sync/item-crypto';
import { createRetentionSweep } from '../../relay/retention/sweep';
import type { SqlDriver } from '../../relay/store/sql-driver';
import { openSqliteDriver } from '../../relay/store/sqlite';
import { person, saved } from '../unit/store/harness';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDevice, postRaw } from './support/relay-client';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { replicaSyncDevice, type ReplicaSyncDevice, type TestSyncAccount } from './support/replica-sync-device';
import { createSwitchableTransport } from './support/sync-test-deps';
import { createTestDevice, newTeamId, newTeamKey } from './support/test-device';
import { tombstoneHash } from '../../relay/store/tombstones';
import { TombstoneReplySchema } from '../../core/sync/relay-ended';
import * as v from 'valibot';

describe('a record the relay ended by its trash rule, edited on a device afterwards', () => {
  let dir: string;
  let driver: SqlDriver;
  let relay: TestRelay;
  let relayClock: ReturnType<typeof createManualClock>;
  let account: TestSyncAccount;
  let laptop: ReplicaSyncDevice;
  const engines: SyncEngine[] = [];

  const engineOf = (settle: boolean): SyncEngine => {
    const settleRelayEnded = createRelayEndedSettler({ store: laptop.deps, clockTrusted: async () => true });
    const engine = createSyncEngine({
      transport: createSwitchableTransport(relay.url), replica: laptop.replica, crypto: laptop.crypto, team: account.team,
      clock: laptop.clock, random: () => 0.5, ...(settle ? { settleRelayEnded } : {}),
    });
    engines.push(engine);
    engine.start();
    return engine;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'locket-relay-ended-'));
    driver = openSqliteDriver(join(dir, 'relay.sqlite'));
    relayClock = createManualClock(Date.now());
    relay = await startTestRelay({}, undefined, { driver, clock: relayClock });
    account = { team: newTeamId(), syncKey: newSyncKey(), devices: new Map() };
    laptop = await replicaSyncDevice('laptop', account, relay.url);
    await connectDevice(relay.url, laptop.relayDevice, 'register');
  });
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.stop()));
    await relay.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const trashEndedOnTheRelay = async () => {
    const ada = saved(await laptop.store.create('person', person('Ada', 'Lovelace')));
    await laptop.store.remove(ada.id);
    const first = engineOf(false);
    expect(await first.syncNow()).toEqual({ ok: true, value: undefined });
    await first.stop();
    const sweep = createRetentionSweep(driver, { clock: relayClock });
    for (let day = 0; day < 31; day += 1) {
      relayClock.advance(DAY_MS);
      await sweep.run();
    }
    // Restored and edited here after the relay ended it: this device never learned of the end.
    expect((await laptop.store.restore(ada.id)).ok).toBe(true);
    saved(await laptop.store.update(ada.id, 'person', { jobTitle: 'Analyst' }));
    const bert = saved(await laptop.store.create('person', person('Bert', 'Example')));
    return { ada, bert };
  };

  it('without settling, every round is refused and nothing after the refused set reaches the relay', async () => {
    await trashEndedOnTheRelay();
    const engine = engineOf(false);
    expect(await engine.syncNow()).toEqual({ ok: false, error: { type: 'relay-refused', code: 'tombstoned' } });
    expect(await laptop.replica.pendingCount()).toBeGreaterThan(0);
  });

  it('keeps the record here, held back from sync, and the device\'s other changes get through', async () => {
    const { ada, bert } = await trashEndedOnTheRelay();
    const engine = engineOf(true);
    expect(await engine.syncNow()).toEqual({ ok: true, value: undefined });
    expect(await laptop.replica.pendingCount()).toBe(0);
    expect((await laptop.store.get(ada.id))?.fields).toMatchObject({ jobTitle: 'Analyst' });
    expect(heldBackOf(await laptop.db.get('meta', HELD_BACK_KEY)).map((entry) => entry.id)).toEqual([ada.id]);
    const onRelay = await (await connectDevice(relay.url, laptop.relayDevice, 'session')).pullAll(0);
    const named = onRelay.flatMap((set) => set.items.map((item) => [item.recordId, item.op]));
    expect(named).toContainEqual([bert.id, 'create']);
    // Nothing of the ended record went out after its end.
    expect(named.filter(([id, op]) => id === ada.id && (op === 'restore' || op === 'update'))).toEqual([]);
    expect(await engine.syncNow()).toEqual({ ok: true, value: undefined });
  });

  it('tells a device which ids its trash rule ended, apart from ids a purge set ended', async () => {
    const { ada } = await trashEndedOnTheRelay();
    const client = await connectDevice(relay.url, laptop.relayDevice, 'session');
    const other = await createTestDevice(account.team, newTeamKey(), relayClock);
    expect((await client.addDevice(other)).status).toBe(200);
    const otherClient = await connectDevice(relay.url, other, 'session');
    const purgedBySet = 'purged-by-a-set';
    await otherClient.push([await other.nextSet([{ text: 'Cy', recordId: purgedBySet, op: 'create' }])]);
    await otherClient.push([await other.nextSet([{ text: '', recordId: purgedBySet, op: 'purge' }])]);
    const answer = await postRaw(`${relay.url}/v1/tombstones`,
      JSON.stringify({ idHashes: [tombstoneHash(ada.id), tombstoneHash(purgedBySet), tombstoneHash('never-ended')] }), client.token());
    expect(answer.status).toBe(200);
    const { tombstones } = v.parse(TombstoneReplySchema, answer.body);
    expect(tombstones.map(({ idHash, byTrash }) => [idHash, byTrash]).sort()).toEqual([
      [tombstoneHash(ada.id), true], [tombstoneHash(purgedBySet), false],
    ].sort());
  });
});
