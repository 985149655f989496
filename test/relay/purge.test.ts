/**
 * Purge and erasure on the relay, on every driver: the ciphertext of the id's earlier items goes,
 * their signed metadata stays (the sets still verify), and a later set naming the id is refused
 * whole with `tombstoned`.
 */
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { sha256Hex } from '../../core/audit/hash';
import { createManualClock } from '../../core/clock';
import { verifySet } from '../../core/sync/signing';
import { createRelayStore, type RelayStore } from '../../relay/store/store';
import type { SqlDriver } from '../../relay/store/sql-driver';
import { drivers } from './drivers';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, releaseDriverResources } from './postgres-drivers';
import { createTestDevice, newTeamId, newTeamKey, type TestDevice } from './support/test-device';

const START = Date.UTC(2026, 0, 1);

afterAll(releaseDriverResources, FIRST_OPEN_TIMEOUT_MS);

for (const factory of drivers) describeDriver(factory, ({ open }) => {
  let driver: SqlDriver;
  let store: RelayStore;
  const clock = createManualClock(START);
  let team: string;
  let device: TestDevice;
  const kept = 'kept-record';
  const doomed = 'doomed-record';

  beforeEach(async () => {
    driver = await open();
    store = createRelayStore(driver, { clock });
    await store.migrate();
    team = newTeamId();
    device = await createTestDevice(team, newTeamKey(), clock);
    await store.createTeam(team, device.keys.deviceId, device.keys.publicKey);
  }, FIRST_OPEN_TIMEOUT_MS);
  afterEach(async () => { await store.close(); });

  const push = (...sets: Parameters<RelayStore['appendSets']>[2]) => store.appendSets(team, device.keys.deviceId, sets);

  for (const op of ['purge', 'erase'] as const) {
    it(`${op} drops the ciphertext of the id's earlier items, also in mixed sets, and the sets still verify`, async () => {
      const mixed = await device.nextSet([{ text: 'kept v1', recordId: kept, op: 'create' }, { text: 'doomed v1', recordId: doomed, op: 'create' }]);
      const update = await device.nextSet([{ text: 'doomed v2', recordId: doomed, op: 'update' }]);
      const ending = await device.nextSet([{ text: '', recordId: doomed, op }]);
      await push(mixed, update);
      const outcome = await push(ending);
      expect(outcome.results).toEqual([{ setId: ending.setId, seq: 3, duplicate: false }]);
      expect(outcome.ciphertextsDropped).toBe(2);

      const pulled = (await store.pullSets(team, 0, 10)).sets;
      expect(pulled.map((s) => s.items.map((item) => [item.recordId, item.op, item.ct !== undefined]))).toEqual([
        [[kept, 'create', true], [doomed, 'create', false]],
        [[doomed, 'update', false]],
        [[doomed, op, true]],
      ]);
      const { ct: _dropped, ...doomedMeta } = mixed.items[1]!;
      expect(pulled[0]!.items[1]).toEqual(doomedMeta);
      expect(pulled[0]!.items[0]).toEqual(mixed.items[0]);
      for (const set of pulled) {
        const { seq: _seq, ...envelope } = set;
        expect(await verifySet(device.keys.publicKey, envelope)).toBe(true);
      }
      const bytes = await driver.all<{ seq: number; bytes: number }>(`SELECT seq, bytes FROM change_sets WHERE team_id = ? ORDER BY seq`, [team]);
      expect(bytes.map((row) => row.bytes)).toEqual([mixed.items[0]!.ct!, undefined, ending.items[0]!.ct!].map((ct) => (ct ? Buffer.from(ct, 'base64url').length : 0)));
    });

    it(`refuses a later set naming an id ended by ${op}, stores nothing of it, and takes the next one`, async () => {
      await push(await device.nextSet([{ text: 'v1', recordId: doomed, op: 'create' }]), await device.nextSet([{ text: '', recordId: doomed, op }]));
      const resurrect = await device.nextSet([{ text: 'other', recordId: kept, op: 'create' }, { text: 'back', recordId: doomed, op: 'update' }]);
      const refused = await push(resurrect);
      expect(refused.results).toEqual([{ setId: resurrect.setId, error: 'tombstoned' }]);
      expect(refused.head).toBe(2);
      expect(await store.head(team)).toBe(2);
      const items = await driver.all(`SELECT record_id FROM change_items WHERE team_id = ? AND record_id = ?`, [team, kept]);
      expect(items).toEqual([]);
      // The device drops the item and pushes that clientSeq again without it.
      const rewritten = { ...(await device.nextSet([{ text: 'other', recordId: kept, op: 'create' }])), clientSeq: resurrect.clientSeq };
      expect((await push(rewritten)).results).toEqual([{ setId: rewritten.setId, seq: 3, duplicate: false }]);
    });
  }

  it('refuses a set naming an id purged earlier in the same push', async () => {
    const sets = [
      await device.nextSet([{ text: 'v1', recordId: doomed, op: 'create' }]),
      await device.nextSet([{ text: '', recordId: doomed, op: 'purge' }]),
      await device.nextSet([{ text: 'back', recordId: doomed, op: 'restore' }]),
    ];
    expect((await push(...sets)).results.map((r) => ('seq' in r ? r.seq : r.error))).toEqual([1, 2, 'tombstoned']);
  });

  it('takes a second purge of the same id, as two devices emptying their trash at once would push', async () => {
    const second = await createTestDevice(team, newTeamKey(), clock);
    await store.addDevice(team, second.keys.deviceId, second.keys.publicKey, device.keys.deviceId);
    await push(await device.nextSet([{ text: 'v1', recordId: doomed, op: 'create' }]), await device.nextSet([{ text: '', recordId: doomed, op: 'purge' }]));
    const alsoPurged = await second.nextSet([{ text: '', recordId: doomed, op: 'purge' }]);
    expect((await store.appendSets(team, second.keys.deviceId, [alsoPurged])).results).toEqual([{ setId: alsoPurged.setId, seq: 3, duplicate: false }]);
    const tombstones = await driver.all<{ op: string; seq: number }>(`SELECT op, seq FROM tombstones WHERE team_id = ?`, [team]);
    expect(tombstones).toEqual([{ op: 'purge', seq: 2 }]);
  });

  it('keeps tombstones as hashes, never as the id itself, and per team', async () => {
    await push(await device.nextSet([{ text: '', recordId: doomed, op: 'erase' }]));
    const rows = await driver.all<{ id_hash: string }>(`SELECT id_hash FROM tombstones`);
    expect(rows).toHaveLength(1);
    // The form the audit log hashes ids in.
    expect(rows[0]!.id_hash).toBe(await sha256Hex(doomed));
    expect(JSON.stringify(rows)).not.toContain(doomed);
    const otherTeam = newTeamId();
    const stranger = await createTestDevice(otherTeam, newTeamKey(), clock);
    await store.createTeam(otherTeam, stranger.keys.deviceId, stranger.keys.publicKey);
    const sameId = await stranger.nextSet([{ text: 'v1', recordId: doomed, op: 'create' }]);
    expect((await store.appendSets(otherTeam, stranger.keys.deviceId, [sameId])).results).toEqual([{ setId: sameId.setId, seq: 1, duplicate: false }]);
  });
});
