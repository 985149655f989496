/**
 * Plans logged conversations (activities.csv), after every record they can be with, so a
 * row's record resolves to the id it ends up with. Duplicates are found by id only (a Locket
 * file read back). A conversation cannot stand on its own: a row that names no record, or
 * one that is nowhere, is refused.
 */
import { activityLogDraft } from './activity-log-input';
import { resolveLink } from './plan-activities';
import { commitRow, createLabel, settleRow } from './plan-row';
import type { PlanState } from './plan-state';
import type { ImportSource } from './plan-types';
import type { KnownRecord } from './record-index';
import { createRowReader } from './row-cells';
import { readRowMeta } from './row-meta';
import type { RowNote } from './row-notes';

const isConversationHolder = (record: KnownRecord): boolean =>
  record.kind === 'person' || record.kind === 'organisation' || record.kind === 'case' || record.kind === 'opportunity';

export const planActivityLog = (state: PlanState, source: ImportSource<'activities'>): void => {
  const { table, mapping } = source;
  const label = createLabel(mapping.file, table.headers, mapping);
  const readRow = createRowReader(mapping);
  for (const row of table.rows) {
    const invalid = (reason: RowNote, warnings: readonly RowNote[] = []) =>
      state.push({ file: 'activities', rowNumber: row.rowNumber, warnings, action: 'invalid', reasons: [reason] });
    if (row.problem !== null) { invalid(row.problem); continue; }
    const cells = readRow(row.cells);
    const meta = readRowMeta(cells, label);
    const draft = activityLogDraft(cells, label);
    if (draft.problem !== null) { invalid(draft.problem, meta.warnings); continue; }
    const byId = state.context.policy === 'create' || meta.fileId === null ? undefined : state.resolve(meta.fileId);
    const duplicate = byId && byId.record.kind === 'activity' ? { ...byId, record: byId.record } : undefined;
    let input = draft.input;
    // A skipped duplicate writes nothing, and an update may keep the record it has.
    const { link } = draft;
    const needsLink = !(duplicate && (state.context.policy === 'skip' || link === null));
    if (needsLink) {
      const outcome = link === null || (link.id === null && link.name === null)
        ? { id: null, missing: null }
        : resolveLink(state, link, isConversationHolder);
      if (outcome.id === null) {
        const missing = outcome.missing;
        invalid({ type: 'conversation-without-record', column: label('recordId'), ref: missing?.ref ?? null, named: missing?.named ?? false }, meta.warnings);
        continue;
      }
      input = { ...input, recordId: outcome.id };
    }
    const settled = settleRow(state, {
      file: 'activities', rowNumber: row.rowNumber, kind: 'activity', meta, format: mapping.format, label, input, warnings: meta.warnings,
    }, duplicate);
    commitRow(state, meta.fileId, settled.row);
  }
};
