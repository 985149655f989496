import { describe, expect, it } from 'vitest';
import { markCancelled } from '../../../core/account/cancellation';
import { openLocketDb } from '../../../core/db/schema';
import { saved } from '../store/harness';
import { createSweepHarness, sweptOk } from './harness';

describe('a sweep deletes a cancelled account after 14 days', () => {
  it('keeps everything through day 14 and deletes the whole database at day 15', async () => {
    const h = await createSweepHarness();
    const ada = saved(await h.store.create('person', { firstName: 'Ada', lastName: 'Okafor' }));
    await markCancelled(h.db, h.clock.now());

    // A sweep a day, as a device in use runs them: day 14 is the first to see the window closed.
    for (let day = 1; day <= 14; day++) {
      h.atDay(day);
      expect(sweptOk(await h.sweep({ key: false, trigger: 'alarm' })).accountDeleted).toBe(false);
    }
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
