import { describe, expect, it } from 'vitest';
import { markCancelled } from '../../../core/account/cancellation';
import { openLocketDb } from '../../../core/store/schema';
import { saved } from '../store/harness';
import { createSweepHarness, sweptOk } from './harness';

describe('a sweep deletes a cancelled account after 14 days', () => {
  it('keeps everything at day 13 and deletes the whole database at day 15', async () => {
    const h = await createSweepHarness();
    const ada = saved(await h.store.create('person', { firstName: 'Ada', lastName: 'Okafor' }));
    await markCancelled(h.db, h.clock.now());

    h.atDay(13);
    const kept = sweptOk(await h.sweep({ key: false, trigger: 'alarm' }));
    expect(kept.accountDeleted).toBe(false);
    expect(await h.db.get('records', ada.id)).toBeDefined();
    expect(await h.db.count('vault')).toBe(1);

    h.atDay(15);
    const deleted = sweptOk(await h.sweep({ key: false, trigger: 'alarm' }));
    expect(deleted.accountDeleted).toBe(true);
    // Every open connection (the store's, this test's) closed itself so the deletion could go ahead.
    const reopened = await openLocketDb(h.factory, h.name);
    expect(await reopened.count('vault')).toBe(0);
    expect(await reopened.count('records')).toBe(0);
    expect(await reopened.count('meta')).toBe(0);
    reopened.close();
  });
});
