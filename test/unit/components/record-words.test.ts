import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { isWriteConflict, retriedWrite, STALE } from '../../../core/db/transaction';
import { openLocketDb } from '../../../core/db/schema';
import { emptyFields } from '../../../core/records/validate';
import type { LocketRecord } from '../../../core/records/types';
import { failureText } from '../../../components/shared/failure-text';
import { WorkerInputRefused } from '../../../worker/contracts/refusal';
import { rowNoteText } from '../../../components/shared/messages/import-messages';
import { noteRefusalText } from '../../../components/shared/messages/field-messages';
import { recordTitle, titleText } from '../../../components/shared/record-title';

const meta = { id: 'r1', createdAt: 1, updatedAt: 2, deletedAt: null };
const defaults = { owner: 'Sam', currency: 'EUR' };

describe('record titles in words', () => {
  it('names a person or organisation that has nothing to name it by', () => {
    const person: LocketRecord = { ...meta, kind: 'person', fields: emptyFields('person', defaults) };
    const organisation: LocketRecord = { ...meta, kind: 'organisation', fields: emptyFields('organisation', defaults) };
    expect(recordTitle(person)).toBe('Unnamed person');
    expect(recordTitle(organisation)).toBe('Unnamed organisation');
    expect(recordTitle({ ...organisation, fields: { ...organisation.fields, name: 'Acme' } } as LocketRecord)).toBe('Acme');
    expect(titleText('', 'person')).toBe('Unnamed person');
    expect(titleText('Ada', 'person')).toBe('Ada');
  });
});

describe('a write that gave up, in words', () => {
  it('words the conflict by what kept changing, also after it crossed from the worker', async () => {
    const db = await openLocketDb(new IDBFactory(), 'words');
    const failure = await retriedWrite(db, {
      subject: { type: 'record', id: 'r-42' }, stores: ['meta'], attempts: 2,
      prepare: async () => null, write: async () => STALE,
    }).catch((error: unknown) => error);
    expect(isWriteConflict(failure)).toBe(true);
    const words = 'Record r-42 kept changing while being written; gave up after 2 attempts without writing';
    expect(failureText(failure)).toBe(words);
    // Comlink keeps only an error's name and message.
    const crossed = Object.assign(new Error((failure as Error).message), { name: 'WriteConflict' });
    expect(failureText(crossed)).toBe(words);
    db.close();
  });
});

describe('a call the worker refused, in words', () => {
  it('tells the owner nothing was done and to reload, keeping the developer’s reason', () => {
    const crossed = Object.assign(new Error('Each file only once.'), { name: new WorkerInputRefused('exportCsv', '').name });
    expect(failureText(crossed)).toBe('Locket’s page and its worker disagree, so nothing was done: reload the page and try again (Each file only once.)');
  });
});

describe('an import row the record schema refused, in words', () => {
  it('names the owner’s column and words the coded problem', () => {
    expect(rowNoteText({ type: 'field', column: 'E-mail', problem: { type: 'not-an-email', input: 'nope' } }))
      .toBe('E-mail: “nope” is not a valid email address.');
    expect(rowNoteText({ type: 'field', column: null, problem: { type: 'name-missing', kind: 'organisation' } }))
      .toBe('Enter the organisation’s name.');
    expect(rowNoteText({ type: 'organisation-not-created', name: 'Acme', errors: { domain: { type: 'not-a-domain', input: 'acme' } } }))
      .toBe('The organisation “Acme” could not be created (“acme” is not a domain. Enter a domain such as example.co.uk.), so the person is left without one.');
  });

  it('words a refused note by its body first', () => {
    expect(noteRefusalText({ recordId: { type: 'no-owning-record' }, body: { type: 'note-empty' } })).toBe('Write something in the note.');
    expect(noteRefusalText({})).toBe('The note was not saved.');
  });
});
