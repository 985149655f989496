import { describe, expect, it } from 'vitest';
import { markCancelled } from '../../../core/account/cancellation';
import { createIdFactory } from '../../../core/ids';
import { writeRetentionPolicy } from '../../../core/retention/policy';
import { createLoginLog, type LoginAttempt } from '../../../core/security/login-log';
import { listSnapshots } from '../../../core/snapshots/snapshots';
import { lowestIdAt } from '../../../worker/sweep/login-expiry';
import { createSweepHarness, DAY, sweptOk, type SweepHarness } from './harness';

const HOUR = 60 * 60 * 1000;

const attempt: Omit<LoginAttempt, 'id' | 'at'> = {
  outcome: 'success', factors: ['password'], keyName: null, reason: '', client: 'Chromium 130 on Linux', user: 'owner',
};

const recordLoginAt = async (h: SweepHarness, day: number): Promise<string> => {
  h.atDay(day);
  return (await createLoginLog(h.db, h.clock, createIdFactory(h.clock)).record(attempt)).id;
};

describe('a sweep forgets old login entries', () => {
  it('removes entries older than 90 days and keeps newer ones', async () => {
    const h = await createSweepHarness();
    const old = [await recordLoginAt(h, 0), await recordLoginAt(h, 5)];
    const recent = [await recordLoginAt(h, 20), await recordLoginAt(h, 100)];
    h.atDay(101);
    const report = sweptOk(await h.sweep());
    expect(report.loginsDeleted).toBe(2);
    expect(await h.db.getAllKeys('logins')).toEqual(recent);
    for (const id of old) expect(await h.db.get('logins', id)).toBeUndefined();
  });

  it('follows the owner’s shorter window, across more entries than one page', async () => {
    const h = await createSweepHarness();
    expect((await writeRetentionPolicy(h.db, { loginDays: 30 })).ok).toBe(true);
    const newId = createIdFactory(h.clock);
    const tx = h.db.transaction('logins', 'readwrite');
    for (let i = 0; i < 1_500; i++) void tx.store.put({ ...attempt, id: newId(), at: h.clock.now() });
    await tx.done;
    const kept = await recordLoginAt(h, 40);
    h.atDay(45);
    expect(sweptOk(await h.sweep()).loginsDeleted).toBe(1_500);
    expect(await h.db.getAllKeys('logins')).toEqual([kept]);
  });

  it('mints the cut-off id below every id of its millisecond and above every earlier one', () => {
    const at = Date.UTC(2025, 5, 1);
    const ids = createIdFactory({ now: () => at });
    const earlier = createIdFactory({ now: () => at - 1 });
    expect(lowestIdAt(at) <= ids()).toBe(true);
    expect(earlier() < lowestIdAt(at)).toBe(true);
  });
});

describe('a sweep takes the daily snapshot', () => {
  it('takes one a day at most', async () => {
    const h = await createSweepHarness();
    const first = sweptOk(await h.sweep({ key: false }));
    expect(first.snapshotTaken).not.toBeNull();
    h.clock.advance(DAY / 2);
    expect(sweptOk(await h.sweep()).snapshotTaken).toBeNull();
    h.clock.advance(DAY / 2);
    const next = sweptOk(await h.sweep());
    expect(next.snapshotTaken).not.toBeNull();
    expect((await listSnapshots(h.db)).map((snapshot) => snapshot.id).sort()).toEqual([first.snapshotTaken, next.snapshotTaken].sort());
  });

  it('takes none while the owner has switched snapshots off', async () => {
    const h = await createSweepHarness();
    await writeRetentionPolicy(h.db, { snapshotsEnabled: false });
    expect(sweptOk(await h.sweep()).snapshotTaken).toBeNull();
    expect(await listSnapshots(h.db)).toEqual([]);
  });

  it('takes none while the account is cancelled', async () => {
    const h = await createSweepHarness();
    await markCancelled(h.db, h.clock.now());
    expect(sweptOk(await h.sweep({ key: false })).snapshotTaken).toBeNull();
    expect(await listSnapshots(h.db)).toEqual([]);
  });

  it('removes snapshots older than 50 days, keeping the newest three', async () => {
    const h = await createSweepHarness();
    const taken: (string | null)[] = [];
    for (const day of [0, 1, 2, 3]) {
      h.atDay(day);
      taken.push(sweptOk(await h.sweep()).snapshotTaken);
    }
    h.atDay(51);
    const held = sweptOk(await h.sweep());
    expect(held.snapshotsDeleted).toBe(0);
    h.clock.advance(HOUR);
    const report = sweptOk(await h.sweep());
    // Days 0 and 1 are past 50 days; day 2 is too, but it is one of the newest three.
    expect(report.snapshotsDeleted).toBe(2);
    expect((await listSnapshots(h.db)).map((snapshot) => snapshot.id)).toEqual([held.snapshotTaken, taken[3], taken[2]]);
  });
});
