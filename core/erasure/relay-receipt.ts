/**
 * The relay's erasure receipt (SYNC.md §10): when an erase set reaches the relay, it deletes the
 * ciphertext of every item of the id and signs `{team, idHash, seq, rowsDeleted, at}` with its
 * own Ed25519 key, whose public half it serves at `/v1/relay-key`. A device checks the receipt
 * against that key before it believes "erased on the relay", then acknowledges after erasing
 * locally; the status says how many of the team's devices did.
 *
 * `idHash` is the SHA-256 of the id (lower-case hex), the relay's tombstone form: the relay
 * never holds the audit key a device's keyed hash needs.
 */
import * as v from 'valibot';
import { utf8 } from '../vault/bytes';
import type { Bytes } from '../vault/types';
import { verifyBytes } from '../sync/signing';
import { DeviceIdSchema, PublicKeySchema, SignatureSchema, TeamIdSchema } from '../sync/protocol';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const IdHashSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex id hash'));

export const RelayErasureReceiptSchema = v.strictObject({
  team: TeamIdSchema,
  idHash: IdHashSchema,
  /** The relay seq of the erase set that ended the id. */
  seq: Count,
  /** Items of the id whose ciphertext the relay deleted. */
  rowsDeleted: Count,
  /** Relay time of the erasure. */
  at: Count,
  sig: SignatureSchema,
});
export type RelayErasureReceipt = v.InferOutput<typeof RelayErasureReceiptSchema>;

export const RelayKeySchema = v.strictObject({ publicKey: PublicKeySchema });
export const ErasureReceiptListSchema = v.strictObject({ receipts: v.array(RelayErasureReceiptSchema) });
export const ErasureAckRequestSchema = v.strictObject({ idHash: IdHashSchema });
export const ErasureStatusRequestSchema = v.strictObject({ idHash: IdHashSchema });

export const ErasureStatusSchema = v.strictObject({
  idHash: IdHashSchema,
  /** Devices of the team not removed: the ones that must acknowledge. */
  devices: Count,
  acknowledged: Count,
  /** Each device still to acknowledge, with when the relay last heard from it (null: never since enrolled). */
  pending: v.array(v.strictObject({ device: DeviceIdSchema, lastSeenAt: v.nullable(Count) })),
});
export type ErasureStatus = v.InferOutput<typeof ErasureStatusSchema>;

/** The exact bytes the relay signs; field order is fixed here and only here. */
export const erasureReceiptMessage = (receipt: Omit<RelayErasureReceipt, 'sig'>): Bytes =>
  utf8(`locket-relay-erasure/v1|${receipt.team}|${receipt.idHash}|${receipt.seq}|${receipt.rowsDeleted}|${receipt.at}`);

/** False for a receipt not signed by this relay key, or changed in any field since. */
export const verifyRelayErasureReceipt = (relayPublicKey: Uint8Array, receipt: RelayErasureReceipt): Promise<boolean> => {
  const { sig, ...signed } = receipt;
  return verifyBytes(relayPublicKey, sig, erasureReceiptMessage(signed));
};

/**
 * What the person's audit entry shows about the relay's part of an erasure: the page words it
 * ("erased on the relay; acknowledged by 4 of 5 devices; 'Laptop' last seen 12 days ago").
 */
export type RelayErasureView =
  | { readonly type: 'not-synced' }
  /** A receipt that does not verify against the relay's key is shown as such, never as erased. */
  | { readonly type: 'receipt-invalid' }
  | {
    readonly type: 'erased-on-relay';
    readonly at: number;
    readonly rowsDeleted: number;
    readonly acknowledged: number;
    readonly devices: number;
    readonly pending: readonly { readonly device: string; readonly label: string | null; readonly lastSeenAt: number | null }[];
  };

/** Builds the view from a receipt, its verification and the relay's status; `labelOf` names devices as this device knows them. */
export const relayErasureView = async (
  relayPublicKey: Uint8Array, receipt: RelayErasureReceipt | null, status: ErasureStatus | null, labelOf: (device: string) => string | null,
): Promise<RelayErasureView> => {
  if (!receipt) return { type: 'not-synced' };
  if (!(await verifyRelayErasureReceipt(relayPublicKey, receipt))) return { type: 'receipt-invalid' };
  return {
    type: 'erased-on-relay', at: receipt.at, rowsDeleted: receipt.rowsDeleted,
    acknowledged: status?.acknowledged ?? 0, devices: status?.devices ?? 0,
    pending: (status?.pending ?? []).map((entry) => ({ ...entry, label: labelOf(entry.device) })),
  };
};
