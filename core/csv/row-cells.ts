/**
 * One data row seen through a mapping: the cells each field was given, in column order.
 * What "not given" means depends on the format: in a Locket file a mapped column always
 * speaks (a blank cell means empty); in another tool's file a blank cell says nothing.
 */
import type { CustomField } from '../records/types';
import { splitCustomFields, splitLines } from './cells';
import type { CsvFile, CsvFormat, FieldsOfFile, ImportMapping } from './fields';

/** Fields every file has. */
export type CommonField = 'id' | 'createdAt' | 'updatedAt';

export interface RowCells<F extends CsvFile> {
  readonly format: CsvFormat;
  /** The field's first non-blank cell; '' when mapped but blank in a Locket file; undefined when not given. */
  readonly text: (field: FieldsOfFile[F] | CommonField) => string | undefined;
  /** The field's list items from every column that feeds it; undefined when not given. */
  readonly list: (field: FieldsOfFile[F] | CommonField) => string[] | undefined;
  /** Custom fields from a "Custom Fields" column and from columns mapped to a named custom field. */
  readonly customFields: () => CustomField[] | undefined;
}

/** Separators other tools put between several values in one cell. Addresses keep theirs: a comma is part of an address. */
const LOOSE_SEPARATORS: Readonly<Record<string, RegExp>> = {
  emails: /[\r\n,;]+/,
  phones: /[\r\n,;]+/,
  tags: /[\r\n,;]+/,
  websites: /[\r\n]+|[,;]?\s+/,
};

const looseItems = (field: string, cell: string): string[] => {
  const separator = LOOSE_SEPARATORS[field];
  const items = separator ? cell.split(separator) : [cell];
  return items.map((item) => item.trim()).filter((item) => item !== '');
};

export const rowCells = <F extends CsvFile>(mapping: ImportMapping<F>, cells: readonly string[]): RowCells<F> => {
  const locket = mapping.format === 'locket';
  const cellsOf = (field: string): string[] | undefined => {
    const found = mapping.columns.flatMap((target, index) => (target === field ? [cells[index] ?? ''] : []));
    return found.length === 0 ? undefined : found;
  };
  const given = <T>(values: T[], isBlank: boolean): T[] | undefined => (isBlank && !locket ? undefined : values);

  return {
    format: mapping.format,
    text: (field) => {
      const found = cellsOf(field);
      if (!found) return undefined;
      const value = found.find((cell) => cell.trim() !== '');
      return value ?? (locket ? '' : undefined);
    },
    list: (field) => {
      const found = cellsOf(field);
      if (!found) return undefined;
      const items = found.flatMap((cell) => (locket ? splitLines(cell) : looseItems(field, cell)));
      return given(items, items.length === 0);
    },
    customFields: () => {
      const fromColumn = cellsOf('customFields');
      const named = mapping.columns.flatMap((target, index) => (target !== null && typeof target === 'object'
        ? [{ name: target.customField, value: (cells[index] ?? '').trim() }]
        : []));
      if (!fromColumn && named.length === 0) return undefined;
      const fields = [...(fromColumn ?? []).flatMap(splitCustomFields), ...named.filter((field) => field.value !== '')];
      return given(fields, fields.length === 0);
    },
  };
};

/** Drops the keys a row did not give, so a draft's input holds only what the row speaks to. */
export const givenOnly = (input: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
