/**
 * Plans cases, opportunities and notes, after contacts so their links resolve to the ids
 * people and organisations end up with. Duplicates are found by id only: names of cases
 * and notes' bodies repeat too often to mean "the same record".
 */
import type { RecordId } from '../records/types';
import { caseDraft, noteDraft, opportunityDraft, type ActivityDraft, type LinkRef } from './activity-input';
import type { CsvFile } from './fields';
import { commitRow, createLabel, settleRow } from './plan-row';
import type { PlanState } from './plan-state';
import type { ImportSource } from './plan-types';
import type { KnownRecord } from './record-index';
import { createRowReader, type RowCells } from './row-cells';
import { readRowMeta, type Label, type RowMeta } from './row-meta';
import type { RowNote } from './row-notes';

type ActivityFile = 'cases' | 'opportunities' | 'notes';
const KIND = { cases: 'case', opportunities: 'opportunity', notes: 'note' } as const;

interface LinkOutcome {
  readonly id: RecordId | null;
  /** What was looked for and not found: an id, or a name (cut to a readable length). */
  readonly missing: { readonly ref: string; readonly named: boolean } | null;
}

/** A case's or opportunity's party, a note's or a task's record: by id, else by name. */
export const resolveLink = (state: PlanState, ref: LinkRef, accepts: (record: KnownRecord) => boolean): LinkOutcome => {
  const byId = ref.id === null ? undefined : state.resolve(ref.id);
  if (byId && accepts(byId.record)) return { id: byId.record.id, missing: null };
  const { name } = ref;
  const named = name === null ? undefined : state.find('name', (lookup) => lookup.partyByName(name));
  if (named) return { id: named.record.id, missing: null };
  return { id: null, missing: ref.id === null ? { ref: (name ?? '').slice(0, 60), named: true } : { ref: ref.id, named: false } };
};

const isParty = (record: KnownRecord): boolean => record.kind === 'person' || record.kind === 'organisation';
const isNoteHolder = (record: KnownRecord): boolean => record.kind !== 'note';

const draftFor = (file: ActivityFile, cells: RowCells<ActivityFile>, label: Label): ActivityDraft => {
  switch (file) {
    case 'cases': return caseDraft(cells);
    case 'opportunities': return opportunityDraft(cells);
    default: return noteDraft(cells, label);
  }
};

interface Linked {
  readonly input: Readonly<Record<string, unknown>>;
  readonly warnings: readonly RowNote[];
  /** Set when the row cannot stand without its link (a note). */
  readonly problem: RowNote | null;
}

/** `required`: a new note must belong to a record; an update may keep the one it has. */
const withLink = (
  state: PlanState, file: ActivityFile, draft: ActivityDraft, meta: RowMeta, label: Label, required: boolean,
): Linked => {
  const key = file === 'notes' ? 'recordId' : 'partyId';
  const unlinked = (warning: RowNote | null): Linked =>
    ({ input: { ...draft.input, [key]: null }, warnings: warning ? [...meta.warnings, warning] : meta.warnings, problem: null });
  const refused = (problem: RowNote): Linked => ({ input: draft.input, warnings: meta.warnings, problem });
  const { link } = draft;
  if (link === null || (link.id === null && link.name === null)) {
    if (required) return refused({ type: 'note-without-record', column: label(key) });
    return link === null || file === 'notes' ? { input: draft.input, warnings: meta.warnings, problem: null } : unlinked(null);
  }
  const outcome = resolveLink(state, link, file === 'notes' ? isNoteHolder : isParty);
  if (outcome.missing === null) return { input: { ...draft.input, [key]: outcome.id }, warnings: meta.warnings, problem: null };
  const { ref, named } = outcome.missing;
  return file === 'notes'
    ? refused({ type: 'link-not-found', column: label(key), ref, named, file: 'notes' })
    : unlinked({ type: 'link-not-found', column: label(key), ref, named, file: 'activity' });
};

export const planActivities = <F extends ActivityFile>(state: PlanState, file: F, source: ImportSource<F>): void => {
  const { table, mapping } = source;
  const label = createLabel<CsvFile>(file, table.headers, mapping);
  const kind = KIND[file];
  const readRow = createRowReader<ActivityFile>(mapping);
  for (const row of table.rows) {
    const invalid = (reason: RowNote, warnings: readonly RowNote[] = []) =>
      state.push({ file, rowNumber: row.rowNumber, warnings, action: 'invalid', reasons: [reason] });
    if (row.problem !== null) { invalid(row.problem); continue; }
    const cells = readRow(row.cells);
    const meta = readRowMeta(cells, label);
    const draft = draftFor(file, cells, label);
    if (draft.problem !== null) { invalid(draft.problem, meta.warnings); continue; }
    const byId = state.context.policy === 'create' || meta.fileId === null ? undefined : state.resolve(meta.fileId);
    const duplicate = byId && byId.record.kind === kind ? byId : undefined;
    // A skipped duplicate writes nothing, so its link does not matter.
    const linked = duplicate && state.context.policy === 'skip'
      ? { input: draft.input, warnings: meta.warnings, problem: null }
      : withLink(state, file, draft, meta, label, file === 'notes' && !duplicate);
    if (linked.problem !== null) { invalid(linked.problem, linked.warnings); continue; }
    const settled = settleRow(state, {
      file, rowNumber: row.rowNumber, kind, meta, format: mapping.format, label, input: linked.input, warnings: linked.warnings,
    }, duplicate);
    commitRow(state, meta.fileId, settled.row);
  }
};
