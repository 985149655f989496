import { describe, expect, it } from 'vitest';
import { createIdFactory } from '../../../core/ids';
import { createManualClock } from '../../../core/clock';
import { emptyFields } from '../../../core/records/validate';
import type { PlannedWrite } from '../../../core/imports/import-batch-types';
import { IMPORT_BATCH_SIZE } from '../../../core/imports/import-batch';
import { BULK_BATCH_SIZE } from '../../../core/record-store/bulk-insert';
import { plainCodec, type ValueCodec } from '../../../core/codec';
import type { ChangeBus } from '../../../core/db/change-bus';
import { createHarness, person } from '../store/harness';

/**
 * Bulk writes encode the next batch while the one before it commits, so the codec's work and
 * IndexedDB's overlap instead of taking turns. Seen from outside: the second batch is encoded
 * before the first is announced (announcing follows the commit). Nothing else changes.
 */
type Event = `encode ${number}` | `announce ${number}`;

const watched = (failAt?: number) => {
  const events: Event[] = [];
  let encodes = 0;
  const codec: ValueCodec = {
    ...plainCodec,
    encodeMany: async (values, aads) => {
      encodes += 1;
      events.push(`encode ${encodes}`);
      if (encodes === failAt) throw new Error('the codec failed');
      return plainCodec.encodeMany(values, aads);
    },
  };
  return { codec, events };
};

/** A bus that notes each announcement among the codec's calls. */
const announcing = (events: Event[]): ChangeBus => {
  let count = 0;
  return {
    publish: () => { count += 1; events.push(`announce ${count}`); },
    subscribe: () => () => undefined,
    close: () => undefined,
  };
};

const ids = createIdFactory(createManualClock(Date.UTC(2023, 0, 1)));
const newPerson = (index: number): PlannedWrite => ({
  op: 'create', id: ids(), kind: 'person', createdAt: 1, updatedAt: 1,
  fields: { ...emptyFields('person', { owner: 'owner', currency: 'EUR' }), firstName: `P${index}`, lastName: 'Imported' },
});

describe('bulk writes overlap encoding and committing', () => {
  it('encodes the second insert batch before the first has committed, and writes every batch in order', async () => {
    const { codec, events } = watched();
    const { store } = await createHarness({ bus: announcing(events) }, codec);

    const report = await store.insertMany('person', Array.from({ length: BULK_BATCH_SIZE * 2 + 10 }, (_, i) => person(`P${i}`, 'Bulk')));

    expect(report.inserted).toBe(BULK_BATCH_SIZE * 2 + 10);
    expect(events.indexOf('encode 2')).toBeLessThan(events.indexOf('announce 1'));
    expect(events.filter((event) => event.startsWith('announce'))).toEqual(['announce 1', 'announce 2', 'announce 3']);
    expect(await store.count('person')).toBe(BULK_BATCH_SIZE * 2 + 10);
  });

  it('keeps the insert batches before a batch whose encoding failed, announced, and rejects', async () => {
    const { codec } = watched(2);
    const { store, db, bus } = await createHarness({}, codec);

    await expect(store.insertMany('person', Array.from({ length: BULK_BATCH_SIZE * 3 }, (_, i) => person(`P${i}`, 'Bulk'))))
      .rejects.toThrow('the codec failed');

    expect(await db.count('records')).toBe(BULK_BATCH_SIZE);
    expect(await db.count('changes')).toBe(1);
    expect(bus.published.flatMap((change) => change.ids)).toHaveLength(BULK_BATCH_SIZE);
  });

  it('encodes the second import batch before the first has committed', async () => {
    const { codec, events } = watched();
    const { store } = await createHarness({ bus: announcing(events) }, codec);

    const report = await store.applyImport('batch-1', Array.from({ length: IMPORT_BATCH_SIZE * 2 + 5 }, (_, i) => newPerson(i)));

    expect(report).toEqual({ written: IMPORT_BATCH_SIZE * 2 + 5, refused: [], failure: null });
    expect(events.indexOf('encode 2')).toBeLessThan(events.indexOf('announce 1'));
  });

  it('reports an import batch whose encoding failed as not written, with the batches before it written', async () => {
    const { codec } = watched(2);
    const { store, db } = await createHarness({}, codec);

    const report = await store.applyImport('batch-1', Array.from({ length: IMPORT_BATCH_SIZE * 3 }, (_, i) => newPerson(i)));

    expect(report.written).toBe(IMPORT_BATCH_SIZE);
    expect(report.failure).toMatchObject({ firstIndex: IMPORT_BATCH_SIZE, notWritten: IMPORT_BATCH_SIZE * 2 });
    expect(await db.count('records')).toBe(IMPORT_BATCH_SIZE);
  });
});
