/** Every live task as one .ics file, each with the title of the record it is about. */
import type { LocketRecord, RecordId } from '../core/records/types';
import type { RecordReads } from '../core/record-store/contract';
import { titleOf } from '../core/records/display';
import { TASKS_ICS_FILE_NAME, writeTasksIcs } from '../core/ics/write-tasks';
import type { ExportedFile } from './contract';

const BATCH_SIZE = 1000;

export const runTasksIcsExport = async (store: RecordReads, now: number): Promise<ExportedFile> => {
  const tasks: LocketRecord<'task'>[] = [];
  await store.forEachBatch(BATCH_SIZE, (batch) => {
    for (const record of batch) if (record.kind === 'task') tasks.push(record);
  });
  const linked = [...new Set(tasks.flatMap((task) => (task.fields.recordId ? [task.fields.recordId] : [])))];
  const titles = new Map<RecordId, string>((await store.getMany(linked)).map((record) => [record.id, titleOf(record)]));
  const text = await writeTasksIcs(tasks.map((task) => ({
    task, recordTitle: task.fields.recordId ? titles.get(task.fields.recordId) ?? null : null,
  })), now);
  return { fileName: TASKS_ICS_FILE_NAME, mimeType: 'text/calendar', bytes: new TextEncoder().encode(text), rows: { tasks: tasks.length } };
};
