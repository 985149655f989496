/**
 * The dry run of an import: what every row of every given file would do, worked out in
 * memory and written nowhere. Contacts come first so that cases, opportunities and notes
 * link to the ids their people and organisations end up with; Locket ids are kept when
 * nothing holds them yet, so a Locket export imported into an empty Locket keeps every
 * id and every link.
 */
import { CSV_FILES, type CsvFile } from './fields';
import { planActivities } from './plan-activities';
import { planContacts } from './plan-contacts';
import { createPlanState } from './plan-state';
import { planTasks } from './plan-tasks';
import { planActivityLog } from './plan-activity-log';
import type { ImportPlan, ImportSources, PlanContext, PlanCounts, PlannedRow } from './plan-types';

const NO_ROWS: PlanCounts = { new: 0, updated: 0, skipped: 0, invalid: 0 };

const COUNTED = { new: 'new', update: 'updated', skip: 'skipped', invalid: 'invalid' } as const;

const countRows = (rows: readonly PlannedRow[]): PlanCounts => rows.reduce<PlanCounts>((counts, row) => {
  const key = COUNTED[row.action];
  return { ...counts, [key]: counts[key] + 1 };
}, NO_ROWS);

/** Every file's counts, so a file added to CSV_FILES is counted without another edit. */
export const countsByFile = (byFile: (file: CsvFile) => PlanCounts): ImportPlan['counts'] =>
  // fromEntries over CSV_FILES builds exactly the record of every file.
  Object.fromEntries(CSV_FILES.map((file) => [file, byFile(file)])) as unknown as ImportPlan['counts'];

export const planImport = (sources: ImportSources, context: PlanContext): ImportPlan => {
  const state = createPlanState(context);
  if (sources.contacts) planContacts(state, sources.contacts);
  if (sources.cases) planActivities(state, 'cases', sources.cases);
  if (sources.opportunities) planActivities(state, 'opportunities', sources.opportunities);
  if (sources.notes) planActivities(state, 'notes', sources.notes);
  if (sources.tasks) planTasks(state, sources.tasks, context.tasks);
  if (sources.activities) planActivityLog(state, sources.activities);
  const rows = state.rows;
  const byFile = (file: CsvFile) => countRows(rows.filter((row) => row.file === file));
  return {
    rows,
    counts: countsByFile(byFile),
    total: countRows(rows),
  };
};
