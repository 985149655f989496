/**
 * What undoing a merge or convert needs, kept in `meta` under `merge-undo:<id>` until used:
 * the ids and the act's set stamp in the clear (ids are in the clear on every row already),
 * the survivor's earlier fields encrypted like a record body. This is the seam a shared batch
 * undo can take over: it reads one receipt and writes one plan (merge-undo.ts).
 */
import * as v from 'valibot';
import type { ValueCodec, EncodedValue } from '../codec';
import type { RecordId } from '../records/types';

export const UNDO_RECEIPT_PREFIX = 'merge-undo:';
export const undoReceiptKey = (undoId: string): string => `${UNDO_RECEIPT_PREFIX}${undoId}`;
const receiptAad = (undoId: string): string => `locket/merge-undo/${undoId}`;

/** A record whose link the act moved from the other record to the survivor, and which field. */
export interface MovedLink {
  readonly id: RecordId;
  readonly field: 'recordId' | 'partyId' | 'organisationId';
}

export interface UndoReceipt {
  readonly act: 'merge' | 'convert';
  /** The change set the act wrote: a later set on the survivor means it changed since. */
  readonly hlc: string;
  readonly survivorId: RecordId;
  readonly otherId: RecordId;
  /** Records the act created (the note; for a convert, the new record too): removed again by the undo. */
  readonly createdIds: readonly RecordId[];
  readonly moved: readonly MovedLink[];
  /** The survivor's fields before a merge; null for a convert, whose survivor the act created. */
  readonly survivorBefore: Readonly<Record<string, unknown>> | null;
}

export interface StoredUndoReceipt {
  readonly hlc: string;
  readonly at: number;
  readonly sealed: EncodedValue;
}

const MovedSchema = v.object({ id: v.string(), field: v.picklist(['recordId', 'partyId', 'organisationId']) });
const ReceiptSchema = v.object({
  act: v.picklist(['merge', 'convert']),
  hlc: v.string(),
  survivorId: v.string(),
  otherId: v.string(),
  createdIds: v.array(v.string()),
  moved: v.array(MovedSchema),
  survivorBefore: v.nullable(v.record(v.string(), v.unknown())),
});
const StoredSchema = v.object({ hlc: v.string(), at: v.number(), sealed: v.custom<EncodedValue>((value) => typeof value === 'object' && value !== null) });

export const sealReceipt = async (codec: ValueCodec, undoId: string, receipt: UndoReceipt, at: number): Promise<StoredUndoReceipt> =>
  ({ hlc: receipt.hlc, at, sealed: await codec.encode(receipt, receiptAad(undoId)) });

/** The receipt as stored and as read, or undefined when there is none (or it is unreadable). */
export const openReceipt = async (
  codec: ValueCodec, undoId: string, stored: unknown,
): Promise<{ readonly stored: StoredUndoReceipt; readonly receipt: UndoReceipt } | undefined> => {
  const row = v.safeParse(StoredSchema, stored);
  if (!row.success) return undefined;
  const receipt = v.safeParse(ReceiptSchema, await codec.decode(row.output.sealed, receiptAad(undoId)));
  return receipt.success ? { stored: row.output, receipt: receipt.output } : undefined;
};
