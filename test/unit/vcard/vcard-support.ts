import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createManualClock } from '../../../core/clock';
import { createIdFactory } from '../../../core/ids';
import { createRecordIndex, guessMapping, planImport, type ImportPlan, type KnownRecord } from '../../../core/csv/import';
import { readImportFile, type ImportFileTable } from '../../../core/csv/read-file';
import { DEFAULTS, encode } from '../csv/fixtures';

export const vcfFixture = (name: string): string => readFileSync(resolve(__dirname, '../../fixtures/import', name), 'utf8');

export const readVcf = async (text: string, name = 'contacts.vcf'): Promise<ImportFileTable> => {
  const read = await readImportFile(name, encode(text));
  if (!read.ok) throw new Error(`expected the vCard file to be read, got ${read.error.type}`);
  return read.value;
};

/** The dry run of importing a .vcf file, with the mapping the preview would guess. */
export const planVcf = async (text: string, existing: readonly KnownRecord[] = []): Promise<ImportPlan> => {
  const { table } = await readVcf(text);
  return planImport({ contacts: { table, mapping: guessMapping('contacts', table.headers) } }, {
    existing: createRecordIndex(existing), policy: 'skip', newId: createIdFactory(createManualClock(Date.UTC(2025, 0, 1))), defaults: DEFAULTS, tasks: { timeZone: 'UTC', now: Date.UTC(2025, 0, 1) },
  });
};

export const newContacts = (result: ImportPlan) => result.rows.flatMap((row) =>
  (row.action === 'new' && !row.implied && (row.record.kind === 'person' || row.record.kind === 'organisation') ? [row.record] : []));

export const notesOf = (result: ImportPlan, recordId: string): string[] => result.rows.flatMap((row) =>
  (row.action === 'new' && row.record.kind === 'note' && row.record.fields.recordId === recordId ? [row.record.fields.body] : []));
