import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../../../core/audit/audit-log';
import { createIdFactory } from '../../../core/ids';
import { CONFIRM_AFTER_MS } from '../../../core/retention/clock-trust';
import { readSweepReport } from '../../../worker/sweep/report-store';
import { PURGE_BATCH } from '../../../worker/sweep/runner';
import { saved } from '../store/harness';
import { createSweepHarness, danglingChangeSets, seedTrashedRows, START, sweptOk, trashCount } from './harness';

const person = (firstName: string) => ({ firstName, lastName: 'Okafor' });

describe('a sweep purges the trash after 30 days', () => {
  it('keeps a record deleted at day 0 at day 29 and purges it, with its note, at day 31', async () => {
    const h = await createSweepHarness();
    const ada = saved(await h.store.create('person', person('Ada')));
    const note = saved(await h.store.create('note', { body: 'Met at the fair', recordId: ada.id }));
    const acme = saved(await h.store.create('organisation', { name: 'Acme' }));
    const kept = saved(await h.store.create('person', person('Bo')));
    await h.store.remove(ada.id);
    await h.store.remove(acme.id);

    h.atDay(29);
    const early = sweptOk(await h.sweepAfterGap());
    expect(early.purged).toEqual({});
    expect((await h.db.get('records', ada.id))?.deletedAt).toBe(START);
    expect(await h.db.get('records', note.id)).toBeDefined();

    h.atDay(31);
    const report = sweptOk(await h.sweepAfterGap({ trigger: 'alarm' }));
    expect(report.purged).toEqual({ person: 1, note: 1, organisation: 1 });
    expect(report.trigger).toBe('alarm');
    for (const id of [ada.id, note.id, acme.id]) expect(await h.db.get('records', id)).toBeUndefined();
    expect(await h.store.get(kept.id)).toMatchObject({ fields: { firstName: 'Bo' } });
    expect(await danglingChangeSets(h.db)).toEqual([]);
    expect(await readSweepReport(h.db)).toEqual(report);

    const purges = (await createAuditLog({ db: h.db, clock: h.clock, keys: async () => null }).entries()).filter((entry) => entry.type === 'records-purged');
    expect(purges).toHaveLength(1);
    expect(purges[0]?.detail).toMatchObject({ trigger: 'alarm', person: 1, note: 1, organisation: 1 });
  });

  it('writes no audit entry for a sweep that purged nothing', async () => {
    const h = await createSweepHarness();
    saved(await h.store.create('person', person('Ada')));
    sweptOk(await h.sweep());
    const entries = await createAuditLog({ db: h.db, clock: h.clock, keys: async () => null }).entries();
    expect(entries.filter((entry) => entry.type === 'records-purged')).toEqual([]);
  });

  it('stops at a failure between batches, keeps whole batches, and the next sweep finishes', async () => {
    const h = await createSweepHarness();
    const total = PURGE_BATCH * 2 + 500;
    await seedTrashedRows(h.db, total, h.clock.now(), createIdFactory(h.clock));
    h.atDay(31);
    const failing = await h.sweep({ ports: { afterBatch: () => { throw new Error('The browser went away'); } } });

    expect(failing?.error).toEqual({ type: 'write-failed', message: expect.stringMatching(/The browser went away/) });
    expect(failing?.purged).toEqual({ person: PURGE_BATCH });
    expect(await trashCount(h.db)).toBe(total - PURGE_BATCH);
    expect((await readSweepReport(h.db))?.error).toEqual({ type: 'write-failed', message: expect.stringMatching(/The browser went away/) });

    const next = sweptOk(await h.sweep());
    expect(next.purged).toEqual({ person: total - PURGE_BATCH });
    expect(await trashCount(h.db)).toBe(0);
  });

  it('commits each batch with its own audit entry, so a sweep killed after a batch leaves that batch audited', async () => {
    const h = await createSweepHarness();
    await seedTrashedRows(h.db, PURGE_BATCH + 10, h.clock.now(), createIdFactory(h.clock));
    h.atDay(31);
    const log = createAuditLog({ db: h.db, clock: h.clock, keys: async () => null });
    const purgesOf = async () => (await log.entries()).filter((entry) => entry.type === 'records-purged');
    // Read the moment the first batch commits, as a browser killed then would leave the log.
    let atFirstBatch: ReturnType<typeof purgesOf> | null = null;
    sweptOk(await h.sweep({ ports: { afterBatch: () => { atFirstBatch ??= purgesOf(); } } }));
    const seenThen = await atFirstBatch!;
    expect(seenThen).toHaveLength(1);
    expect(seenThen[0]?.detail).toMatchObject({ person: PURGE_BATCH, trigger: 'page' });
    const all = await purgesOf();
    expect(all.map((entry) => entry.detail['person'])).toEqual([PURGE_BATCH, 10]);
  });

  it('leaves mixed change sets for the key while locked, and an unlocked sweep rewrites them', async () => {
    const h = await createSweepHarness();
    await h.store.insertMany('person', [person('Ada'), person('Bo')]);
    const byName = new Map((await h.store.page('person', 0, 10)).flatMap((record) => (record.kind === 'person' ? [[record.fields.firstName, record.id]] : [])));
    await h.store.remove(byName.get('Ada')!);

    h.atDay(31);
    const locked = sweptOk(await h.sweepAfterGap({ key: false }));
    expect(locked.purged).toEqual({ person: 1 });
    expect(locked.changeSetsAwaitingKey).toBeGreaterThan(0);

    const unlocked = sweptOk(await h.sweep({ key: true }));
    expect(unlocked.changeSetsRewritten).toBeGreaterThan(0);
    expect(unlocked.changeSetsAwaitingKey).toBe(0);
    expect(await h.store.get(byName.get('Bo')!)).toMatchObject({ fields: { firstName: 'Bo' } });
    expect(await danglingChangeSets(h.db)).toEqual([]);
  });
});

describe('sweeps are one at a time', () => {
  it('resolves the second of two concurrent sweeps with null and lets the first do the work', async () => {
    const h = await createSweepHarness();
    const ada = saved(await h.store.create('person', person('Ada')));
    await h.store.remove(ada.id);
    h.atDay(31);
    expect(sweptOk(await h.sweep()).purged).toEqual({});
    h.clock.advance(CONFIRM_AFTER_MS);
    const [first, second] = await Promise.all([h.sweep(), h.sweep()]);
    expect(sweptOk(first).purged).toEqual({ person: 1 });
    expect(second).toBeNull();
    expect(await h.db.get('records', ada.id)).toBeUndefined();
  });
});
