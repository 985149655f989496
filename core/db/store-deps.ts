import type { AuditKeys } from '../audit/hash';
import { FORM_ERROR_KEY } from '../records/validate';
import type { EncodedValue, ValueCodec } from '../codec';
import type { Clock } from '../clock';
import type { Hlc } from '../hlc';
import type { RecordId, RecordKind } from '../records/types';
import type { FieldErrors, FieldProblem } from '../records/field-problems';
import type { ChangeBus } from './change-bus';
import type { ChangeOp, ChangeSetItem, RecordChangeItem, StoredChangeSet } from './rows';
import type { LocketDatabase } from './schema';
import { refusalError } from '../refusals';

export interface StoreDeps {
  readonly db: LocketDatabase;
  readonly codec: ValueCodec;
  readonly clock: Clock;
  /** Ids that sort by creation time (UUIDv7). */
  readonly newId: () => string;
  /** Hybrid logical clock; every tick is unique, so it keys the change log. */
  readonly hlc: Pick<Hlc, 'tick' | 'receive' | 'adopt'>;
  readonly deviceId: string;
  readonly author: string;
  readonly bus: ChangeBus;
  /** The audit key (audit/hash.ts); null only for a sweep running while locked, which hashes nothing. */
  readonly auditKeys: AuditKeys | null;
}

/** The audit key for an action that names a record in the log: only unlocked stores have one. */
export const auditKeysOf = (deps: Pick<StoreDeps, 'auditKeys'>): AuditKeys => {
  if (!deps.auditKeys) throw refusalError({ type: 'needs-unlock', for: 'audit' });
  return deps.auditKeys;
};

/**
 * The change-log row for one write transaction: ids, kinds, ops and field names in the
 * clear; `values` is the one codec value of the array aligned with `changes`, encoded with
 * changeAad(hlc). `hlc` is one tick of deps.hlc taken for this set alone, before its values
 * were encoded (they are bound to it); never reuse it for another set.
 */
export const changeSet = (
  deps: Pick<StoreDeps, 'deviceId' | 'author'>,
  changes: readonly ChangeSetItem[],
  values: EncodedValue,
  hlc: string,
): StoredChangeSet => ({
  hlc,
  deviceId: deps.deviceId,
  author: deps.author,
  changes,
  values,
  recordIds: [...new Set(changes.map((change) => change.recordId))],
});

/** One record's part of a change set. */
export const changeItem = (
  record: { readonly id: RecordId; readonly kind: RecordKind },
  op: ChangeOp,
  changed: readonly string[],
): RecordChangeItem => ({ recordId: record.id, kind: record.kind, op, changed });

/** Call only after the transaction has committed: surfaces refresh from what is really stored. */
export const announce = (bus: ChangeBus, records: readonly { readonly id: RecordId; readonly kind: RecordKind }[]): void => {
  if (records.length === 0) return;
  bus.publish({
    ids: records.map((record) => record.id),
    kinds: [...new Set(records.map((record) => record.kind))],
    settings: false,
  });
};

/** A refusal that is not about one field (the record is gone, in the trash, of another kind). */
export const refusal = (problem: FieldProblem): { readonly ok: false; readonly error: FieldErrors } => ({
  ok: false,
  error: { [FORM_ERROR_KEY]: problem },
});
