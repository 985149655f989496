import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { setCurrentLocale } from '../../../components/shared/i18n/locale';
import { importFileRefusalText } from '../../../components/shared/messages/import-messages';
import { recordsToCsv } from '../../../core/csv/export';
import { contextFor, createRecordMaker, exportAll, plan, plannedRecords, rowAt } from './fixtures';

const make = createRecordMaker();
const acme = make('organisation', { name: 'Example Industries Ltd' });
const jo = make('person', { firstName: 'Jo', lastName: 'Example', organisationId: acme.id });
const deal = make('opportunity', { name: 'Renewal', partyId: acme.id, currency: 'EUR' });
const call = make('activity', {
  type: 'call', recordId: jo.id, occurredAt: Date.UTC(2026, 2, 2, 14, 30), durationMinutes: 15, outcome: 'Agreed a demo',
  body: 'Wants to see the reports.\nCall again in May.',
});
const meeting = make('activity', {
  type: 'meeting', recordId: deal.id, occurredAt: Date.UTC(2026, 2, 5, 9), durationMinutes: null, outcome: '', body: '',
});
const risky = make('activity', {
  type: 'email', recordId: acme.id, occurredAt: Date.UTC(2026, 2, 6), durationMinutes: null, outcome: '@SUM(A1)',
  body: '=HYPERLINK("http://evil.example","click")',
});
const dataset = [acme, jo, deal, call, meeting, risky];

const HEADER = 'Locket ID,Type,Record ID,Record,Occurred At,Duration (minutes),Outcome,Summary,Created,Updated';

describe('activities.csv', () => {
  it('writes one row per conversation with its record’s id and name beside it', () => {
    const rows = Papa.parse<string[]>(recordsToCsv('activities', [call, meeting], contextFor(dataset), { bom: false }), { skipEmptyLines: true }).data;
    expect(rows[0]?.join(',')).toBe(HEADER);
    expect(rows[1]).toEqual([
      call.id, 'call', jo.id, 'Jo Example', '2026-03-02T14:30:00.000Z', '15', 'Agreed a demo', 'Wants to see the reports.\nCall again in May.',
      new Date(call.createdAt).toISOString(), new Date(call.updatedAt).toISOString(),
    ]);
    expect(rows[2]?.slice(1, 6)).toEqual(['meeting', deal.id, 'Renewal', '2026-03-05T09:00:00.000Z', '']);
  });

  it('neutralises a summary and an outcome a spreadsheet would run as a formula, and reads them back as they were', () => {
    const text = recordsToCsv('activities', [risky], contextFor(dataset), { bom: false });
    expect(text.split('\r\n')[1]).toContain(`,'@SUM(A1),"'=HYPERLINK(""http://evil.example"",""click"")",`);
    const records = plannedRecords(plan(exportAll(dataset)));
    expect(records.get(risky.id)?.fields).toEqual(risky.fields);
  });

  it('reads a Locket export back into an empty Locket with the same ids, fields, links and times', () => {
    const result = plan(exportAll(dataset));
    expect(result.counts.activities).toEqual({ new: 3, updated: 0, skipped: 0, invalid: 0 });
    const records = plannedRecords(result);
    for (const activity of [call, meeting, risky]) {
      expect(records.get(activity.id)).toEqual({
        id: activity.id, kind: 'activity', fields: activity.fields, createdAt: activity.createdAt, updatedAt: activity.updatedAt,
      });
    }
  });

  it('finds its conversations again by id on a second import, and updates an edited one by id', () => {
    expect(plan(exportAll(dataset), { existing: dataset }).counts.activities).toEqual({ new: 0, updated: 0, skipped: 3, invalid: 0 });
    const edited = exportAll([acme, jo, call]).activities!.replace('Agreed a demo', 'Booked the demo');
    const result = plan({ activities: edited }, { existing: dataset, policy: 'update' });
    expect(result.counts.activities).toEqual({ new: 0, updated: 1, skipped: 0, invalid: 0 });
    expect(plannedRecords(result).get(call.id)?.fields).toEqual({ ...call.fields, outcome: 'Booked the demo' });
  });

  it('refuses a row whose Occurred At is not a time, with a message naming the column, and plans nothing for it', () => {
    const text = [
      HEADER,
      `,call,${jo.id},,2026-03-02T14:30:00Z,10,Fine,,,`,
      `,call,${jo.id},,last Tuesday,10,Lost,Should not be logged,,`,
      `,meeting,${jo.id},,,,,Blank time,,`,
    ].join('\r\n');
    const result = plan({ activities: text }, { existing: [acme, jo] });
    expect(rowAt(result, 3, 'activities')).toEqual({
      file: 'activities', rowNumber: 3, action: 'invalid', warnings: [],
      reasons: ['Occurred At: “last Tuesday” is not a date and time such as 2024-05-01T09:30:00Z.'],
    });
    expect(rowAt(result, 4, 'activities')).toMatchObject({ action: 'invalid', reasons: ['Occurred At: Enter when the conversation took place.'] });
    expect(result.counts.activities).toEqual({ new: 1, updated: 0, skipped: 0, invalid: 2 });
    expect([...plannedRecords(result).values()].map((record) => record.fields)).toEqual([expect.objectContaining({ outcome: 'Fine' })]);
  });

  it('refuses a conversation with nobody to belong to, and links one by the record’s name', () => {
    const text = [
      'Type,Record,Occurred At,Outcome',
      'Call,Jo Example,2026-03-02 14:30,Spoke',
      'call,Unknown Trading Co,2026-03-02T14:30:00Z,Nobody',
      'call,,2026-03-02T14:30:00Z,Nobody either',
      'telegram,Jo Example,2026-03-02T14:30:00Z,Odd',
    ].join('\n');
    const result = plan({ activities: text }, { existing: [acme, jo] });
    expect(rowAt(result, 2, 'activities')).toMatchObject({
      action: 'new', record: { kind: 'activity', fields: { type: 'call', recordId: jo.id, occurredAt: Date.UTC(2026, 2, 2, 14, 30), outcome: 'Spoke' } },
    });
    expect(rowAt(result, 3, 'activities')).toMatchObject({
      action: 'invalid', reasons: ['Record: “Unknown Trading Co” is not in this import or in Locket, so the conversation has nobody to belong to.'],
    });
    expect(rowAt(result, 4, 'activities')).toMatchObject({ action: 'invalid', reasons: ['Record: the conversation does not say who it was with.'] });
    expect(rowAt(result, 5, 'activities')).toMatchObject({ action: 'invalid', reasons: ['Type: Choose call, meeting or email.'] });
  });
});

describe('activities.csv in a German page', () => {
  afterEach(() => setCurrentLocale('en'));

  it('names the file in German when two chosen files both hold conversations', () => {
    setCurrentLocale('de');
    expect(importFileRefusalText({ type: 'file-kind-twice', file: 'activities' })).toBe(
      'Eine andere gewählte Datei enthält bereits Gespräche (Anrufe, Termine, E-Mails); importieren Sie jeweils nur eine solche Datei.',
    );
  });
});
