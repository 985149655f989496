/**
 * The account's sync key and the per-item encryption of change sets (SYNC.md §5–6).
 *
 * The sync key ("team key" TK_e) is 32 random bytes per epoch; a single owner stays at epoch 1.
 * Each purpose gets its own key by HKDF-SHA256, so the item key never doubles as anything else.
 * An item is AES-256-GCM under a fresh random 96-bit IV, carried as iv‖ciphertext, with additional
 * data naming exactly where it belongs: moved to another set, index, record, kind, op or epoch,
 * it no longer opens.
 */
import { utf8, concatBytes } from '../vault/bytes';
import { hkdf } from '../vault/seal';
import type { Bytes } from '../vault/types';
import { padJson, unpadJson } from './padme';

export const SYNC_KEY_BYTES = 32;
/** The epoch of a single owner's sync key: rotation (a later part) moves to 2, 3 … */
export const FIRST_EPOCH = 1;
const IV_BYTES = 12;
const GCM_TAG_BYTES = 16;

export const ITEM_KEY_INFO = 'locket/relay/item/v1';
export const DIRECTORY_KEY_INFO = 'locket/relay/directory/v1';

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
export const randomBytes = (length: number): Bytes => globalThis.crypto.getRandomValues(new Uint8Array(length));

export const newSyncKey = (): Bytes => randomBytes(SYNC_KEY_BYTES);

/** An AES-256-GCM key for one purpose of the sync key, usable for both directions, never exported. */
export const derivePurposeKey = async (syncKey: Bytes, info: string): Promise<CryptoKey> => {
  if (syncKey.length !== SYNC_KEY_BYTES) throw new RangeError(`A sync key has ${SYNC_KEY_BYTES} bytes`);
  const bytes = await hkdf(syncKey, info, 32, { subtle: subtle() });
  return subtle().importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
};

/** Where an item sits: everything its additional data binds it to. */
export interface ItemPlace {
  readonly team: string;
  readonly setId: string;
  readonly index: number;
  readonly recordId: string;
  readonly kind: string;
  readonly op: string;
  readonly epoch: number;
}

export const itemAad = (place: ItemPlace): string =>
  `locket/item/v1|${place.team}|${place.setId}|${place.index}|${place.recordId}|${place.kind}|${place.op}|${place.epoch}`;

/** AES-256-GCM under a fresh random IV: the result is iv‖ciphertext‖tag. */
export const encryptBytes = async (key: CryptoKey, plaintext: Bytes, aad: string): Promise<Bytes> => {
  const iv = randomBytes(IV_BYTES);
  const data = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: utf8(aad) }, key, plaintext);
  return concatBytes(iv, new Uint8Array(data));
};

/** The plaintext of iv‖ciphertext‖tag, or null when it does not open (wrong key, place or any altered byte). */
export const decryptBytes = async (key: CryptoKey, sealed: Uint8Array, aad: string): Promise<Bytes | null> => {
  if (sealed.length < IV_BYTES + GCM_TAG_BYTES) return null;
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(sealed.subarray(0, IV_BYTES)), additionalData: utf8(aad) },
      key, new Uint8Array(sealed.subarray(IV_BYTES)),
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
};

/** A JSON value padded (PADMÉ) and sealed for its place. */
export const sealItemValue = (itemKey: CryptoKey, place: ItemPlace, value: unknown): Promise<Bytes> =>
  encryptBytes(itemKey, padJson(value), itemAad(place));

/** The JSON value sealed for this place, or null when it does not open or parse. */
export const openItemValue = async (itemKey: CryptoKey, place: ItemPlace, sealed: Uint8Array): Promise<{ value: unknown } | null> => {
  const plain = await decryptBytes(itemKey, sealed, itemAad(place));
  if (!plain) return null;
  try {
    return { value: unpadJson(plain) };
  } catch {
    return null;
  }
};
