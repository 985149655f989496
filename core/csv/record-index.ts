/**
 * Finds the record a row duplicates: people by email, organisations by domain or name,
 * parties by name, anything by id. The same index answers for what Locket already holds
 * (built by the caller from its records) and for what the import has planned so far.
 */
import { normaliseDomain } from '../records/field-rules';
import type { FieldsByKind, RecordId, RecordKind } from '../records/types';

export type KnownRecord<K extends RecordKind = RecordKind> = K extends RecordKind
  ? { readonly id: RecordId; readonly kind: K; readonly fields: FieldsByKind[K] }
  : never;

export type PartyRecord = KnownRecord<'person' | 'organisation'>;

export interface RecordLookup {
  readonly byId: (id: RecordId) => KnownRecord | undefined;
  readonly personByEmail: (email: string) => KnownRecord<'person'> | undefined;
  readonly organisationByDomain: (domain: string) => KnownRecord<'organisation'> | undefined;
  readonly organisationByName: (name: string) => KnownRecord<'organisation'> | undefined;
  /** An organisation by name, else a person by full name or email: how other tools name a case's party. */
  readonly partyByName: (name: string) => PartyRecord | undefined;
}

export interface RecordIndex extends RecordLookup {
  /** Adds a record, or replaces the one with its id. */
  readonly add: (record: KnownRecord) => void;
}

/**
 * Case and spacing aside: "  ACME  Ltd " and "Acme Ltd" are one name. (toLowerCase is
 * toLocaleLowerCase('en'): only Turkish, Azeri and Lithuanian lower case differently, and it is faster.)
 */
export const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

const personName = (fields: FieldsByKind['person']): string => `${fields.firstName} ${fields.lastName}`;

/** Every key a record can be found by, each tagged with what it is. */
export const keysOf = (record: KnownRecord): string[] => {
  switch (record.kind) {
    case 'person':
      return [`name:${nameKey(personName(record.fields))}`, ...record.fields.emails.map((email) => `email:${email.toLowerCase()}`)];
    case 'organisation':
      return [`name:${nameKey(record.fields.name)}`, ...(record.fields.domain ? [`domain:${record.fields.domain}`] : [])];
    default:
      return [];
  }
};

export const createRecordIndex = (records: Iterable<KnownRecord> = []): RecordIndex => {
  // Each record's current keys are worked out once, when it is added: lookups only compare them.
  const byId = new Map<RecordId, { readonly record: KnownRecord; readonly keys: ReadonlySet<string> }>();
  // key → ids in the order they were added; the first live holder of the key wins.
  const byKey = new Map<string, RecordId[]>();

  const add = (record: KnownRecord): void => {
    const listed = byId.get(record.id)?.keys;
    const keys = new Set(keysOf(record));
    byId.set(record.id, { record, keys });
    for (const key of keys) {
      // A replaced record is already listed under its old keys; stale ones are skipped on lookup.
      if (listed?.has(key)) continue;
      const ids = byKey.get(key);
      if (ids) ids.push(record.id);
      else byKey.set(key, [record.id]);
    }
  };

  /** The first record of the kind still holding the key: an update may have dropped an email or renamed an organisation. */
  const holder = (key: string, kind: RecordKind): KnownRecord | undefined => {
    for (const id of byKey.get(key) ?? []) {
      const entry = byId.get(id);
      if (entry?.record.kind === kind && entry.keys.has(key)) return entry.record;
    }
    return undefined;
  };
  const findPerson = (key: string): KnownRecord<'person'> | undefined => {
    const record = holder(key, 'person');
    return record?.kind === 'person' ? record : undefined;
  };
  const findOrganisation = (key: string): KnownRecord<'organisation'> | undefined => {
    const record = holder(key, 'organisation');
    return record?.kind === 'organisation' ? record : undefined;
  };

  for (const record of records) add(record);

  const organisationByName = (name: string) => findOrganisation(`name:${nameKey(name)}`);
  return {
    add,
    byId: (id) => byId.get(id)?.record,
    personByEmail: (email) => findPerson(`email:${email.trim().toLowerCase()}`),
    organisationByDomain: (domain) => {
      const key = normaliseDomain(domain);
      return key === '' ? undefined : findOrganisation(`domain:${key}`);
    },
    organisationByName,
    partyByName: (name) => organisationByName(name)
      ?? findPerson(`name:${nameKey(name)}`)
      ?? findPerson(`email:${name.trim().toLowerCase()}`),
  };
};
