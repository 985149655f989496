import { createHash } from 'node:crypto';

/**
 * The id Chromium gives an extension whose manifest carries `key`: the SHA-256 of
 * the DER public key, first 32 hex digits, each digit 0-f written as a letter a-p.
 */
export function extensionIdFromKey(base64DerKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64DerKey, 'base64')).digest('hex');
  return [...hex.slice(0, 32)]
    .map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16)))
    .join('');
}
