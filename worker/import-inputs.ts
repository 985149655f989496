/** Checks what a page sends for an import, and works out which Locket file each CSV holds. */
import * as v from 'valibot';
import { FILE_NAMES, LOCKET_COLUMNS } from '../core/csv/columns';
import { CASE_FIELDS, CONTACT_FIELDS, CSV_FILES, NOTE_FIELDS, OPPORTUNITY_FIELDS, type CsvFile } from '../core/csv/fields';
import { ACTIVITY_LOG_FIELDS, TASK_FIELDS } from '../core/csv/fields';
import { MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS } from '../core/csv/import';

const MAX_FILES = 8;

export const FilesSchema = v.pipe(v.array(v.object({
  name: v.pipe(v.string(), v.maxLength(260)),
  bytes: v.instance(Uint8Array),
})), v.maxLength(MAX_FILES, `Choose at most ${MAX_FILES} files at once.`));

const target = <const T extends readonly string[]>(fields: T) =>
  v.nullable(v.union([v.picklist(fields), v.object({ customField: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(100)) })]));

const FORMAT = v.picklist(['locket', 'other']);
const columns = <const T extends readonly string[]>(fields: T) => v.pipe(v.array(target(fields)), v.maxLength(MAX_IMPORT_COLUMNS));

export const MappingSchema = v.variant('file', [
  v.object({ file: v.literal('contacts'), format: FORMAT, columns: columns(CONTACT_FIELDS) }),
  v.object({ file: v.literal('cases'), format: FORMAT, columns: columns(CASE_FIELDS) }),
  v.object({ file: v.literal('opportunities'), format: FORMAT, columns: columns(OPPORTUNITY_FIELDS) }),
  v.object({ file: v.literal('notes'), format: FORMAT, columns: columns(NOTE_FIELDS) }),
  v.object({ file: v.literal('tasks'), format: FORMAT, columns: columns(TASK_FIELDS) }),
  v.object({ file: v.literal('activities'), format: FORMAT, columns: columns(ACTIVITY_LOG_FIELDS) }),
]);
export const MappingsSchema = v.pipe(v.array(MappingSchema), v.maxLength(MAX_FILES));
export type CheckedMapping = v.InferOutput<typeof MappingSchema>;

export const PolicySchema = v.picklist(['skip', 'update', 'create']);
export const RefSchema = v.pipe(v.string(), v.nonEmpty(), v.maxLength(100));

/** Several files are read together, so their sum is held to the single-file limit too. */
export const totalTooLarge = (files: readonly { readonly bytes: Uint8Array }[]): boolean =>
  files.reduce((sum, file) => sum + file.bytes.byteLength, 0) > MAX_IMPORT_BYTES * 2;

const sameHeaders = (headers: readonly string[], file: CsvFile): boolean => {
  const expected = LOCKET_COLUMNS[file].map((column) => column.header);
  return expected.length === headers.length && expected.every((header, index) => header === headers[index]);
};

const NAME_HINTS: readonly (readonly [CsvFile, RegExp])[] = [
  ['cases', /case|project/i], ['opportunities', /opportunit|deal/i], ['notes', /note/i],
  ['tasks', /task|todo|to-do/i], ['activities', /activit|conversation|call-log|calls/i],
];

/**
 * Which Locket file a CSV holds: a Locket export by its exact headers, else by its name,
 * else contacts (what other tools export most).
 */
export const fileKindOf = (name: string, headers: readonly string[]): CsvFile => {
  const byHeaders = CSV_FILES.find((file) => sameHeaders(headers, file));
  if (byHeaders) return byHeaders;
  const base = name.split(/[\\/]/).pop() ?? name;
  const byName = CSV_FILES.find((file) => FILE_NAMES[file] === base.toLowerCase());
  if (byName) return byName;
  return NAME_HINTS.find(([, hint]) => hint.test(base))?.[0] ?? 'contacts';
};
