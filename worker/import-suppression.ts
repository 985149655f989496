/**
 * People erased at the owner's request whose email the owner chose to remember do not come
 * back through an import: their rows are skipped, and so are rows that would link to them
 * (their notes, cases and opportunities in the same import).
 */
import { linksOf } from '../core/records/links';
import type { CsvFile, ImportPlan, PlanCounts, PlannedRow } from '../core/csv/import';
import type { RowNote } from '../core/csv/row-notes';
import { countsByFile } from '../core/csv/plan';


const CHECK_SLICE = 500;

const COUNTED = { new: 'new', update: 'updated', skip: 'skipped', invalid: 'invalid' } as const;

const countRows = (rows: readonly PlannedRow[]): PlanCounts => {
  const counts = { new: 0, updated: 0, skipped: 0, invalid: 0 };
  for (const row of rows) counts[COUNTED[row.action]] += 1;
  return counts;
};

const skipped = (row: PlannedRow & { readonly action: 'new' }, reason: RowNote, matchedBy: 'email' | 'id'): PlannedRow => ({
  file: row.file, rowNumber: row.rowNumber, warnings: row.warnings, action: 'skip', id: row.record.id, matchedBy, matchedRow: null, reason,
});

export const withoutSuppressed = async (plan: ImportPlan, isSuppressed: (email: string) => Promise<boolean>): Promise<ImportPlan> => {
  const suppressed = new Set<string>();
  const people = plan.rows.flatMap((row) => (row.action === 'new' && row.record.kind === 'person' ? [row.record] : []));
  // Checked a slice at a time: each check hashes and reads, and they need not wait for each other.
  for (let start = 0; start < people.length; start += CHECK_SLICE) {
    await Promise.all(people.slice(start, start + CHECK_SLICE).map(async (person) => {
      const hits = await Promise.all(person.fields.emails.map(isSuppressed));
      if (hits.some(Boolean)) suppressed.add(person.id);
    }));
  }
  if (suppressed.size === 0) return plan;
  // Rows come in link order (people before their notes), so one pass catches chains.
  const rows = plan.rows.map((row): PlannedRow => {
    if (row.action !== 'new') return row;
    if (suppressed.has(row.record.id)) return skipped(row, { type: 'erased' }, 'email');
    if (linksOf(row.record.kind, row.record.fields).some((id) => suppressed.has(id))) {
      suppressed.add(row.record.id);
      return skipped(row, { type: 'belongs-to-erased' }, 'id');
    }
    return row;
  });
  const byFile = (file: CsvFile) => countRows(rows.filter((row) => row.file === file));
  return {
    rows,
    counts: countsByFile(byFile),
    total: countRows(rows),
  };
};
