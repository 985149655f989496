/**
 * The relay keeps its retention windows by itself, on every driver, with every device off:
 * trash after 30 days, a cancelled team after 14, ended sets after 50; in bounded batches that
 * resume after a kill, and never under a clock that jumped.
 */
import { afterAll, afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createManualClock } from '../../core/clock';
import { DAY_MS } from '../../core/retention/windows';
import { fromBase64Url } from '../../core/security/base64url';
import type { Envelope } from '../../core/sync/protocol';
import { verifySet } from '../../core/sync/signing';
import { createRetentionSweep, type RetentionSweep } from '../../relay/retention/sweep';
import { teamHash } from '../../relay/store/retention-teams';
import type { SqlDriver } from '../../relay/store/sql-driver';
import { createRelayStore, type RelayStore } from '../../relay/store/store';
import { tombstoneHash } from '../../relay/store/tombstones';
import { drivers } from './drivers';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, releaseDriverResources } from './postgres-drivers';
import { rowsHolding } from './support/table-scan';
import { createTestDevice, newTeamId, newTeamKey, type TestDevice } from './support/test-device';

const START = Date.UTC(2026, 0, 1);

afterAll(releaseDriverResources, FIRST_OPEN_TIMEOUT_MS);
// Each test lives through weeks of daily sweeps; PGlite runs them in WebAssembly.
vi.setConfig({ testTimeout: FIRST_OPEN_TIMEOUT_MS });

const ciphertextsOf = (sets: readonly Envelope[], recordId: string): Uint8Array[] =>
  sets.flatMap((set) => set.items.filter((item) => item.recordId === recordId && item.ct !== undefined).map((item) => fromBase64Url(item.ct!)!));

const nonZero = (counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));

