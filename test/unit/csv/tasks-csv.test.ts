import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { recordsToCsv } from '../../../core/csv/export';
import { guessMapping } from '../../../core/csv/mapping';
import { contextFor, createRecordMaker, exportAll, plan, plannedRecords, rowAt } from './fixtures';

const make = createRecordMaker();
const acme = make('organisation', { name: 'Example Industries Ltd' });
const jo = make('person', { firstName: 'Jo', lastName: 'Example', organisationId: acme.id });
const call = make('task', {
  description: 'Call about the renewal', recordId: jo.id, dueDate: '2026-03-02', dueTime: '14:30', timeZone: 'Europe/Berlin',
  category: 'call', assignee: 'Sam Owner', doneAt: null, trackId: null,
});
const done = make('task', {
  description: 'Send the proposal', recordId: acme.id, dueDate: '2026-03-05', dueTime: null, timeZone: 'UTC',
  category: 'my own word', assignee: 'Kim', doneAt: Date.UTC(2026, 2, 4, 10, 15), trackId: '0190a000-0000-7000-8000-0000000000aa',
});
const ownTask = make('task', {
  description: '=HYPERLINK("http://evil.example","click")', recordId: null, dueDate: null, dueTime: null, timeZone: 'UTC',
  category: '', assignee: 'Sam Owner', doneAt: null, trackId: null,
});
const dataset = [acme, jo, call, done, ownTask];

const capsuleTasks = readFileSync(new URL('../../fixtures/import/capsule-tasks.csv', import.meta.url), 'utf8');

describe('tasks.csv', () => {
  it('writes one row per task with its record’s id and name beside it', () => {
    const rows = Papa.parse<string[]>(recordsToCsv('tasks', [call, done], contextFor(dataset), { bom: false }), { skipEmptyLines: true }).data;
    expect(rows[1]).toEqual([
      call.id, 'Call about the renewal', jo.id, 'Jo Example', '2026-03-02', '14:30', 'Europe/Berlin', 'call', 'Sam Owner', '', '',
      new Date(call.createdAt).toISOString(), new Date(call.updatedAt).toISOString(),
    ]);
    expect(rows[2]?.slice(2, 4)).toEqual([acme.id, 'Example Industries Ltd']);
    expect(rows[2]?.[9]).toBe('2026-03-04T10:15:00.000Z');
  });

  it('neutralises a description a spreadsheet would run as a formula, and reads it back as it was', () => {
    const text = recordsToCsv('tasks', [ownTask], contextFor(dataset), { bom: false });
    expect(text.split('\r\n')[1]).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",`);
    const result = plan(exportAll(dataset));
    expect(plannedRecords(result).get(ownTask.id)?.fields).toEqual(ownTask.fields);
  });

  it('reads a Locket export back into an empty Locket with the same ids, fields, links and times', () => {
    const result = plan(exportAll(dataset));
    expect(result.counts.tasks).toEqual({ new: 3, updated: 0, skipped: 0, invalid: 0 });
    const records = plannedRecords(result);
    for (const task of [call, done, ownTask]) {
      expect(records.get(task.id)).toEqual({ id: task.id, kind: 'task', fields: task.fields, createdAt: task.createdAt, updatedAt: task.updatedAt });
    }
  });

  it('finds its tasks again by id on a second import, so nothing is doubled', () => {
    const result = plan(exportAll(dataset), { existing: dataset });
    expect(result.counts.tasks).toEqual({ new: 0, updated: 0, skipped: 3, invalid: 0 });
  });

  it('updates a task from an edited file by its id, blank Done At reopening it', () => {
    const edited = (exportAll(dataset).tasks ?? '').replace('Send the proposal', 'Send the revised proposal').replace('2026-03-04T10:15:00.000Z', '');
    const result = plan({ tasks: edited }, { existing: dataset, policy: 'update' });
    expect(plannedRecords(result).get(done.id)?.fields).toEqual({ ...done.fields, description: 'Send the revised proposal', doneAt: null });
  });
});

describe('Capsule’s task export', () => {
  const existing = [acme, jo];

  it('maps Capsule’s columns onto task fields', () => {
    const headers = capsuleTasks.split('\r\n')[0]?.split(',') ?? [];
    expect(guessMapping('tasks', headers)).toEqual({
      file: 'tasks',
      format: 'other',
      columns: ['description', null, 'category', 'dueDate', 'dueTime', 'status', 'doneAt', 'assignee', 'recordName'],
    });
  });

  it('imports open and completed tasks, linked to their party by name, in the device’s zone', () => {
    const result = plan({ tasks: capsuleTasks }, { existing });
    expect(rowAt(result, 2, 'tasks')).toMatchObject({
      action: 'new',
      warnings: [],
      record: { kind: 'task', fields: {
        description: 'Call about the renewal', recordId: acme.id, dueDate: '2026-03-02', dueTime: '14:30', timeZone: 'Europe/Berlin',
        category: 'call', assignee: 'Sam Owner', doneAt: null, trackId: null,
      } },
    });
    expect(rowAt(result, 3, 'tasks')).toMatchObject({ record: { fields: { category: 'email', doneAt: Date.UTC(2026, 2, 4, 10, 15) } } });
    // A date and time in one cell; no party: a task of its own.
    expect(rowAt(result, 4, 'tasks')).toMatchObject({
      record: { fields: { dueDate: '2026-03-20', dueTime: '09:00', recordId: null, assignee: 'Kim Assistant', category: 'meeting' } },
    });
  });

  it('marks a completed task without a completion time done at the import, and leaves an unknown party unlinked with a warning', () => {
    const result = plan({ tasks: capsuleTasks }, { existing });
    expect(rowAt(result, 6, 'tasks')).toMatchObject({
      action: 'new',
      record: { fields: { dueTime: '14:30', category: 'Venue', doneAt: Date.UTC(2025, 0, 1), recordId: null } },
      warnings: ['Party: “Unknown Trading Co” is not in this import or in Locket, so it is left unlinked.'],
    });
  });

  it('refuses a row whose due date is not a calendar date, naming the column, and plans nothing for it', () => {
    const result = plan({ tasks: capsuleTasks }, { existing });
    expect(rowAt(result, 5, 'tasks')).toEqual({
      file: 'tasks', rowNumber: 5, action: 'invalid', warnings: [], reasons: ['Due Date: Enter the due date as YYYY-MM-DD.'],
    });
    expect(result.counts.tasks).toEqual({ new: 4, updated: 0, skipped: 0, invalid: 1 });
    expect([...plannedRecords(result).values()].map((record) => record.fields)).not.toContainEqual(
      expect.objectContaining({ description: 'Chase the invoice' }),
    );
  });

  it('refuses a row whose completion time cannot be read rather than guess it', () => {
    const result = plan({ tasks: 'Description,Status,Completed On\nCall back,Completed,last Tuesday\n' });
    expect(rowAt(result, 2, 'tasks')).toMatchObject({ action: 'invalid', reasons: [expect.stringMatching(/^Completed On: /)] });
  });
});
