/**
 * PADMÉ padding (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and
 * Communication with PURBs", PETS 2019): a length L is rounded up so that only its top
 * ~log2(log2 L) bits stay free, which leaks O(log log L) bits about L at most 12 % overhead.
 */

/** The padded length for `length` bytes: never smaller, at most about 12 % larger. */
export const padmeLength = (length: number): number => {
  if (length < 2) return length;
  const exponent = Math.floor(Math.log2(length));
  const sizeBits = Math.floor(Math.log2(exponent)) + 1;
  const lowBits = exponent - sizeBits;
  const mask = 2 ** lowBits - 1;
  // Integer arithmetic beyond 32 bits: bit operators would truncate.
  return Math.ceil(length / (mask + 1)) * (mask + 1);
};

const SPACE = 0x20;

/**
 * JSON text padded with spaces to its PADMÉ length: JSON ignores trailing whitespace, so the
 * reader parses it as is and no length needs to travel with it.
 */
export const padJson = (value: unknown): Uint8Array<ArrayBuffer> => {
  const text = new TextEncoder().encode(JSON.stringify(value));
  const padded = new Uint8Array(padmeLength(text.length)).fill(SPACE);
  padded.set(text);
  return padded;
};

/** The JSON value in padded bytes; throws on anything that is not (invalid UTF-8 included). */
export const unpadJson = (bytes: Uint8Array): unknown =>
  JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
