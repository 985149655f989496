/**
 * A list of 256-bit keys sealed under one key (AES-GCM, named by `purpose` as additional
 * data): how the keys a replaced account key leaves behind are kept under the new one.
 */
import * as v from 'valibot';
import { concatBytes, utf8 } from './bytes';
import { defaultVaultDeps } from './deps';
import { open, seal } from './seal';
import type { Bytes, Sealed } from './types';

export const LISTED_KEY_BYTES = 32;

const SealedSchema = v.object({ iv: v.instance(Uint8Array), data: v.instance(Uint8Array) });

export const sealKeyList = (wrappingKey: Bytes, keys: readonly Bytes[], purpose: string): Promise<Sealed> =>
  seal(wrappingKey, concatBytes(...keys), defaultVaultDeps(), utf8(purpose));

/** The keys as sealed, oldest first; none when `stored` is absent, malformed or sealed under another key. */
export const openKeyList = async (wrappingKey: Bytes, stored: unknown, purpose: string): Promise<Bytes[]> => {
  const parsed = v.safeParse(SealedSchema, stored);
  if (!parsed.success) return [];
  let joined: Bytes;
  try {
    joined = await open(wrappingKey, { iv: new Uint8Array(parsed.output.iv), data: new Uint8Array(parsed.output.data) }, defaultVaultDeps(), utf8(purpose));
  } catch {
    return [];
  }
  return Array.from({ length: Math.floor(joined.length / LISTED_KEY_BYTES) },
    (_, index) => joined.slice(index * LISTED_KEY_BYTES, (index + 1) * LISTED_KEY_BYTES));
};
