import { describe, expect, it } from 'vitest';
import { CANCELLATION_KEY, markCancelled } from '../../../core/account/cancellation';
import { listSnapshots } from '../../../core/snapshots/snapshots';
import { openLocketDb } from '../../../core/db/schema';
import { SWEEP_REPORT_KEY } from '../../../worker/sweep/report-store';
import { TIME_MARK_KEY } from '../../../worker/sweep/time-mark';
import { saved } from '../store/harness';
import { createSweepHarness, DAY, START, sweptOk, type SweepHarness } from './harness';

const HOUR = 60 * 60 * 1000;

/** Three daily snapshots over three days, with a sweep each day, as a device in use takes them. */
const threeDailySnapshots = async (h: SweepHarness): Promise<string[]> => {
  const ids: string[] = [];
  for (const day of [0, 1, 2]) {
    h.atDay(day);
    const taken = sweptOk(await h.sweep()).snapshotTaken;
    if (taken) ids.push(taken);
  }
  return ids;
};

const trashedAnHourAgo = async (h: SweepHarness): Promise<string> => {
  const ada = saved(await h.store.create('person', { firstName: 'Ada', lastName: 'Okafor' }));
  h.clock.advance(HOUR);
  await h.store.remove(ada.id);
  return ada.id;
};

describe('a sweep under a clock that jumped ahead deletes nothing', () => {
  it('keeps a record trashed an hour earlier and every snapshot when the clock reads 60 days ahead for one sweep', async () => {
    const h = await createSweepHarness();
    const snapshots = await threeDailySnapshots(h);
    const ada = await trashedAnHourAgo(h);

    h.clock.advance(60 * DAY);
    const report = sweptOk(await h.sweep({ trigger: 'alarm' }));
    expect(report.purged).toEqual({});
    expect(report.snapshotsDeleted).toBe(0);
    expect(report.held).toMatchObject({ type: 'clock-jumped', clockAt: h.clock.now() });
    expect((await h.db.get('records', ada))?.deletedAt).not.toBeNull();
    for (const id of snapshots) expect(await h.db.get('snapshots', id)).toBeDefined();

    // The clock is put right: the next sweep trusts it again and still deletes nothing early.
    h.atDay(2);
    h.clock.advance(3 * HOUR);
    const after = sweptOk(await h.sweep());
    expect(after.held).toBeNull();
    expect(after.purged).toEqual({});
    expect(await h.db.get('records', ada)).toBeDefined();
  });

  it('keeps an account cancelled an hour earlier when the clock reads 15 days ahead', async () => {
    const h = await createSweepHarness();
    sweptOk(await h.sweep());
    const ada = saved(await h.store.create('person', { firstName: 'Ada', lastName: 'Okafor' }));
    await markCancelled(h.db, h.clock.now());
    h.clock.advance(HOUR + 15 * DAY);

    const report = sweptOk(await h.sweep({ key: false, trigger: 'alarm' }));
    expect(report.accountDeleted).toBe(false);
    expect(report.held?.type).toBe('clock-jumped');
    expect(await h.db.get('records', ada.id)).toBeDefined();
    expect(await h.db.count('vault')).toBe(1);
  });
});

describe('a change saved while the clock was ahead', () => {
  it('does not hold the sweeps once the clock is put right', async () => {
    const h = await createSweepHarness();
    sweptOk(await h.sweep());
    h.clock.advance(60 * DAY);
    expect(sweptOk(await h.sweep()).held?.type).toBe('clock-jumped');
    saved(await h.store.create('person', { firstName: 'Ada', lastName: 'Okafor' }));

    h.atDay(0);
    h.clock.advance(2 * HOUR);
    expect(sweptOk(await h.sweep()).held).toBeNull();
  });
});

describe('a sweep under a clock that runs behind deletes nothing', () => {
  it('says the clock is behind the newest time seen, and goes ahead once the clock has caught up', async () => {
    const h = await createSweepHarness();
    const ada = saved(await h.store.create('person', { firstName: 'Ada', lastName: 'Okafor' }));
    await h.store.remove(ada.id);
    for (let day = 1; day <= 31; day++) {
      h.atDay(day);
      sweptOk(await h.sweep());
    }
    expect(await h.db.get('records', ada.id)).toBeUndefined();

    const bo = saved(await h.store.create('person', { firstName: 'Bo', lastName: 'Okafor' }));
    await h.store.remove(bo.id);
    const seen = h.clock.now();
    h.atDay(-40);
    const behind = sweptOk(await h.sweep());
    expect(behind.held).toEqual({ type: 'clock-behind', clockAt: h.clock.now(), seenAt: seen });
    expect(behind.loginsDeleted + behind.snapshotsDeleted + Object.keys(behind.purged).length).toBe(0);
    expect(await h.db.get('records', bo.id)).toBeDefined();

    h.clock.set(seen + HOUR);
    expect(sweptOk(await h.sweep()).held).toBeNull();
  });
});

