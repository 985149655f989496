/**
 * What filters and sorts read of each live listed record, decrypted and held in memory by the
 * profile's search worker beside the search index, so a filter runs without reading the store.
 * Held as columns (column-kit.ts): per kind one array per field, repeating strings as codes of
 * one dictionary, numbers in typed arrays; a record object is made only when asked for.
 *
 * Invariant: a record handed out (`get`, `ofKind`) is a LocketRecord in which every field that
 * core/filters/match.ts, core/filters/text-tests.ts, core/filters/dates.ts and
 * core/filters/sort.ts read keeps its value, and every other field is blank; so the same
 * compiled filter and sort keys give the same answer on it as on the stored record
 * (test/unit/filters/filter-cache.test.ts pins it), before and after a save and load. Beside
 * each record, when it was last contacted (contacted-columns.ts keeps it).
 */
import { isDependentKind, LISTED_KINDS, type ListedKind, type LocketRecord, type RecordId } from '../../core/records/types';
import { createDictionary, numberColumn, textColumn, type Column, type Dictionary } from './column-kit';
import { KIND_COLUMNS, type Listed, type Meta, type Values } from './kind-columns';
import { rowRecords, type RowRecords } from './row-views';

/** What a saved copy holds: the dictionary, and per kind each column's live rows. */
export interface FilterColumnsJson {
  readonly dictionary: readonly string[];
  readonly kinds: Partial<Record<ListedKind, Record<string, unknown>>>;
  /** Last contacted, flat: id, time, id, time… (records never contacted are left out). */
  readonly contacted: readonly (string | number)[];
  /** Where each conversation and task is, flat: its id, the record's id, … */
  readonly targets: readonly string[];
}

export interface FilterColumns {
  /** Adds or refreshes a record; a trashed record or a dependent kind leaves instead. */
  readonly upsertMany: (records: readonly LocketRecord[]) => void;
  readonly remove: (id: RecordId) => void;
  readonly has: (id: RecordId) => boolean;
  readonly get: (id: RecordId) => Listed | undefined;
  readonly size: () => number;
  readonly ids: () => IterableIterator<RecordId>;
  /** The held records of one kind, as views that read a field from the columns when it is asked for (row-views.ts). */
  readonly ofKind: (kind: ListedKind) => Iterable<Listed>;
  /** When the held record was last contacted (a logged conversation or a done task); null when never. */
  readonly lastContacted: (id: RecordId) => number | null;
  /** Ignored for a record not held: it would outlive its record otherwise. */
  readonly setLastContacted: (id: RecordId, at: number | null) => void;
  /**
   * The record a conversation or task was on when the columns last took it (null when on none,
   * or never taken): moved elsewhere, the record it left must be read again too.
   */
  readonly contactTarget: (id: RecordId) => RecordId | null;
  readonly toJSON: () => FilterColumnsJson;
}

interface Table {
  readonly ids: Column<RecordId | null>;
  readonly createdAt: Column<number | null>;
  readonly updatedAt: Column<number | null>;
  readonly fields: Record<string, Column<unknown>>;
  /** The same columns as a list, for writing a row. */
  readonly written: readonly (readonly [string, Column<unknown>])[];
  /** Rows in use; freed rows below it wait in `free` to be taken again. */
  count: number;
  readonly free: number[];
}

const createTable = (kind: ListedKind, dictionary: Dictionary, saved?: Record<string, unknown>): Table => {
  const { columns } = KIND_COLUMNS[kind];
  const written = Object.entries(columns).map(([name, make]) => [name, make(dictionary, saved?.[name])] as const);
  return {
    ids: textColumn<RecordId | null>(saved?.['id']),
    createdAt: numberColumn(saved?.['createdAt']),
    updatedAt: numberColumn(saved?.['updatedAt']),
    fields: Object.fromEntries(written),
    written,
    count: Array.isArray(saved?.['id']) ? saved['id'].length : 0,
    free: [],
  };
};

/** The kind's index in LISTED_KINDS and the row, in one number: row × 4 + kind. */
const KIND_SLOTS = 4;

/**
 * Each kind's table, saved or empty. Outside createFilterColumns on purpose: a closure in it that
 * names `saved` keeps the whole parsed copy alive for as long as the columns.
 */
const tablesFrom = (dictionary: Dictionary, saved?: FilterColumnsJson): Table[] =>
  LISTED_KINDS.map((kind) => createTable(kind, dictionary, saved?.kinds[kind]));

