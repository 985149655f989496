/**
 * Plans tasks, after contacts, cases and opportunities so a task's record resolves to the
 * id it ends up with. Duplicates are found by id only (a Locket file read back); another
 * tool's tasks are always new. A task can stand on its own, so a record the row names but
 * nobody has leaves the task unlinked, with a warning.
 */
import { commitRow, createLabel, settleRow } from './plan-row';
import { resolveLink } from './plan-activities';
import type { PlanState } from './plan-state';
import type { ImportSource } from './plan-types';
import type { KnownRecord } from './record-index';
import { createRowReader } from './row-cells';
import { readRowMeta, type Label, type RowMeta } from './row-meta';
import type { RowNote } from './row-notes';
import { taskDraft, type TaskDraft, type TaskImportDefaults } from './task-input';

const isTaskHolder = (record: KnownRecord): boolean => record.kind !== 'note' && record.kind !== 'task' && record.kind !== 'activity';

const withRecord = (state: PlanState, draft: TaskDraft, meta: RowMeta, label: Label) => {
  const { link } = draft;
  if (link === null) return { input: draft.input, warnings: meta.warnings };
  if (link.id === null && link.name === null) return { input: { ...draft.input, recordId: null }, warnings: meta.warnings };
  const outcome = resolveLink(state, link, isTaskHolder);
  if (outcome.missing === null) return { input: { ...draft.input, recordId: outcome.id }, warnings: meta.warnings };
  const { ref, named } = outcome.missing;
  const warning: RowNote = { type: 'link-not-found', column: label('recordId'), ref, named, file: 'activity' };
  return { input: { ...draft.input, recordId: null }, warnings: [...meta.warnings, warning] };
};

export const planTasks = (state: PlanState, source: ImportSource<'tasks'>, defaults: TaskImportDefaults): void => {
  const { table, mapping } = source;
  const label = createLabel(mapping.file, table.headers, mapping);
  const readRow = createRowReader(mapping);
  for (const row of table.rows) {
    const invalid = (reason: RowNote, warnings: readonly RowNote[] = []) =>
      state.push({ file: 'tasks', rowNumber: row.rowNumber, warnings, action: 'invalid', reasons: [reason] });
    if (row.problem !== null) { invalid(row.problem); continue; }
    const cells = readRow(row.cells);
    const meta = readRowMeta(cells, label);
    const draft = taskDraft(cells, meta, label, defaults);
    if (draft.problem !== null) { invalid(draft.problem, meta.warnings); continue; }
    const byId = state.context.policy === 'create' || meta.fileId === null ? undefined : state.resolve(meta.fileId);
    const duplicate = byId && byId.record.kind === 'task' ? { ...byId, record: byId.record } : undefined;
    // A skipped duplicate writes nothing, so its record does not matter.
    const linked = duplicate && state.context.policy === 'skip' ? { input: draft.input, warnings: meta.warnings } : withRecord(state, draft, meta, label);
    const settled = settleRow(state, {
      file: 'tasks', rowNumber: row.rowNumber, kind: 'task', meta, format: mapping.format, label, input: linked.input, warnings: linked.warnings,
    }, duplicate);
    commitRow(state, meta.fileId, settled.row);
  }
};
