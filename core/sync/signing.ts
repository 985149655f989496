/**
 * Device identity and the bytes a device signs, defined once for the extension and the relay.
 *
 * A device holds an Ed25519 key (WebCrypto: Node 20 and Chromium both sign and verify with it); its
 * id is derived from the public key, so nobody can claim an id without the key. A set's signature
 * covers a length-prefixed binary encoding of every field except the items' ciphertext (each item's
 * hash stands for it), so signing never depends on JSON key order and a relay may later drop a
 * purged item's ciphertext without breaking the signature.
 */
import { fromBase64Url, toBase64Url } from '../security/base64url';
import { concatBytes, utf8 } from '../vault/bytes';
import type { Bytes } from '../vault/types';
import type { Envelope, Item, UnsignedEnvelope } from './protocol';

const ED25519 = { name: 'Ed25519' } as const;
const SET_DOMAIN = 'locket/set/v1';

export interface DeviceKeys {
  readonly privateKey: CryptoKey;
  readonly publicKey: Bytes;
  readonly deviceId: string;
}

const sha256 = async (bytes: Uint8Array): Promise<Bytes> => new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));

export const deviceIdFromPublicKey = async (publicKey: Uint8Array): Promise<string> =>
  toBase64Url((await sha256(publicKey)).slice(0, 16));

/** SHA-256 of an item's ciphertext, as its `h` field carries it. */
export const itemHash = async (ciphertext: Uint8Array): Promise<string> => toBase64Url(await sha256(ciphertext));

export const generateDeviceKeys = async (): Promise<DeviceKeys> => {
  const pair = (await globalThis.crypto.subtle.generateKey(ED25519, false, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey, deviceId: await deviceIdFromPublicKey(publicKey) };
};

export const signBytes = async (privateKey: CryptoKey, message: Bytes): Promise<string> =>
  toBase64Url(new Uint8Array(await globalThis.crypto.subtle.sign(ED25519, privateKey, message)));

/** False for a malformed key or signature as well as for a wrong one: callers refuse both alike. */
export const verifyBytes = async (publicKey: Uint8Array, signature: string, message: Bytes): Promise<boolean> => {
  const sig = fromBase64Url(signature);
  if (!sig || sig.length !== 64 || publicKey.length !== 32) return false;
  try {
    const key = await globalThis.crypto.subtle.importKey('raw', new Uint8Array(publicKey), ED25519, false, ['verify']);
    return await globalThis.crypto.subtle.verify(ED25519, key, sig, message);
  } catch {
    return false;
  }
};

// --- canonical encoding -----------------------------------------------------------------------

const u32 = (n: number): Bytes => {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n);
  return out;
};
const u64 = (n: number): Bytes => {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n));
  return out;
};
const lengthPrefixed = (bytes: Bytes): Bytes => concatBytes(u32(bytes.length), bytes);
const text = (value: string): Bytes => lengthPrefixed(utf8(value));
const optionalText = (value: string | null | undefined): Bytes =>
  value === null || value === undefined ? new Uint8Array([0]) : concatBytes(new Uint8Array([1]), text(value));
const hashBytes = (h: string): Bytes => lengthPrefixed(fromBase64Url(h) ?? utf8(h));

const encodeItem = (item: Omit<Item, 'ct'>): Bytes =>
  concatBytes(text(item.recordId), text(item.kind), text(item.op), hashBytes(item.h));

/** The exact bytes a set's signature covers. Field order is fixed here and only here. */
export const encodeSetForSigning = (set: UnsignedEnvelope): Bytes =>
  concatBytes(
    text(SET_DOMAIN), u32(set.v), text(set.team), text(set.setId), text(set.device), u64(set.clientSeq),
    optionalText(set.prevSetId), u64(set.epoch), optionalText(set.batchId), optionalText(set.undoOf),
    u32(set.items.length), ...set.items.map(encodeItem),
  );

export const signSet = async (privateKey: CryptoKey, set: UnsignedEnvelope): Promise<Envelope> =>
  ({ ...set, sig: await signBytes(privateKey, encodeSetForSigning(set)) });

export const verifySet = (publicKey: Uint8Array, set: Envelope): Promise<boolean> =>
  verifyBytes(publicKey, set.sig, encodeSetForSigning(set));

// --- request signatures -----------------------------------------------------------------------

/** What a device signs to open a session or register: bound to this relay instance and a single-use nonce. */
export const authMessage = (purpose: 'register' | 'session' | 'two-factor', relayInstance: string, team: string, device: string, nonce: string): Bytes =>
  utf8(`locket-relay-auth/v1|${purpose}|${relayInstance}|${team}|${device}|${nonce}`);

/** An enrolled device vouching for another device's key. A removed device is never re-added, so a replay changes nothing. */
export const addDeviceMessage = (team: string, signer: string, newPublicKey: string): Bytes =>
  utf8(`locket-relay-add-device/v1|${team}|${signer}|${newPublicKey}`);

export const removeDeviceMessage = (team: string, signer: string, target: string): Bytes =>
  utf8(`locket-relay-remove-device/v1|${team}|${signer}|${target}`);
