import { describe, expect, it } from 'vitest';
import { createRecordMaker, plan, rowAt } from './fixtures';
import { DEFAULT_PIPELINE, type PipelineSettings } from '../../../core/pipeline/pipeline-settings';

const make = createRecordMaker();
const acme = make('organisation', { name: 'Acme Ltd', domain: 'acme.example' });
const ada = make('person', { firstName: 'Ada', lastName: 'Lovelace', emails: ['ada@acme.example'] });
const existingCase = make('case', { name: 'Onboarding', partyId: ada.id });
const existing = [acme, ada, existingCase];

describe('planning cases, opportunities and notes', () => {
  it('links another tool’s deals to parties by organisation name, person name or email', () => {
    const result = plan({
      opportunities: 'Deal Name,Company,Amount,Currency,Stage,Probability,Close Date,Status\n'
        + 'Renewal,ACME LTD,"€1,200.50",eur,Proposal,60%,2025-03-31,Open\n'
        + 'Training,Ada Lovelace,300,GBP,,,,\n'
        + 'Audit,ada@acme.example,,,,,,won\n',
    }, { existing });
    const renewal = rowAt(result, 2, 'opportunities');
    if (renewal.action !== 'new') throw new Error('expected a new opportunity');
    expect(renewal.record.fields).toEqual({
      name: 'Renewal', partyId: acme.id, value: 1200.5, currency: 'EUR', milestone: 'proposal', probability: 60,
      expectedCloseDate: '2025-03-31', status: 'open', customFields: [], lostReason: '', owner: 'Default Owner',
    });
    expect(rowAt(result, 3, 'opportunities')).toMatchObject({ action: 'new', record: { fields: { partyId: ada.id, milestone: 'new' } } });
    expect(rowAt(result, 4, 'opportunities')).toMatchObject({ action: 'new', record: { fields: { partyId: ada.id, status: 'won' } } });
  });

  it('reads a deal’s stage as one of the owner’s milestones, by id or by the name the owner gave it', () => {
    const pipeline: PipelineSettings = {
      ...DEFAULT_PIPELINE,
      milestones: [
        { id: 'pilot-phase', name: 'Pilot phase', probability: 40, daysUntilStale: 10 },
        ...DEFAULT_PIPELINE.milestones.map((milestone) => (milestone.id === 'proposal' ? { ...milestone, name: 'Quote sent' } : milestone)),
      ],
    };
    const result = plan({
      opportunities: 'Deal Name,Stage\nA,Pilot Phase\nB,quote sent\nC,PROPOSAL\nD,pilot-phase\nE,Demo booked\n',
    }, { existing, pipeline });
    const milestones = [2, 3, 4, 5, 6].map((line) => {
      const row = rowAt(result, line, 'opportunities');
      return row.action === 'new' && row.record.kind === 'opportunity' ? row.record.fields.milestone : row.action;
    });
    // A stage that is none of the owner's stays as written, in a column of its own on the board.
    expect(milestones).toEqual(['pilot-phase', 'proposal', 'proposal', 'pilot-phase', 'demo booked']);
  });

  it('leaves a case unlinked, with a warning, when its party cannot be found', () => {
    const result = plan({ cases: 'Project,Client\nMigration,Umbrella Corp\n' }, { existing });
    expect(rowAt(result, 2, 'cases')).toMatchObject({
      action: 'new',
      record: { fields: { name: 'Migration', partyId: null } },
      warnings: ['Client: “Umbrella Corp” is not in this import or in Locket, so it is left unlinked.'],
    });
  });

  it('refuses a note whose record is nowhere to be found, and one that names no record', () => {
    const result = plan({
      notes: 'Locket ID,Record ID,Record,Body,Source URL,Captured At,Created,Updated\n'
        + ',0190a000-0000-7000-8000-00000000dead,,Lost note,,,,\n'
        + ',,,Orphan,,,,\n'
        + `,${existingCase.id},,Kick-off went well,,,,\n`,
    }, { existing });
    expect(rowAt(result, 2, 'notes')).toMatchObject({ action: 'invalid', reasons: [expect.stringMatching(/^Record ID: 0190a000-0000-7000-8000-00000000dead is not in this import or in Locket/)] });
    expect(rowAt(result, 3, 'notes')).toMatchObject({ action: 'invalid', reasons: ['Record ID: the note does not say which record it belongs to.'] });
    expect(rowAt(result, 4, 'notes')).toMatchObject({ action: 'new', record: { kind: 'note', fields: { body: 'Kick-off went well', recordId: existingCase.id } } });
  });

  it('gives the schema’s reasons for a bad opportunity, naming the user’s columns', () => {
    const result = plan({ opportunities: 'Deal Name,Amount,Currency,Probability\n,12,,150\n' });
    const row = rowAt(result, 2, 'opportunities');
    expect(row.action).toBe('invalid');
    if (row.action !== 'invalid') return;
    expect(row.reasons).toEqual(expect.arrayContaining([
      'Deal Name: Enter the opportunity’s name.',
      'Probability: Probability is a whole number from 0 to 100.',
    ]));
  });

  it('refuses an unreadable capture time rather than guessing it', () => {
    const result = plan({ notes: `Record ID,Body,Captured At\n${ada.id},Met at fair,last Tuesday\n` }, { existing });
    expect(rowAt(result, 2, 'notes')).toMatchObject({ action: 'invalid', reasons: [expect.stringMatching(/^Captured At: “last Tuesday” is not a date/)] });
  });

  it('matches cases by id only: a case of the same name is new', () => {
    const header = 'Locket ID,Name,Description,Status,Party ID,Party,Owner,Created,Updated\n';
    const result = plan({ cases: `${header}${existingCase.id},Onboarding,,open,${ada.id},,,,\n,Onboarding,,closed,,,,,\n` }, { existing });
    expect(rowAt(result, 2, 'cases')).toMatchObject({ action: 'skip', id: existingCase.id, matchedBy: 'id' });
    expect(rowAt(result, 3, 'cases')).toMatchObject({ action: 'new', record: { fields: { status: 'closed' } } });
  });
});