for (const factory of drivers) describeDriver(factory, ({ open }) => {
  let driver: SqlDriver;
  let store: RelayStore;
  let sweep: RetentionSweep;
  let clock: ReturnType<typeof createManualClock>;
  let team: string;
  let device: TestDevice;

  beforeEach(async () => {
    clock = createManualClock(START);
    driver = await open();
    store = createRelayStore(driver, { clock });
    await store.migrate();
    sweep = createRetentionSweep(driver, { clock });
    team = newTeamId();
    device = await createTestDevice(team, newTeamKey(), clock);
    await store.createTeam(team, device.keys.deviceId, device.keys.publicKey);
  }, FIRST_OPEN_TIMEOUT_MS);
  afterEach(async () => { await store.close(); });

  const push = async (...sets: Envelope[]) => {
    const outcome = await store.appendSets(team, device.keys.deviceId, sets);
    return outcome.results;
  };
  /** The relay left running: one sweep a day, as its timer would, through `days` days. */
  const liveFor = async (days: number, target = sweep) => {
    for (let day = 0; day < days; day += 1) {
      clock.advance(DAY_MS);
      const report = await target.run();
      expect(report.held).toBeNull();
    }
  };
  const pulledItems = async (recordId: string) =>
    (await store.pullSets(team, 0, 500)).sets.flatMap((set) => set.items.filter((item) => item.recordId === recordId));

  it('a record trashed 29 days ago is still whole and restorable; a restore keeps it past 30 days', async () => {
    const created = await device.nextSet([{ text: 'Ada, kept', recordId: 'ada', op: 'create' }]);
    const trashed = await device.nextSet([{ text: 'trash', recordId: 'ada', op: 'delete' }]);
    await push(created, trashed);
    await liveFor(29);
    expect((await pulledItems('ada')).every((item) => item.ct !== undefined)).toBe(true);
    const restored = await device.nextSet([{ text: 'back', recordId: 'ada', op: 'restore' }]);
    expect(await push(restored)).toEqual([{ setId: restored.setId, seq: 3, duplicate: false }]);
    await liveFor(10);
    expect((await pulledItems('ada')).map((item) => item.ct !== undefined)).toEqual([true, true, true]);
  });

  it('at 31 days no ciphertext of a trashed record is left in any table, its id is tombstoned, and the sets still verify', async () => {
    const mixed = await device.nextSet([{ text: 'Bob v1', recordId: 'bob', op: 'create' }, { text: 'Cy, kept', recordId: 'cy', op: 'create' }]);
    const edited = await device.nextSet([{ text: 'Bob v2', recordId: 'bob', op: 'update' }]);
    const trashed = await device.nextSet([{ text: 'trash', recordId: 'bob', op: 'delete' }]);
    await push(mixed, edited, trashed);
    const bobBytes = ciphertextsOf([mixed, edited, trashed], 'bob');
    await liveFor(29);
    expect(nonZero(await rowsHolding(driver, bobBytes))).toEqual({ change_items: 3 });

    await liveFor(2);
    expect(nonZero(await rowsHolding(driver, bobBytes))).toEqual({});
    expect(nonZero(await rowsHolding(driver, ciphertextsOf([mixed], 'cy')))).toEqual({ change_items: 1 });
    expect(await driver.all(`SELECT op FROM tombstones WHERE team_id = ? AND id_hash = ?`, [team, tombstoneHash('bob')])).toEqual([{ op: 'purge' }]);
    for (const { seq: _seq, ...set } of (await store.pullSets(team, 0, 500)).sets) expect(await verifySet(device.keys.publicKey, set)).toBe(true);
    // Too late: a restore now names an ended record.
    const restore = await device.nextSet([{ text: 'back', recordId: 'bob', op: 'restore' }]);
    expect(await push(restore)).toEqual([{ setId: restore.setId, error: 'tombstoned' }]);
  });

  it('orders trash and restore by the writers\' clocks: a restore made earlier but arriving later does not cancel the trash', async () => {
    await push(await device.nextSet([{ text: 'Dee', recordId: 'dee', op: 'create' }]), await device.nextSet([{ text: 'trash', recordId: 'dee', op: 'delete' }]));
    const other = await createTestDevice(team, newTeamKey(), clock);
    await store.addDevice(team, other.keys.deviceId, other.keys.publicKey, device.keys.deviceId);
    const earlierRestore = await other.nextSet([{ text: 'back', recordId: 'dee', op: 'restore' }], { wallMs: START - 60_000 });
    expect(await store.appendSets(team, other.keys.deviceId, [earlierRestore])).toMatchObject({ stored: 1 });
    await liveFor(31);
    expect((await pulledItems('dee')).filter((item) => item.ct !== undefined)).toEqual([]);
  });

  it('a cancelled team is restorable on day 13 with nothing lost, and on day 15 has zero rows in every table', async () => {
    const bystanderTeam = newTeamId();
    const bystander = await createTestDevice(bystanderTeam, newTeamKey(), clock);
    await store.createTeam(bystanderTeam, bystander.keys.deviceId, bystander.keys.publicKey);
    await store.appendSets(bystanderTeam, bystander.keys.deviceId, [await bystander.nextSet(['bystander data'])]);
    await push(await device.nextSet(['one', 'two']), await device.nextSet([{ text: 'x', recordId: 'gone', op: 'create' }]));
    await push(await device.nextSet([{ text: '', recordId: 'gone', op: 'purge' }]));
    await store.createSession(team, device.keys.deviceId, new Uint8Array(32).fill(7), START + DAY_MS);
    const cancellation = { team, device: device.keys.deviceId, signedAt: START, nonce: 'n', sig: 's' };
    const before = nonZero(await rowsHolding(driver, [team]));

    expect(await store.cancelTeam(cancellation)).toBe('cancelled');
    expect(await store.teamRefused(team)).toBe(true);
    await liveFor(13);
    expect(await store.restoreTeam(team)).toBe('restored');
    expect(await store.teamRefused(team)).toBe(false);
    expect(nonZero(await rowsHolding(driver, [team]))).toEqual(before);

    expect(await store.cancelTeam(cancellation)).toBe('cancelled');
    await liveFor(13);
    clock.advance(DAY_MS);
    // Day 14 has come: no restore, even before the sweep gets to the team.
    expect(await store.restoreTeam(team)).toBe('expired');
    expect((await sweep.run()).teamsDeleted).toBe(1);
    await liveFor(1);
    expect(nonZero(await rowsHolding(driver, [team]))).toEqual({});
    expect(await driver.all(`SELECT team_hash FROM team_tombstones`)).toEqual([{ team_hash: teamHash(team) }]);
    expect(await store.teamRefused(team)).toBe(true);
    expect((await store.pullSets(bystanderTeam, 0, 10)).sets).toHaveLength(1);
  });

  it('keeps no ended set older than 50 days; sets still holding a live record stay', async () => {
    // Ids long enough that no random instance id, key or ciphertext holds them by chance (a three-letter id once did).
    const [FAY, GUS] = ['record-fay-5c1e9a', 'record-gus-83d07b'];
    const live = await device.nextSet([{ text: 'Eve, live', recordId: 'eve', op: 'create' }]);
    const doomed = await device.nextSet([{ text: 'Fay', recordId: FAY, op: 'create' }]);
    const trashed = await device.nextSet([{ text: 'trash', recordId: FAY, op: 'delete' }]);
    const purged = await device.nextSet([{ text: 'Gus', recordId: GUS, op: 'create' }]);
    const purge = await device.nextSet([{ text: '', recordId: GUS, op: 'purge' }]);
    await push(live, doomed, trashed, purged, purge);
    const seqs = async () => (await driver.all<{ seq: number }>(`SELECT seq FROM change_sets WHERE team_id = ? ORDER BY seq`, [team])).map((row) => row.seq);
    await liveFor(49);
    expect(await seqs()).toEqual([1, 2, 3, 4, 5]);
    await liveFor(1);
    // Left: the live record's create, and the purge that tells a device that was away that its record ended.
    expect(await seqs()).toEqual([1, 5]);
    const old = (await store.pullSets(team, 0, 10)).sets.filter((set) => set.seq <= 5);
    for (const set of old) expect(set.items.every((item) => item.ct !== undefined || item.op === 'purge' || item.op === 'erase')).toBe(true);
    expect(nonZero(await rowsHolding(driver, [FAY]))).toEqual({});
    expect(nonZero(await rowsHolding(driver, [GUS]))).toEqual({ change_items: 1 });
  });

  it('a sweep killed mid-run keeps the batches it committed and the next run finishes', async () => {
    const ids = ['h1', 'h2', 'h3', 'h4', 'h5'];
    await push(await device.nextSet(ids.map((recordId) => ({ text: recordId, recordId, op: 'create' as const }))));
    await push(await device.nextSet(ids.map((recordId) => ({ text: 'trash', recordId, op: 'delete' as const }))));
    let commits: number | null = null;
    const dying = createRetentionSweep(driver, {
      clock, batch: 2, beforeBatchCommit: () => { if (commits !== null && (commits += 1) === 2) throw new Error('killed'); },
    });
    await liveFor(29, dying);
    clock.advance(DAY_MS);
    commits = 0;
    await expect(dying.run()).rejects.toThrow('killed');
    const ended = async () => (await driver.all(`SELECT id_hash FROM tombstones WHERE team_id = ?`, [team])).length;
    expect(await ended()).toBe(2);
    const report = await createRetentionSweep(driver, { clock, batch: 2 }).run();
    expect(report.held).toBeNull();
    expect(report.trashedRecordsEnded).toBe(3);
    expect(await ended()).toBe(5);
    expect((await pulledItems('h3')).filter((item) => item.ct !== undefined)).toEqual([]);
  });

  it('deletes nothing under a clock that jumped ahead or went back, and resumes once a later reading agrees', async () => {
    await push(await device.nextSet([{ text: 'Hal', recordId: 'hal', op: 'create' }]), await device.nextSet([{ text: 'trash', recordId: 'hal', op: 'delete' }]));
    expect((await sweep.run()).held).toBeNull();
    clock.advance(40 * DAY_MS);
    expect((await sweep.run()).held).toMatchObject({ type: 'clock-jumped' });
    expect((await pulledItems('hal')).every((item) => item.ct !== undefined)).toBe(true);
    clock.set(START - DAY_MS);
    expect((await sweep.run()).held).toMatchObject({ type: 'clock-behind' });
    expect((await pulledItems('hal')).every((item) => item.ct !== undefined)).toBe(true);
    // Weeks really passed: a reading an hour after the first agrees with it.
    clock.set(START + 40 * DAY_MS);
    expect((await sweep.run()).held).toMatchObject({ type: 'clock-jumped' });
    clock.advance(2 * 60 * 60 * 1000);
    const report = await sweep.run();
    expect(report.held).toBeNull();
    expect(report.trashedRecordsEnded).toBe(1);
  });
});
