import { describe, expect, it } from 'vitest';
import { createOutbox } from '../../../core/replica/outbox';
import { OUTBOX_DAYS } from '../../../core/retention/windows';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import { saved } from '../store/harness';
import { createSweepHarness, sweptOk, type SweepHarness } from './harness';

/** Five local writes, the first three on day 0 and two on day 30, the relay having acknowledged the first four. */
const queued = async (h: SweepHarness) => {
  const outbox = createOutbox({ db: h.db, codec: createAesGcmCodec(new Uint8Array(h.accountKey)), auditKeys: null });
  for (const name of ['Ada', 'Grace', 'Alan']) saved(await h.store.create('person', { firstName: name, lastName: 'Day0' }));
  h.atDay(30);
  for (const name of ['Edsger', 'Barbara']) saved(await h.store.create('person', { firstName: name, lastName: 'Day30' }));
  const handed = await outbox.pending(10);
  await outbox.acknowledge(4);
  return { outbox, setIds: handed.map((entry) => entry.set.setId) };
};

const queuedSetIds = async (h: SweepHarness): Promise<string[]> => (await h.db.getAll('outbox')).map((row) => row.setId);

describe('a sweep drops what the relay acknowledged more than 50 days ago from the outbox', () => {
  it('keeps every row through day 50, then drops the acknowledged ones older than that, keeping the last acknowledged and the unsent', async () => {
    expect(OUTBOX_DAYS).toBe(50);
    const h = await createSweepHarness();
    const { outbox, setIds } = await queued(h);
    sweptOk(await h.sweep());

    h.atDay(49);
    sweptOk(await h.sweepAfterGap());
    expect(await queuedSetIds(h)).toEqual(setIds);

    h.atDay(51);
    sweptOk(await h.sweepAfterGap());
    // Day-0 rows went; the fourth (acknowledged last) names the previous set of the next push, and the fifth is still to send.
    expect(await queuedSetIds(h)).toEqual(setIds.slice(3));
    const next = await outbox.pending(10);
    expect(next.map((entry) => [entry.clientSeq, entry.prevSetId, entry.set.setId])).toEqual([[5, setIds[3], setIds[4]]]);
    expect(await outbox.pendingCount()).toBe(1);
  });

  it('drops nothing under a clock that jumped 60 days ahead for one sweep', async () => {
    const h = await createSweepHarness();
    const { setIds } = await queued(h);
    sweptOk(await h.sweep());
    h.atDay(90);
    expect(sweptOk(await h.sweep()).held).toMatchObject({ type: 'clock-jumped' });
    expect(await queuedSetIds(h)).toEqual(setIds);
  });
});
