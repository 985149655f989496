import type { Bytes } from './types';

const encoder = new TextEncoder();

export const utf8 = (text: string): Bytes => encoder.encode(text);

export const concatBytes = (...parts: readonly Bytes[]): Bytes => {
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
};

export const toHex = (bytes: Bytes): string =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Compares every byte whatever the first difference, so the time taken says nothing about where they differ. */
export const bytesEqual = (a: Bytes, b: Bytes): boolean => {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
};

/** For stores that keep only JSON (storage.session): bytes as standard base64. */
export const toBase64 = (bytes: Bytes): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};

/** Rejects anything that is not base64 rather than returning partial bytes. */
export const fromBase64 = (text: string): Bytes => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
