/**
 * The one codec between a domain value and what IndexedDB holds. Record bodies, the
 * change log's field values and personal settings all pass through it, so encryption at
 * rest replaces this codec and no caller changes.
 *
 * Invariants: decode(encode(v)) deep-equals v for any structured-cloneable v;
 * decode must reject (never return garbage) on a value it did not produce.
 * Both run before a transaction opens: nothing but IndexedDB work is awaited inside one.
 */
export interface ValueCodec {
  readonly encode: (value: unknown) => Promise<EncodedValue>;
  readonly decode: (encoded: EncodedValue) => Promise<unknown>;
  /** Many at once: lets an encrypting codec batch its work. Same order as the input. */
  readonly encodeMany: (values: readonly unknown[]) => Promise<EncodedValue[]>;
  readonly decodeMany: (encoded: readonly EncodedValue[]) => Promise<unknown[]>;
}

/**
 * What the store writes. `plain` carries the value as is; `aes-gcm` carries its JSON,
 * encrypted with the account key under a fresh 96-bit IV (core/vault/aes-codec.ts).
 */
export type EncodedValue =
  | { readonly codec: 'plain'; readonly value: unknown }
  | { readonly codec: 'aes-gcm'; readonly iv: Uint8Array<ArrayBuffer>; readonly data: Uint8Array<ArrayBuffer> };

export const plainCodec: ValueCodec = {
  encode: async (value) => ({ codec: 'plain', value }),
  decode: async (encoded) => {
    if (encoded.codec !== 'plain') throw new Error(`Cannot decode a value written by codec "${String(encoded.codec)}"`);
    return encoded.value;
  },
  encodeMany: async (values) => values.map((value) => ({ codec: 'plain', value })),
  decodeMany: async (encoded) => Promise.all(encoded.map((e) => plainCodec.decode(e))),
};
