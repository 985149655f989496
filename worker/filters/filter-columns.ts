/**
 * What filters and sorts read of each live listed record, decrypted and held in memory by the
 * profile's search worker beside the search index, so a filter runs without reading the store.
 *
 * Invariant: a held record is a LocketRecord in which every field that core/filters/match.ts,
 * core/filters/text-tests.ts, core/filters/dates.ts and core/filters/sort.ts read keeps its
 * value, and every other field is blank; so the same compiled filter and sort keys give the same
 * answer on it as on the stored record (test/unit/filters/filter-cache.test.ts pins it). Strings
 * that repeat across records (tags, owners, milestones, currencies, custom field names) are
 * held once. Beside each record, when it was last contacted (contacted-columns.ts keeps it).
 */
import { isDependentKind, type CustomField, type ListedKind, type LocketRecord, type RecordId } from '../../core/records/types';

type Listed = LocketRecord<ListedKind>;

/** What a saved copy holds: per record a tuple (fields in the order `toRow` writes them). */
export interface FilterColumnsJson {
  readonly rows: readonly unknown[][];
  /** Last contacted, flat: id, time, id, time… (records never contacted are left out). */
  readonly contacted: readonly (string | number)[];
}

export interface FilterColumns {
  /** Adds or refreshes a record; a trashed record or a dependent kind leaves instead. */
  readonly upsertMany: (records: readonly LocketRecord[]) => void;
  readonly remove: (id: RecordId) => void;
  readonly has: (id: RecordId) => boolean;
  readonly get: (id: RecordId) => Listed | undefined;
  readonly size: () => number;
  readonly ids: () => IterableIterator<RecordId>;
  /** The held records of one kind, oldest created first as they were added. */
  readonly ofKind: (kind: ListedKind) => Iterable<Listed>;
  /** When the held record was last contacted (a logged conversation or a done task); null when never. */
  readonly lastContacted: (id: RecordId) => number | null;
  /** Ignored for a record not held: it would outlive its record otherwise. */
  readonly setLastContacted: (id: RecordId, at: number | null) => void;
  readonly toJSON: () => FilterColumnsJson;
}

const NONE: readonly never[] = Object.freeze([]);

const createInterner = () => {
  const pool = new Map<string, string>();
  return (text: string): string => {
    const held = pool.get(text);
    if (held !== undefined) return held;
    pool.set(text, text);
    return text;
  };
};

const list = <T>(items: readonly T[]): readonly T[] => (items.length === 0 ? NONE : items);

export const createFilterColumns = (saved?: FilterColumnsJson): FilterColumns => {
  const intern = createInterner();
  const byKind = new Map<ListedKind, Map<RecordId, Listed>>([['person', new Map()], ['organisation', new Map()], ['case', new Map()], ['opportunity', new Map()]]);
  const kindOf = new Map<RecordId, ListedKind>();
  const contacted = new Map<RecordId, number>();

  const customs = (fields: readonly CustomField[]): readonly CustomField[] =>
    list(fields.map(({ name, value }) => ({ name: intern(name), value })));

  /** The record with only what filters and sorts read. */
  const project = (record: Listed): Listed => {
    const meta = { id: record.id, createdAt: record.createdAt, updatedAt: record.updatedAt, deletedAt: null };
    switch (record.kind) {
      case 'person': {
        const f = record.fields;
        return { ...meta, kind: 'person', fields: {
          firstName: f.firstName, lastName: f.lastName, jobTitle: '', organisationId: f.organisationId,
          // The name sort falls back to the first address when there is no name (core/records/display.ts).
          emails: f.emails.length === 0 ? NONE : [f.emails[0] ?? ''], phones: NONE, websites: NONE,
          addresses: list(f.addresses), tags: list(f.tags.map(intern)), customFields: customs(f.customFields),
          consent: f.consent === null ? null : { basis: f.consent.basis, date: f.consent.date, source: '' },
          owner: intern(f.owner), cadenceDays: null,
        } };
      }
      case 'organisation': {
        const f = record.fields;
        return { ...meta, kind: 'organisation', fields: {
          name: f.name, domain: f.domain, emails: NONE, phones: NONE, websites: NONE, addresses: list(f.addresses),
          tags: list(f.tags.map(intern)), customFields: customs(f.customFields), owner: intern(f.owner),
        } };
      }
      case 'case': {
        const f = record.fields;
        // Custom fields of cases and deals are not filtered on (text-tests.ts reads people's and organisations').
        return { ...meta, kind: 'case', fields: { name: f.name, description: '', status: f.status, partyId: f.partyId, customFields: NONE, owner: intern(f.owner) } };
      }
      case 'opportunity': {
        const f = record.fields;
        return { ...meta, kind: 'opportunity', fields: {
          name: f.name, partyId: f.partyId, value: f.value, currency: intern(f.currency), milestone: intern(f.milestone), probability: 0,
          expectedCloseDate: f.expectedCloseDate, status: f.status, customFields: NONE, lostReason: '', owner: intern(f.owner),
        } };
      }
    }
  };

  const remove = (id: RecordId): void => {
    const kind = kindOf.get(id);
    if (kind === undefined) return;
    byKind.get(kind)?.delete(id);
    kindOf.delete(id);
    contacted.delete(id);
  };

  const upsert = (record: LocketRecord): void => {
    if (record.deletedAt !== null || isDependentKind(record.kind)) { remove(record.id); return; }
    const listed = record as Listed;
    if (kindOf.get(listed.id) !== listed.kind) remove(listed.id);
    byKind.get(listed.kind)?.set(listed.id, project(listed));
    kindOf.set(listed.id, listed.kind);
  };

  for (const row of saved?.rows ?? []) upsert(fromRow(row));
  const flat = saved?.contacted ?? [];
  for (let at = 0; at + 1 < flat.length; at += 2) {
    const [id, time] = [flat[at], flat[at + 1]];
    if (typeof id === 'string' && typeof time === 'number' && kindOf.has(id)) contacted.set(id, time);
  }

  return {
    upsertMany: (records) => { for (const record of records) upsert(record); },
    remove,
    has: (id) => kindOf.has(id),
    get: (id) => { const kind = kindOf.get(id); return kind === undefined ? undefined : byKind.get(kind)?.get(id); },
    size: () => kindOf.size,
    ids: () => kindOf.keys(),
    ofKind: (kind) => byKind.get(kind)?.values() ?? NONE,
    lastContacted: (id) => contacted.get(id) ?? null,
    setLastContacted: (id, at) => {
      if (at === null || !kindOf.has(id)) contacted.delete(id);
      else contacted.set(id, at);
    },
    toJSON: () => ({
      rows: [...byKind.values()].flatMap((records) => [...records.values()].map(toRow)),
      contacted: [...contacted].flat(),
    }),
  };
};