describe('a device closed for weeks still purges', () => {
  it('holds the first sweep after a long gap and purges at a later sweep whose clock agrees', async () => {
    const h = await createSweepHarness();
    const ada = await trashedAnHourAgo(h);
    sweptOk(await h.sweep());

    h.atDay(31);
    const first = sweptOk(await h.sweep());
    expect(first.purged).toEqual({});
    expect(first.held).toMatchObject({ type: 'clock-jumped', confirmAfter: h.clock.now() + HOUR });
    expect(await h.db.get('records', ada)).toBeDefined();

    // A sweep a few minutes later is not yet enough: the clock must still agree an hour on.
    h.clock.advance(10 * 60 * 1000);
    expect(sweptOk(await h.sweep()).held?.type).toBe('clock-jumped');

    h.atDay(31);
    h.clock.advance(HOUR);
    const agreed = sweptOk(await h.sweep());
    expect(agreed.held).toBeNull();
    expect(agreed.purged).toEqual({ person: 1 });
    expect(await h.db.get('records', ada)).toBeUndefined();
  });

  it('starts over when the later sweep reads more than a day past the first', async () => {
    const h = await createSweepHarness();
    const ada = await trashedAnHourAgo(h);
    sweptOk(await h.sweep());
    h.atDay(31);
    sweptOk(await h.sweep());
    h.atDay(90);
    expect(sweptOk(await h.sweep()).held?.type).toBe('clock-jumped');
    expect(await h.db.get('records', ada)).toBeDefined();
  });
});

describe('a cancelled account is deleted only after sweeps on two different days saw its window closed', () => {
  it('keeps it after the first sweep past 14 days and deletes it at a sweep on the next day', async () => {
    const h = await createSweepHarness();
    await markCancelled(h.db, h.clock.now());
    for (let day = 1; day <= 13; day++) {
      h.atDay(day);
      expect(sweptOk(await h.sweep({ key: false })).accountDeleted).toBe(false);
    }
    h.atDay(14);
    h.clock.advance(HOUR);
    expect(sweptOk(await h.sweep({ key: false })).accountDeleted).toBe(false);
    h.clock.advance(6 * HOUR);
    expect(sweptOk(await h.sweep({ key: false })).accountDeleted).toBe(false);
    expect(await h.db.count('vault')).toBe(1);

    h.atDay(15);
    expect(sweptOk(await h.sweep({ key: false })).accountDeleted).toBe(true);
    const reopened = await openLocketDb(h.factory, h.name);
    expect(await reopened.count('vault')).toBe(0);
    reopened.close();
  });

  it('counts a cancellation dated before the account existed as cancelled now', async () => {
    const h = await createSweepHarness();
    await h.db.put('vault', { stands: 'for the account', createdAt: START }, 'vault');
    sweptOk(await h.sweep());
    await markCancelled(h.db, START - 400 * DAY);
    h.clock.advance(HOUR);

    expect(sweptOk(await h.sweep({ key: false })).accountDeleted).toBe(false);
    h.atDay(1);
    expect(sweptOk(await h.sweep({ key: false })).accountDeleted).toBe(false);
    expect(await h.db.get('meta', CANCELLATION_KEY)).toMatchObject({ cancelledAt: START + HOUR });
  });

  it('counts a cancellation dated after now as cancelled now, never as expired', async () => {
    const h = await createSweepHarness();
    sweptOk(await h.sweep());
    await markCancelled(h.db, START + 400 * DAY);
    for (const day of [1, 2]) {
      h.atDay(day);
      expect(sweptOk(await h.sweep({ key: false })).accountDeleted).toBe(false);
    }
    expect(await h.db.count('vault')).toBe(1);
  });
});

describe('snapshots under a wrong clock', () => {
  it('keeps the newest three whatever their dates', async () => {
    const h = await createSweepHarness();
    const snapshots = await threeDailySnapshots(h);
    h.atDay(200);
    sweptOk(await h.sweep({ key: false }));
    h.clock.advance(HOUR);
    const report = sweptOk(await h.sweep({ key: false }));
    expect(report.held).toBeNull();
    const left = (await listSnapshots(h.db)).map((snapshot) => snapshot.id);
    // The day-200 snapshot and the two newest before it.
    expect(left).toHaveLength(3);
    expect(left).toContain(snapshots[2]);
    expect(left).toContain(snapshots[1]);
  });

  it('takes the daily snapshot even when a snapshot dated in the future exists', async () => {
    const h = await createSweepHarness();
    h.atDay(60);
    const future = sweptOk(await h.sweep()).snapshotTaken;
    expect(future).not.toBeNull();
    h.atDay(0);
    await h.db.delete('meta', TIME_MARK_KEY);
    await h.db.delete('meta', SWEEP_REPORT_KEY);
    const today = sweptOk(await h.sweep());
    expect(today.snapshotTaken).not.toBeNull();
    expect(today.snapshotTaken).not.toBe(future);
  });
});
