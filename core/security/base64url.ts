/** Unpadded base64url (RFC 4648 §5), the encoding WebAuthn JSON uses for every byte string. */
import type { Bytes } from '../vault/types';

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export const toBase64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
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
