/**
 * Field clocks: the HLC of the set that last wrote each field of a record (and `deletedAt`).
 * They make a remote merge per-field last-writer-wins; they are field names and HLCs only.
 */
import type { RecordId } from '../records/types';
import type { StoredChangeSet, StoredRecord } from './rows';

/** The clock every trash and restore writes: the trash is one more LWW field. */
export const DELETED_AT = 'deletedAt';

/**
 * The clock of the set that created the record, whose createdAt every device shows: the create
 * carries the creator's createdAt (its own clock, or an import file's), and the later create wins
 * should two ever name one id. Like deletedAt, a clock without a field of that name.
 */
export const CREATED_AT = 'createdAt';

/** Text fields whose concurrent edits are flagged rather than silently lost: a note's body. */
export const FLAGGED_TEXT: Readonly<Record<string, readonly string[]>> = { note: ['body'] };

/**
 * A field with no clock counts as older than every set (''). Rows get clocks from the change
 * log when sync's migration runs and from every write after, so a field without one has no set
 * in this device's log that wrote it: nothing another device knows can be older. The creating
 * set's clock would need a log read per row and is often purged or scrubbed away.
 */
export const fieldClockOf = (row: Pick<StoredRecord, 'fieldClocks'> | undefined, field: string): string =>
  row?.fieldClocks?.[field] ?? '';

/**
 * `row` with `changed` stamped at `hlc` on top of `base`'s clocks (the row as it was before this
 * write). Without a base the write creates the record: its createdAt takes the clock too.
 */
export const stampClocks = <R extends StoredRecord>(
  row: R, base: Pick<StoredRecord, 'fieldClocks' | 'conflictedFields' | 'textClocks'> | undefined, changed: readonly string[], hlc: string,
): R => {
  const fieldClocks: Record<string, string> = { ...base?.fieldClocks };
  const textClocks = new Map(Object.entries(base?.textClocks ?? {}));
  for (const field of changed) {
    // This edit saw the text it replaces: a version under that clock is not a rival.
    const replaced = fieldClocks[field] ?? '';
    if (FLAGGED_TEXT[row.kind]?.includes(field)) {
      if (replaced === '') textClocks.delete(field);
      else textClocks.set(field, { basis: replaced, rival: replaced });
    }
    fieldClocks[field] = hlc;
  }
  if (!base) fieldClocks[CREATED_AT] = hlc;
  // A local edit of a flagged field settles it: the owner has chosen what it says.
  const conflicted = (base?.conflictedFields ?? []).filter((field) => !changed.includes(field));
  return {
    ...row, fieldClocks,
    ...(conflicted.length > 0 ? { conflictedFields: conflicted } : {}),
    ...(textClocks.size > 0 ? { textClocks: Object.fromEntries(textClocks) } : {}),
  };
};

/** Every record's clocks as its change log says, sets read in HLC order (later sets win). */
export const clocksFromLog = (sets: readonly StoredChangeSet[]): Map<RecordId, Record<string, string>> => {
  const clocks = new Map<RecordId, Record<string, string>>();
  for (const set of [...sets].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))) {
    for (const change of set.changes) {
      const record = clocks.get(change.recordId) ?? {};
      const fields = change.op === 'delete' || change.op === 'restore' ? [DELETED_AT] : change.changed;
      for (const field of fields) record[field] = set.hlc;
      clocks.set(change.recordId, record);
    }
  }
  return clocks;
};
