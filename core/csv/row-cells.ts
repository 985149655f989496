/**
 * One data row seen through a mapping: the cells each field was given, in column order.
 * What "not given" means depends on the format: in a Locket file a mapped column always
 * speaks (a blank cell means empty); in another tool's file a blank cell says nothing.
 */
import type { CustomField } from '../records/types';
import { splitCustomFields, splitLines } from './cells';
import type { CsvFile, CsvFormat, FieldsOfFile, ImportMapping } from './fields';
import { addressGroupOf } from './header-key';

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
  /**
   * The field's non-blank cells, trimmed, by the address their column describes
   * (header-key.ts); groups in the order their first column comes.
   */
  readonly byAddress: (field: FieldsOfFile[F]) => ReadonlyMap<string, readonly string[]>;
  /** False when no mapped column's header names an address group: every cell is then in group ''. */
  readonly groupedAddresses: boolean;
}

/** Separators other tools put between several values in one cell. Addresses keep theirs: a comma is part of an address. */
const LOOSE_SEPARATORS: Readonly<Record<string, RegExp>> = {
  // Google Contacts joins several values of one label ("Work") with " ::: ".
  emails: /[\r\n,;]+|\s*:::\s*/,
  phones: /[\r\n,;]+|\s*:::\s*/,
  tags: /[\r\n,;]+|\s*:::\s*/,
  websites: /[\r\n]+|\s*:::\s*|[,;]?\s+/,
};

/** Outlook's way of writing "no date" in its date columns (Birthday, Anniversary). */
const isNoDate = (value: string): boolean => value === '0/0/00';

/**
 * Google Contacts marks its own labels with "* " ("* starred") and puts every contact in
 * "* myContacts" (in a vCard, "myContacts"): that one says nothing, the others lose the mark.
 */
const GOOGLE_EVERYONE = /^(?:\*\s*)?mycontacts$/i;
const tagOf = (item: string): string => (GOOGLE_EVERYONE.test(item) ? '' : item.replace(/^\*\s+/, ''));

const looseItems = (field: string, cell: string): string[] => {
  const separator = LOOSE_SEPARATORS[field];
  const items = (separator ? cell.split(separator) : [cell]).map((item) => item.trim());
  return (field === 'tags' ? items.map(tagOf) : items).filter((item) => item !== '');
};

/** Which columns feed which field, worked out once per file rather than once per row. */
const columnsByField = <F extends CsvFile>(mapping: ImportMapping<F>) => {
  const byField = new Map<string, number[]>();
  const custom: { readonly name: string; readonly index: number }[] = [];
  mapping.columns.forEach((target, index) => {
    if (target === null) return;
    if (typeof target === 'object') { custom.push({ name: target.customField, index }); return; }
    byField.set(target, [...(byField.get(target) ?? []), index]);
  });
  return { byField, custom };
};

/** Reads rows of one file through its mapping; `headers` tell which address a column describes. */
export const createRowReader = <F extends CsvFile>(
  mapping: ImportMapping<F>, headers: readonly string[] = [],
): ((cells: readonly string[]) => RowCells<F>) => {
  const locket = mapping.format === 'locket';
  const { byField, custom } = columnsByField(mapping);
  const groups = headers.map(addressGroupOf);
  const groupedAddresses = groups.some((group, index) => group !== '' && mapping.columns[index] !== null);
  const given = <T>(values: T[]): T[] | undefined => (values.length === 0 && !locket ? undefined : values);

  return (cells) => {
    const cellsOf = (field: string): string[] | undefined => byField.get(field)?.map((index) => cells[index] ?? '');
    return {
      format: mapping.format,
      groupedAddresses,
      // Called a score of times per row: a plain loop, no array built.
      text: (field) => {
        const indexes = byField.get(field);
        if (!indexes) return undefined;
        for (const index of indexes) {
          const cell = cells[index] ?? '';
          if (cell.trim() !== '') return cell;
        }
        return locket ? '' : undefined;
      },
      list: (field) => {
        const found = cellsOf(field);
        return found && given(found.flatMap((cell) => (locket ? splitLines(cell) : looseItems(field, cell))));
      },
      customFields: () => {
        const fromColumn = cellsOf('customFields');
        if (!fromColumn && custom.length === 0) return undefined;
        const named = custom.map(({ name, index }) => ({ name, value: (cells[index] ?? '').trim() }))
          .filter((field) => field.value !== '' && !(isNoDate(field.value) && !locket));
        return given([...(fromColumn ?? []).flatMap(splitCustomFields), ...named]);
      },
      byAddress: (field) => {
        const grouped = new Map<string, string[]>();
        for (const index of byField.get(field) ?? []) {
          const cell = (cells[index] ?? '').trim();
          if (cell === '') continue;
          const group = groups[index] ?? '';
          grouped.set(group, [...(grouped.get(group) ?? []), cell]);
        }
        return grouped;
      },
    };
  };
};

/** Drops the keys a row did not give, so a draft's input holds only what the row speaks to. */
export const givenOnly = (input: Record<string, unknown>): Record<string, unknown> => {
  const given: Record<string, unknown> = {};
  for (const key in input) if (input[key] !== undefined) given[key] = input[key];
  return given;
};
