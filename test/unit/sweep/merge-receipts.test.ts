import { describe, expect, it } from 'vitest';
import { UNDO_RECEIPT_PREFIX } from '../../../core/merge/undo-receipt';
import { saved } from '../store/harness';
import { createSweepHarness, sweptOk, type SweepHarness } from './harness';

/** Two Annas merged into one: returns the undo id the notice offers. */
const mergedAnnas = async (h: SweepHarness, lastName: string): Promise<string> => {
  const anna = saved(await h.store.create('person', { firstName: 'Anna', lastName }));
  const twin = saved(await h.store.create('person', { firstName: 'Anna', lastName: `${lastName}x` }));
  const merged = await h.store.mergeRecords({ survivorId: anna.id, otherId: twin.id, choices: {}, note: 'Merged' });
  if (!merged.ok) throw new Error(`Expected the merge to succeed: ${JSON.stringify(merged.error)}`);
  return merged.value.undoId;
};

const receiptIds = async (h: SweepHarness): Promise<string[]> =>
  (await h.db.getAllKeys('meta')).filter((key) => key.startsWith(UNDO_RECEIPT_PREFIX)).map((key) => key.slice(UNDO_RECEIPT_PREFIX.length));

describe('a sweep removes the undo receipts of merges once the trash window has closed', () => {
  it('keeps a receipt through day 29 and removes it after day 30 with the merged-away record, keeping a later one', async () => {
    const h = await createSweepHarness();
    const early = await mergedAnnas(h, 'Schmidt');
    sweptOk(await h.sweep());

    h.atDay(20);
    sweptOk(await h.sweepAfterGap());
    const later = await mergedAnnas(h, 'Meyer');

    h.atDay(29);
    sweptOk(await h.sweepAfterGap());
    expect((await receiptIds(h)).sort()).toEqual([early, later].sort());

    h.atDay(31);
    sweptOk(await h.sweepAfterGap());
    expect(await receiptIds(h)).toEqual([later]);
    expect(await h.store.undoMerge(early)).toEqual({ ok: false, error: { type: 'nothing-to-undo' } });
    expect((await h.store.undoMerge(later)).ok).toBe(true);
  });

  it('keeps every receipt under a clock that jumped 60 days ahead for one sweep', async () => {
    const h = await createSweepHarness();
    const undoId = await mergedAnnas(h, 'Schmidt');
    sweptOk(await h.sweep());
    h.atDay(60);
    expect(sweptOk(await h.sweep()).held).toMatchObject({ type: 'clock-jumped' });
    expect(await receiptIds(h)).toEqual([undoId]);
  });
});
