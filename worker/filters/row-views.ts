/**
 * A held row as a record (filter-columns.ts): either made whole (`record`), or as a view whose
 * fields are read from the columns only when asked for (`view`), so a filter's pass over every
 * record of a kind makes two small objects a record and decodes only what the filter reads.
 * Both read each field through the kind's one `reads` (kind-columns.ts), so they agree.
 */
import type { ListedKind } from '../../core/records/types';
import { KIND_COLUMNS, type Columns, type Listed, type Meta } from './kind-columns';

const ROW = Symbol('row');

export interface RowRecords {
  readonly record: (meta: Meta, row: number) => Listed;
  readonly view: (meta: Meta, row: number) => Listed;
}

export const rowRecords = (kind: ListedKind, columns: Columns): RowRecords => {
  const reads = Object.entries(KIND_COLUMNS[kind].reads) as [string, (columns: Columns, row: number) => unknown][];
  // Getters on one prototype: a view holds nothing but its row.
  const fieldsOfRow: object = {};
  for (const [name, read] of reads) {
    Object.defineProperty(fieldsOfRow, name, {
      enumerable: true,
      get(this: { readonly [ROW]: number }) { return read(columns, this[ROW]); },
    });
  }
  return {
    record: (meta, row) => {
      const fields: Record<string, unknown> = {};
      for (const [name, read] of reads) fields[name] = read(columns, row);
      return { ...meta, kind, fields } as unknown as Listed;
    },
    view: (meta, row) => {
      const fields = Object.create(fieldsOfRow) as { [ROW]: number };
      fields[ROW] = row;
      return { id: meta.id, createdAt: meta.createdAt, updatedAt: meta.updatedAt, deletedAt: null, kind, fields } as unknown as Listed;
    },
  };
};
