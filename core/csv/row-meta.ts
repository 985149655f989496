/** What every file's row may carry besides its fields: the id it had, and its timestamps. */
import { readTimestamp } from './cells';
import type { CsvFile } from './fields';
import type { RowCells } from './row-cells';

export type Label = (field: string) => string;

export interface RowMeta {
  /** The id the row carries (a Locket export's "Locket ID"), or null. */
  readonly fileId: string | null;
  readonly createdAt: number | null;
  readonly updatedAt: number | null;
  readonly warnings: readonly string[];
}

export const readRowMeta = <F extends CsvFile>(cells: RowCells<F>, label: Label): RowMeta => {
  const warnings: string[] = [];
  const time = (field: 'createdAt' | 'updatedAt'): number | null => {
    const cell = cells.text(field)?.trim() ?? '';
    if (cell === '') return null;
    const ms = readTimestamp(cell);
    if (ms === null) warnings.push(`${label(field)}: “${cell.slice(0, 40)}” is not a date and time such as 2024-05-01T09:30:00Z, so the import time is used.`);
    return ms;
  };
  const fileId = cells.text('id')?.trim() || null;
  return { fileId, createdAt: time('createdAt'), updatedAt: time('updatedAt'), warnings };
};
