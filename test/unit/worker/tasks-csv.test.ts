import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { coreWorkerContract } from '../../../worker/contract';
import { validated } from '../../../worker/host';
import { createWorkerApi } from '../../../worker/worker-api';
import type { ImportFileInput } from '../../../worker/import-types';
import { rowNoteText } from '../../../components/shared/messages/import-messages';
import { createHarness, saved } from '../store/harness';
import { finished } from './harness';
import type { LocketRecord } from '../../../core/records/types';

const fixture = (name: string): ImportFileInput => ({
  name, bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url))),
});
const rowsOf = (bytes: Uint8Array): Record<string, string>[] =>
  Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true }).data;

type Store = Awaited<ReturnType<typeof createHarness>>['store'];

/** Every task outside the trash: tasks have no list of their own to count. */
const liveTasks = async (store: Store): Promise<LocketRecord<'task'>[]> => {
  const tasks: LocketRecord<'task'>[] = [];
  await store.forEachBatch(100, (records) => { for (const record of records) if (record.kind === 'task') tasks.push(record); });
  return tasks;
};

const start = async () => {
  const harness = await createHarness();
  return { ...harness, api: validated(coreWorkerContract, createWorkerApi({ store: harness.store, bus: harness.bus, clock: harness.clock })) };
};

describe('tasks.csv through the worker', () => {
  it('exports live tasks only, with their record’s name, and counts them', async () => {
    const { api, store } = await start();
    const org = saved(await store.create('organisation', { name: 'Example Industries Ltd' }));
    const call = saved(await store.create('task', { description: '@call back', recordId: org.id, dueDate: '2026-03-02', timeZone: 'UTC' }));
    const gone = saved(await store.create('task', { description: 'Trashed task' }));
    await store.remove(gone.id);
    const file = finished(await api.exportCsv(['tasks'], { bom: false, zip: false }, () => undefined));
    expect(file.fileName).toBe('locket-tasks.csv');
    expect(file.rows).toEqual({ tasks: 1 });
    expect(rowsOf(file.bytes)).toEqual([expect.objectContaining({
      'Locket ID': call.id, Description: "'@call back", 'Record ID': org.id, Record: 'Example Industries Ltd', 'Due Date': '2026-03-02',
    })]);
  });

  it('imports Capsule’s task export through the preview and dry run, writes the valid rows, and undoes them as one batch', async () => {
    const { api, store } = await start();
    const org = saved(await store.create('organisation', { name: 'Example Industries Ltd' }));
    const [preview] = await api.previewImport([fixture('capsule-tasks.csv')]);
    expect(preview?.mapping?.file).toBe('tasks');
    const summary = await api.planImport([fixture('capsule-tasks.csv')], [preview!.mapping!], 'skip');
    expect(summary.counts.tasks).toEqual({ new: 4, updated: 0, skipped: 0, invalid: 1 });
    const invalid = summary.rows.find((row) => row.action === 'invalid');
    expect(invalid?.rowNumber).toBe(5);
    expect(invalid?.reasons.map(rowNoteText)).toEqual(['Due Date: Enter the due date as YYYY-MM-DD.']);
    expect(await liveTasks(store)).toEqual([]);

    const result = await api.runImport(summary.planRef ?? '');
    expect(result).toMatchObject({ written: 4, failed: 0 });
    const tasks = await liveTasks(store);
    expect(tasks.map((task) => task.fields.description).sort()).toEqual(
      ['Book a venue', 'Call about the renewal', 'Quarterly review', 'Send the proposal'],
    );
    expect(tasks.filter((task) => task.fields.recordId === org.id)).toHaveLength(2);

    expect(await api.undoImport(result.batchId)).toMatchObject({ removed: 4 });
    expect(await liveTasks(store)).toEqual([]);
  });
});
