/**
 * The one codec between a domain value and what IndexedDB holds. Record bodies, the
 * change log's field values and personal settings all pass through it, so encryption at
 * rest replaces this codec and no caller changes.
 *
 * Invariants: decode(encode(v)) deep-equals v for any structured-cloneable v;
 * decode must reject (never return garbage) on a value it did not produce.
 * Both run before a transaction opens: nothing but IndexedDB work is awaited inside one.
 *
 * `aad` names the row a value belongs to (recordAad, changeAad, settingsAad): an encrypting
 * codec seals it in as additional data, so a value copied into another row does not decode
 * there. It names only what never changes for that row (id and kind, hlc, key), so rows
 * copied as stored (snapshots) still decode after a restore.
 */
export interface ValueCodec {
  readonly encode: (value: unknown, aad: string) => Promise<EncodedValue>;
  readonly decode: (encoded: EncodedValue, aad: string) => Promise<unknown>;
  /** Many at once: lets an encrypting codec batch its work. Same order as the input; aads aligned with it. */
  readonly encodeMany: (values: readonly unknown[], aads: readonly string[]) => Promise<EncodedValue[]>;
  readonly decodeMany: (encoded: readonly EncodedValue[], aads: readonly string[]) => Promise<unknown[]>;
}

/** A record's body: bound to its id and kind, which never change for a record. */
export const recordAad = (row: { readonly id: string; readonly kind: string }): string => `locket/record/${row.id}/${row.kind}`;
/** A change set's values: bound to the set's hlc, its key. */
export const changeAad = (hlc: string): string => `locket/change/${hlc}`;
/** An import set's previous values: bound to the set too, and never interchangeable with its values. */
export const changePreviousAad = (hlc: string): string => `locket/change/${hlc}/previous`;
/** The plain ids behind an erase set, kept in its outbox row until the relay has it: bound to the set. */
export const erasedIdsAad = (hlc: string): string => `locket/outbox/${hlc}/erased`;
/** A row of the settings store, by its key. */
export const settingsAad = (key: string): string => `locket/settings/${key}`;

/** The codec version whose ciphertexts carry their row's additional data. */
export const BOUND_CODEC_VERSION = 2;

/**
 * What the store writes. `plain` carries the value as is; `aes-gcm` carries its JSON,
 * encrypted with the account key under a fresh 96-bit IV (core/vault/aes-codec.ts).
 * `v: 2` marks a value sealed with its row's additional data; a value without `v` was
 * written before that (version 1) and is rewritten at the next unlock (codec-migration.ts).
 */
export type EncodedValue =
  | { readonly codec: 'plain'; readonly value: unknown }
  | {
    readonly codec: 'aes-gcm'; readonly v?: typeof BOUND_CODEC_VERSION;
    readonly iv: Uint8Array<ArrayBuffer>; readonly data: Uint8Array<ArrayBuffer>;
  };

/** True for a value written before additional data (codec version 1). */
export const isUnbound = (encoded: EncodedValue): boolean => encoded.codec === 'aes-gcm' && encoded.v !== BOUND_CODEC_VERSION;

export const plainCodec: ValueCodec = {
  // Plain values are for tests and key-less sweeps: there is nothing to bind, so aad is unused.
  encode: async (value) => ({ codec: 'plain', value }),
  decode: async (encoded) => {
    if (encoded.codec !== 'plain') throw new Error(`Cannot decode a value written by codec "${String(encoded.codec)}"`);
    return encoded.value;
  },
  encodeMany: async (values) => values.map((value) => ({ codec: 'plain', value })),
  decodeMany: async (encoded, aads) => Promise.all(encoded.map((e, index) => plainCodec.decode(e, aads[index] ?? ''))),
};
