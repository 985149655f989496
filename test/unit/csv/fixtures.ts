import { createManualClock } from '../../../core/clock';
import { createIdFactory } from '../../../core/ids';
import { parseFields } from '../../../core/records/validate';
import type { FieldsByKind, LocketRecord, RecordId, RecordKind } from '../../../core/records/types';
import type { ExportContext, RecordOfFile } from '../../../core/csv/columns';
import { recordsToCsv } from '../../../core/csv/export';
import type { CsvFile } from '../../../core/csv/fields';
import type { PipelineSettings } from '../../../core/pipeline/pipeline-settings';
import {
  createRecordIndex, guessMapping, parseCsv, planImport,
  type CsvTable, type DuplicatePolicy, type ImportPlan, type ImportSources, type KnownRecord, type PlannedRow,
} from '../../../core/csv/import';
import { importFileRefusalText, rowNoteText } from '../../../components/shared/messages/import-messages';
import type { RowNote } from '../../../core/csv/row-notes';

export const DEFAULTS = { owner: 'Default Owner', currency: 'EUR' } as const;
/** Tasks from other tools are read in Berlin's zone, imported at 2025-01-01T00:00Z. */
export const TASK_DEFAULTS = { timeZone: 'Europe/Berlin', now: Date.UTC(2025, 0, 1) } as const;

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

export const table = (text: string): CsvTable => {
  const parsed = parseCsv(encode(text));
  if (!parsed.ok) throw new Error(`expected a table, got: ${parsed.error}`);
  return parsed.value;
};

/** Why the file is refused, in the words the import page shows. */
export const refusal = (bytes: Uint8Array): string => {
  const parsed = parseCsv(bytes);
  if (parsed.ok) throw new Error('expected the file to be refused');
  return importFileRefusalText(parsed.error);
};

/** Validated fields, as the store would hold them. */
export const fields = <K extends RecordKind>(kind: K, input: unknown): FieldsByKind[K] => {
  const parsed = parseFields(kind, input);
  if (!parsed.ok) throw new Error(`fixture ${kind} is invalid: ${JSON.stringify(parsed.error)}`);
  return parsed.value;
};

export const createRecordMaker = (start = Date.UTC(2024, 4, 1, 9, 30)) => {
  const clock = createManualClock(start);
  const newId = createIdFactory(clock);
  return <K extends RecordKind>(kind: K, input: unknown): LocketRecord<K> => {
    clock.advance(61_000);
    const record = { id: newId(), kind, createdAt: clock.now(), updatedAt: clock.now() + 5, deletedAt: null, fields: fields(kind, input) };
    return record as LocketRecord<K>;
  };
};

/** Display names as the export's worker would supply them. */
export const contextFor = (records: readonly LocketRecord[]): ExportContext => {
  const names = new Map<RecordId, string>();
  for (const record of records) {
    if (record.kind === 'organisation') names.set(record.id, record.fields.name);
    if (record.kind === 'person') names.set(record.id, `${record.fields.firstName} ${record.fields.lastName}`.trim());
    if (record.kind === 'case' || record.kind === 'opportunity') names.set(record.id, record.fields.name);
  }
  return { nameOf: (id) => names.get(id) };
};

const FILE_KINDS: { readonly [F in CsvFile]: readonly RecordKind[] } = {
  contacts: ['organisation', 'person'], cases: ['case'], opportunities: ['opportunity'], notes: ['note'],
  tasks: ['task'], activities: ['activity'],
};

const ofFile = <F extends CsvFile>(file: F, records: readonly LocketRecord[]): RecordOfFile[F][] =>
  records.filter((record) => FILE_KINDS[file].includes(record.kind)) as RecordOfFile[F][];

/** Each file that has records, as Locket exports it. */
export const exportAll = (records: readonly LocketRecord[], bom = false): { readonly [F in CsvFile]?: string } => {
  const context = contextFor(records);
  const file = <F extends CsvFile>(name: F): string | undefined => {
    const rows = ofFile(name, records);
    return rows.length === 0 ? undefined : recordsToCsv(name, rows, context, { bom });
  };
  return {
    contacts: file('contacts'), cases: file('cases'), opportunities: file('opportunities'), notes: file('notes'), tasks: file('tasks'),
    activities: file('activities'),
  };
};

export const sourcesFrom = (files: { readonly [F in CsvFile]?: string }): ImportSources => {
  const source = <F extends CsvFile>(file: F, text: string | undefined) => {
    if (text === undefined) return undefined;
    const parsed = table(text);
    return { table: parsed, mapping: guessMapping(file, parsed.headers) };
  };
  return {
    contacts: source('contacts', files.contacts),
    cases: source('cases', files.cases),
    opportunities: source('opportunities', files.opportunities),
    notes: source('notes', files.notes),
    tasks: source('tasks', files.tasks),
    activities: source('activities', files.activities),
  };
};

export const plan = (
  files: { readonly [F in CsvFile]?: string },
  options: { readonly existing?: readonly KnownRecord[]; readonly policy?: DuplicatePolicy; readonly pipeline?: PipelineSettings } = {},
): ImportPlan => {
  const newIds = createIdFactory(createManualClock(Date.UTC(2025, 0, 1)));
  return planImport(sourcesFrom(files), {
    existing: createRecordIndex(options.existing ?? []),
    policy: options.policy ?? 'skip',
    newId: newIds,
    defaults: DEFAULTS,
    ...(options.pipeline ? { pipeline: options.pipeline } : {}),
    tasks: TASK_DEFAULTS,
  });
};

/** A planned row as the owner reads it: its notes in the words of the import message table. */
export type WordedRow<R = PlannedRow> = R extends unknown ? {
  readonly [K in keyof R]: R[K] extends RowNote ? string : R[K] extends readonly RowNote[] ? readonly string[] : R[K]
} : never;

export const worded = (row: PlannedRow): WordedRow => {
  const warnings = row.warnings.map(rowNoteText);
  if (row.action === 'invalid') return { ...row, warnings, reasons: row.reasons.map(rowNoteText) };
  if (row.action === 'skip') return { ...row, warnings, reason: rowNoteText(row.reason) };
  return { ...row, warnings } as WordedRow;
};

/** The plan's own outcome of a row (not an organisation the row implied). */
export const plannedRowAt = (result: ImportPlan, rowNumber: number, file: CsvFile = 'contacts'): PlannedRow => {
  const found = result.rows.filter((row) => row.file === file && row.rowNumber === rowNumber && !(row.action === 'new' && row.implied));
  if (found.length !== 1) throw new Error(`expected one outcome for ${file} row ${rowNumber}, got ${found.length}`);
  return found[0]!;
};

export const rowAt = (result: ImportPlan, rowNumber: number, file: CsvFile = 'contacts'): WordedRow =>
  worded(plannedRowAt(result, rowNumber, file));

/** The records a plan would leave behind, by id: new ones, then updates over them. */
export const plannedRecords = (result: ImportPlan): Map<RecordId, KnownRecord & { createdAt: number | null; updatedAt: number | null }> => {
  const records = new Map<RecordId, KnownRecord & { createdAt: number | null; updatedAt: number | null }>();
  for (const row of result.rows) if (row.action === 'new' || row.action === 'update') records.set(row.record.id, row.record);
  return records;
};
