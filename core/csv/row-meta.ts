/** What every file's row may carry besides its fields: the id it had, and its timestamps. */
import { readTimestamp } from './cells';
import type { CsvFile } from './fields';
import type { RowCells } from './row-cells';
import type { RowNote } from './row-notes';

export type Label = (field: string) => string;

export interface RowMeta {
  /** The id the row carries (a Locket export's "Locket ID"), or null. */
  readonly fileId: string | null;
  readonly createdAt: number | null;
  readonly updatedAt: number | null;
  readonly warnings: readonly RowNote[];
}

export const readRowMeta = <F extends CsvFile>(cells: RowCells<F>, label: Label): RowMeta => {
  const warnings: RowNote[] = [];
  const time = (field: 'createdAt' | 'updatedAt'): number | null => {
    const cell = cells.text(field)?.trim() ?? '';
    if (cell === '') return null;
    const ms = readTimestamp(cell);
    if (ms === null) warnings.push({ type: 'not-a-time', column: label(field), value: cell.slice(0, 40), importTimeUsed: true });
    return ms;
  };
  const fileId = cells.text('id')?.trim() || null;
  return { fileId, createdAt: time('createdAt'), updatedAt: time('updatedAt'), warnings };
};
