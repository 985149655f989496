/**
 * A file chosen for import into a table: a .vcf file (by its name, or by its first line
 * when the name says nothing) through the vCard reader, anything else as CSV. Both give
 * the same table, so everything after this step is one import.
 */
import type { Result } from '../result';
import { readVcards } from '../vcard/read-vcards';
import type { VcardFileRefusal } from '../vcard/vcard-refusals';
import type { CsvFileRefusal } from './csv-refusals';
import { checkImportSize, decodeUtf8, parseCsv, type CsvTable } from './parse';

export type ImportFileFormat = 'csv' | 'vcard';

export interface ImportFileTable {
  readonly format: ImportFileFormat;
  readonly table: CsvTable;
  /** Photos a vCard file held, left out. */
  readonly photosSkipped: number;
}

const VCARD_NAME = /\.(?:vcf|vcard)$/i;

/** Its name, or its first bytes: a CSV file is not decoded twice to find out. */
const looksLikeVcard = (name: string, bytes: Uint8Array): boolean =>
  VCARD_NAME.test(name) || /^\uFEFF?\s*BEGIN:VCARD/i.test(new TextDecoder().decode(bytes.subarray(0, 64)));

export const readImportFile = async (
  name: string, bytes: Uint8Array,
): Promise<Result<ImportFileTable, CsvFileRefusal | VcardFileRefusal>> => {
  const tooLarge = checkImportSize(bytes.byteLength);
  if (tooLarge) return { ok: false, error: tooLarge };
  if (!looksLikeVcard(name, bytes)) {
    const parsed = parseCsv(bytes);
    return parsed.ok ? { ok: true, value: { format: 'csv', table: parsed.value, photosSkipped: 0 } } : parsed;
  }
  const text = decodeUtf8(bytes);
  if (text === null) return { ok: false, error: { type: 'not-utf-8' } };
  const read = await readVcards(text);
  return read.ok ? { ok: true, value: { format: 'vcard', ...read.value } } : read;
};
