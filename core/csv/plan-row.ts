/**
 * Turns one row's draft into its outcome: skipped as a duplicate, an update of the
 * duplicate, a new record, or invalid with the reasons as codes (row-notes.ts). Every outcome is
 * validated by the same record schemas as a form (parseFields).
 */
import { FORM_ERROR_KEY, emptyFields } from '../records/validate';
import { parseFieldsForPlan } from '../records/checked-fields';
import { withImportedCustomFields } from '../custom-fields/import-values';
import { milestoneIdFor, type PipelineSettings } from '../pipeline/pipeline-settings';
import type { FieldsByKind, RecordKind } from '../records/types';
import type { FieldErrors } from '../records/field-problems';
import { LOCKET_COLUMNS } from './columns';
import type { CsvFile, CsvFormat, ImportMapping } from './fields';
import { mergeForUpdate } from './merge';
import type { Found, PlanState } from './plan-state';
import type { PlannedRecord, PlannedRow } from './plan-types';
import type { KnownRecord } from './record-index';
import type { Label, RowMeta } from './row-meta';
import { fieldNotes, type RowNote } from './row-notes';

/** Schema field → the import fields that feed it, most direct first: where to point the user. */
const FED_BY: Readonly<Record<string, readonly string[]>> = {
  firstName: ['firstName', 'fullName', 'name'],
  name: ['name', 'organisationName', 'fullName'],
  addresses: ['addresses', 'street'],
  consent: ['consentBasis', 'consentDate', 'consentSource'],
  organisationId: ['organisationId', 'organisationName'],
  partyId: ['partyId', 'partyName'],
  recordId: ['recordId', 'recordName'],
  // A logged conversation's type and body, fed by activities.csv's activityType and summary.
  type: ['type', 'activityType'],
  body: ['body', 'summary'],
};

/** The header the user sees for a field: their column's, else Locket's own name for it. */
export const createLabel = <F extends CsvFile>(file: F, headers: readonly string[], mapping: ImportMapping<F>): Label => (key) => {
  const fields = FED_BY[key] ?? [key];
  for (const field of fields) {
    const index = mapping.columns.findIndex((target) => target === field);
    const header = index === -1 ? undefined : headers[index];
    if (header) return header;
  }
  return LOCKET_COLUMNS[file].find((column) => fields.includes(column.field))?.header ?? key;
};

const reasonsFrom = (errors: FieldErrors, label: Label): RowNote[] => fieldNotes(errors, FORM_ERROR_KEY, label);

export interface RowDraft<K extends RecordKind> {
  readonly file: CsvFile;
  readonly rowNumber: number;
  readonly kind: K;
  readonly meta: RowMeta;
  readonly format: CsvFormat;
  readonly label: Label;
  /** The row's own fields, plus any links already resolved to final ids. */
  readonly input: Readonly<Record<string, unknown>>;
  readonly warnings: readonly RowNote[];
}

type Settled<K extends RecordKind> =
  | { readonly ok: true; readonly record: PlannedRecord & KnownRecord<K>; readonly row: PlannedRow }
  | { readonly ok: false; readonly row: PlannedRow };

const planned = <K extends RecordKind>(id: string, kind: K, fields: FieldsByKind[K], createdAt: number | null, updatedAt: number | null) =>
  // The distributive KnownRecord<K> cannot be built from a generic K without help; kind and fields do agree.
  ({ id, kind, fields, createdAt, updatedAt }) as PlannedRecord & KnownRecord<K>;

/** An opportunity's milestone as the owner's id for it, where the file gives one of their ids or names. */
const withImportedMilestone = (pipeline: PipelineSettings | undefined, input: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> => {
  const milestone = input['milestone'];
  return pipeline && typeof milestone === 'string' ? { ...input, milestone: milestoneIdFor(pipeline, milestone) } : input;
};

/**
 * Decides the row's fate and works out its fields, without recording it: the caller
 * pushes `row`, after anything it depends on (an implied organisation).
 */
export const settleRow = <K extends RecordKind>(
  state: PlanState, draft: RowDraft<K>, duplicate: Found<KnownRecord<K>> | undefined,
): Settled<K> => {
  const { file, rowNumber, kind, meta, label, warnings } = draft;
  const invalid = (reasons: RowNote[]): Settled<K> =>
    ({ ok: false, row: { file, rowNumber, warnings, action: 'invalid', reasons } });
  const { policy, defaults, definitions, pipeline } = state.context;
  const input = withImportedMilestone(pipeline, withImportedCustomFields(definitions, kind, draft.input));

  if (duplicate && policy === 'skip') {
    const { record, matchedBy, matchedRow } = duplicate;
    const reason: RowNote = { type: 'duplicate', kind, matchedBy, matchedRow };
    return { ok: false, row: { file, rowNumber, warnings, action: 'skip', id: record.id, matchedBy, matchedRow, reason } };
  }
  if (duplicate && policy === 'update') {
    const parsed = parseFieldsForPlan(kind, mergeForUpdate(duplicate.record.fields, input, draft.format));
    if (!parsed.ok) return invalid(reasonsFrom(parsed.error, label));
    const record = planned(duplicate.record.id, kind, parsed.value, null, meta.updatedAt);
    const { matchedBy, matchedRow } = duplicate;
    return { ok: true, record, row: { file, rowNumber, warnings, action: 'update', record, matchedBy, matchedRow } };
  }
  const parsed = parseFieldsForPlan(kind, { ...emptyFields(kind, defaults), ...input });
  if (!parsed.ok) return invalid(reasonsFrom(parsed.error, label));
  const record = planned(state.assignId(meta.fileId), kind, parsed.value, meta.createdAt, meta.updatedAt);
  return { ok: true, record, row: { file, rowNumber, warnings, action: 'new', record, implied: false } };
};

/** Records the outcome, and what the row's file id now stands for. */
export const commitRow = (state: PlanState, fileId: string | null, row: PlannedRow): void => {
  state.push(row);
  if (row.action === 'new' || row.action === 'update') state.mapId(fileId, row.record.id);
  if (row.action === 'skip') state.mapId(fileId, row.id);
};