const flatCustoms = (fields: readonly CustomField[]): string[] => fields.flatMap(({ name, value }) => [name, value]);
const pairedCustoms = (flat: readonly string[]): CustomField[] => {
  const fields: CustomField[] = [];
  for (let at = 0; at + 1 < flat.length; at += 2) fields.push({ name: flat[at] ?? '', value: flat[at + 1] ?? '' });
  return fields;
};

/** A held record as a compact tuple for the saved copy: its kind, meta, then the fields filters read. */
const toRow = (record: Listed): unknown[] => {
  const head = [record.kind, record.id, record.createdAt, record.updatedAt];
  switch (record.kind) {
    case 'person': {
      const f = record.fields;
      return [...head, f.firstName, f.lastName, f.emails, f.organisationId, f.addresses, f.tags, flatCustoms(f.customFields), f.consent?.basis ?? null, f.consent?.date ?? null, f.owner];
    }
    case 'organisation': {
      const f = record.fields;
      return [...head, f.name, f.domain, f.addresses, f.tags, flatCustoms(f.customFields), f.owner];
    }
    case 'case': return [...head, record.fields.name, record.fields.status, record.fields.partyId, record.fields.owner];
    case 'opportunity': {
      const f = record.fields;
      return [...head, f.name, f.partyId, f.value, f.currency, f.milestone, f.expectedCloseDate, f.status, f.owner];
    }
  }
};

/** The inverse of `toRow`, blanks where the tuple holds nothing; `upsert` projects it again (interning). */
const fromRow = (row: readonly unknown[]): LocketRecord => {
  const [kind, id, createdAt, updatedAt, ...rest] = row as [ListedKind, string, number, number, ...unknown[]];
  const meta = { id, createdAt, updatedAt, deletedAt: null };
  const at = <T>(index: number): T => rest[index] as T;
  switch (kind) {
    case 'person': {
      const basis = at<string | null>(7);
      return { ...meta, kind, fields: {
        firstName: at(0), lastName: at(1), jobTitle: '', emails: at(2), organisationId: at(3), phones: [], websites: [],
        addresses: at(4), tags: at(5), customFields: pairedCustoms(at(6)), owner: at(9), cadenceDays: null,
        consent: basis === null ? null : { basis: basis as never, date: at(8), source: '' },
      } };
    }
    case 'organisation':
      return { ...meta, kind, fields: { name: at(0), domain: at(1), emails: [], phones: [], websites: [], addresses: at(2), tags: at(3), customFields: pairedCustoms(at(4)), owner: at(5) } };
    case 'case':
      return { ...meta, kind, fields: { name: at(0), description: '', status: at(1), partyId: at(2), customFields: [], owner: at(3) } };
    case 'opportunity':
      return { ...meta, kind, fields: {
        name: at(0), partyId: at(1), value: at(2), currency: at(3), milestone: at(4), probability: 0,
        expectedCloseDate: at(5), status: at(6), customFields: [], lostReason: '', owner: at(7),
      } };
  }
};
