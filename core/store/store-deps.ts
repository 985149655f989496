import { FORM_ERROR_KEY } from '../records/validate';
import type { EncodedValue, ValueCodec } from '../codec';
import type { Clock } from '../clock';
import type { FieldErrors, RecordId, RecordKind } from '../records/types';
import type { ChangeBus } from './change-bus';
import type { ChangeOp, StoredChange } from './contract';
import type { LocketDatabase } from './schema';

export interface StoreDeps {
  readonly db: LocketDatabase;
  readonly codec: ValueCodec;
  readonly clock: Clock;
  /** Ids that sort by creation time (UUIDv7). */
  readonly newId: () => string;
  /** Hybrid logical clock; every tick is unique, so it keys the change log. */
  readonly hlc: { readonly tick: () => string };
  readonly deviceId: string;
  readonly author: string;
  readonly bus: ChangeBus;
}

/** A change-log entry: field names in the clear, their values already through the codec. */
export const changeEntry = (
  deps: Pick<StoreDeps, 'hlc' | 'deviceId' | 'author'>,
  record: { readonly id: RecordId; readonly kind: RecordKind },
  op: ChangeOp,
  changed: readonly string[],
  values: EncodedValue,
): StoredChange => ({
  hlc: deps.hlc.tick(),
  recordId: record.id,
  kind: record.kind,
  op,
  changed,
  values,
  deviceId: deps.deviceId,
  author: deps.author,
});

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
export const refusal = (message: string): { readonly ok: false; readonly error: FieldErrors } => ({
  ok: false,
  error: { [FORM_ERROR_KEY]: message },
});
