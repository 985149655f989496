import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { coreWorkerContract } from '../../../worker/contract';
import { validated } from '../../../worker/host';
import { createWorkerApi } from '../../../worker/worker-api';
import { rowNoteText } from '../../../components/shared/messages/import-messages';
import type { LocketRecord } from '../../../core/records/types';
import type { LocketStore } from '../../../core/store/contract';
import { createHarness, saved } from '../store/harness';
import { finished } from './harness';

const rowsOf = (bytes: Uint8Array): Record<string, string>[] =>
  Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true }).data;

/** Live conversations, read with the store's batch reader (count and page serve the listed kinds only). */
const liveActivities = async (store: LocketStore): Promise<LocketRecord<'activity'>[]> => {
  const activities: LocketRecord<'activity'>[] = [];
  await store.forEachBatch(100, (records) => { for (const record of records) if (record.kind === 'activity') activities.push(record); });
  return activities;
};

const start = async () => {
  const harness = await createHarness();
  return { ...harness, api: validated(coreWorkerContract, createWorkerApi({ store: harness.store, bus: harness.bus, clock: harness.clock })) };
};

describe('activities.csv through the worker', () => {
  it('exports live conversations only, and reads them back into another Locket by id, with undo; a bad time writes nothing of its row', async () => {
    const source = await start();
    const jo = saved(await source.store.create('person', { firstName: 'Jo', lastName: 'Example' }));
    const call = saved(await source.store.create('activity', {
      type: 'call', recordId: jo.id, occurredAt: Date.UTC(2026, 2, 2, 14, 30), durationMinutes: 15, outcome: '=1+1', body: 'Agreed a demo',
    }));
    const gone = saved(await source.store.create('activity', { type: 'email', recordId: jo.id, occurredAt: Date.UTC(2026, 2, 1) }));
    await source.store.remove(gone.id);

    const activities = finished(await source.api.exportCsv(['activities'], { bom: false, zip: false }, () => undefined));
    expect(activities.fileName).toBe('locket-activities.csv');
    expect(activities.rows).toEqual({ activities: 1 });
    expect(rowsOf(activities.bytes)).toEqual([expect.objectContaining({
      'Locket ID': call.id, Type: 'call', 'Record ID': jo.id, Record: 'Jo Example', 'Occurred At': '2026-03-02T14:30:00.000Z',
      'Duration (minutes)': '15', Outcome: "'=1+1", Summary: 'Agreed a demo',
    })]);
    const contacts = finished(await source.api.exportCsv(['contacts'], { bom: false, zip: false }, () => undefined));

    const target = await start();
    const withBadRow = new TextEncoder().encode(
      `${new TextDecoder().decode(activities.bytes)},meeting,${jo.id},Jo Example,not a time,,Half,Must not be written,,\r\n`,
    );
    const files = [{ name: 'locket-contacts.csv', bytes: contacts.bytes }, { name: 'locket-activities.csv', bytes: withBadRow }];
    const previews = await target.api.previewImport(files);
    expect(previews.map((preview) => preview.mapping?.file)).toEqual(['contacts', 'activities']);
    const summary = await target.api.planImport(files, previews.map((preview) => preview.mapping!), 'skip');
    expect(summary.counts.activities).toEqual({ new: 1, updated: 0, skipped: 0, invalid: 1 });
    const invalid = summary.rows.find((row) => row.action === 'invalid');
    expect(invalid?.reasons.map(rowNoteText)).toEqual(['Occurred At: “not a time” is not a date and time such as 2024-05-01T09:30:00Z.']);
    expect(await liveActivities(target.store)).toEqual([]);

    const result = await target.api.runImport(summary.planRef ?? '');
    expect(result).toMatchObject({ written: 2, failed: 0 });
    const imported = await liveActivities(target.store);
    expect(imported.map(({ id, fields }) => ({ id, fields }))).toEqual([{ id: call.id, fields: call.fields }]);

    expect(await target.api.undoImport(result.batchId)).toMatchObject({ removed: 2 });
    expect(await liveActivities(target.store)).toEqual([]);
  });
});
