/** Unpadded base64url (RFC 4648 §5), the encoding WebAuthn JSON uses for every byte string. */
import type { Bytes } from '../vault/types';

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Bytes per String.fromCharCode call: far below any engine's limit on arguments. */
const CHUNK = 0x2000;

export const toBase64Url = (bytes: Uint8Array): string => {
  // A chunk at a time: a string grown byte by byte costs the relay most of a pull's time.
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(start, start + CHUNK)));
  }
  return btoa(parts.join('')).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/** The bytes of a base64url string, or null for anything that is not one (padding is refused too). */
export const fromBase64Url = (text: string): Bytes | null => {
  // A length of 1 mod 4 cannot come from any byte string.
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
};