export const createFilterColumns = (saved?: FilterColumnsJson): FilterColumns => {
  const dictionary = createDictionary(saved?.dictionary);
  const tables = tablesFrom(dictionary, saved);
  const places = new Map<RecordId, number>();
  const contacted = new Map<RecordId, number>();
  tables.forEach((table, kindAt) => {
    for (let row = 0; row < table.count; row++) {
      const id = table.ids.get(row);
      if (id !== null) places.set(id, row * KIND_SLOTS + kindAt);
    }
  });
  const targets = new Map<RecordId, RecordId>();
  const pairs = saved?.targets ?? [];
  for (let at = 0; at + 1 < pairs.length; at += 2) {
    const [id, target] = [pairs[at], pairs[at + 1]];
    if (typeof id === 'string' && typeof target === 'string') targets.set(id, target);
  }
  const flat = saved?.contacted ?? [];
  for (let at = 0; at + 1 < flat.length; at += 2) {
    const [id, time] = [flat[at], flat[at + 1]];
    if (typeof id === 'string' && typeof time === 'number' && places.has(id)) contacted.set(id, time);
  }

  const makers = tables.map((table, kindAt) => rowRecords(LISTED_KINDS[kindAt] as ListedKind, table.fields));
  const metaOf = (table: Table, row: number): Meta =>
    ({ id: table.ids.get(row) ?? '', createdAt: table.createdAt.get(row) ?? 0, updatedAt: table.updatedAt.get(row) ?? 0, deletedAt: null });
  const read = (kindAt: number, row: number): Listed => (makers[kindAt] as RowRecords).record(metaOf(tables[kindAt] as Table, row), row);

  const write = (table: Table, row: number, values: Values): void => {
    for (const [name, column] of table.written) column.set(row, values[name]);
  };

  const remove = (id: RecordId): void => {
    const place = places.get(id);
    if (place === undefined) return;
    places.delete(id);
    contacted.delete(id);
    const table = tables[place % KIND_SLOTS] as Table;
    const row = Math.floor(place / KIND_SLOTS);
    // Blanked, so nothing of a record that left stays in memory.
    table.ids.set(row, null);
    table.createdAt.set(row, null);
    table.updatedAt.set(row, null);
    write(table, row, KIND_COLUMNS[LISTED_KINDS[place % KIND_SLOTS] as ListedKind].blank);
    table.free.push(row);
  };

  const upsert = (record: LocketRecord): void => {
    if (record.kind === 'activity' || record.kind === 'task') {
      // Held in the trash too: a contact trashed, then moved and restored, still left its record.
      if (record.fields.recordId === null) targets.delete(record.id);
      else targets.set(record.id, record.fields.recordId);
    }
    if (record.deletedAt !== null || isDependentKind(record.kind)) { remove(record.id); return; }
    const listed = record as Listed;
    const kindAt = LISTED_KINDS.indexOf(listed.kind);
    const table = tables[kindAt] as Table;
    const place = places.get(listed.id);
    let row: number;
    if (place !== undefined && place % KIND_SLOTS === kindAt) {
      row = Math.floor(place / KIND_SLOTS);
    } else {
      remove(listed.id);
      row = table.free.pop() ?? table.count++;
    }
    table.ids.set(row, listed.id);
    table.createdAt.set(row, listed.createdAt);
    table.updatedAt.set(row, listed.updatedAt);
    write(table, row, KIND_COLUMNS[listed.kind].split(listed as never));
    places.set(listed.id, row * KIND_SLOTS + kindAt);
  };

  function* ofKind(kind: ListedKind): Iterable<Listed> {
    const kindAt = LISTED_KINDS.indexOf(kind);
    const table = tables[kindAt];
    const maker = makers[kindAt];
    if (!table || !maker) return;
    for (let row = 0; row < table.count; row++) if (table.ids.get(row) !== null) yield maker.view(metaOf(table, row), row);
  }

  const tableJson = (table: Table): Record<string, unknown> => {
    const rows: number[] = [];
    for (let row = 0; row < table.count; row++) if (table.ids.get(row) !== null) rows.push(row);
    const json: Record<string, unknown> = { id: table.ids.toJSON(rows), createdAt: table.createdAt.toJSON(rows), updatedAt: table.updatedAt.toJSON(rows) };
    for (const [name, column] of table.written) json[name] = column.toJSON(rows);
    return json;
  };

  return {
    upsertMany: (records) => { for (const record of records) upsert(record); },
    remove: (id) => { targets.delete(id); remove(id); },
    has: (id) => places.has(id),
    get: (id) => { const place = places.get(id); return place === undefined ? undefined : read(place % KIND_SLOTS, Math.floor(place / KIND_SLOTS)); },
    size: () => places.size,
    ids: () => places.keys(),
    ofKind,
    lastContacted: (id) => contacted.get(id) ?? null,
    contactTarget: (id) => targets.get(id) ?? null,
    setLastContacted: (id, at) => {
      if (at === null || !places.has(id)) contacted.delete(id);
      else contacted.set(id, at);
    },
    toJSON: () => ({
      dictionary: dictionary.toJSON(),
      kinds: Object.fromEntries(LISTED_KINDS.map((kind, at) => [kind, tableJson(tables[at] as Table)])),
      contacted: [...contacted].flat(),
      targets: [...targets].flat(),
    }),
  };
};
