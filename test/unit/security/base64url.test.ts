import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../core/security/base64url';

const bytesOf = (length: number): Uint8Array => Uint8Array.from({ length }, (_, i) => (i * 131 + 7) % 256);

describe('base64url', () => {
  it('encodes a ciphertext larger than one encoding chunk exactly as RFC 4648 §5 says, and back', () => {
    for (const length of [0, 1, 2, 3, 0x2000 - 1, 0x2000, 0x2000 + 1, 300 * 1024]) {
      const bytes = bytesOf(length);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it('refuses padding and lengths no byte string has', () => {
    expect(fromBase64Url('QQ==')).toBeNull();
    expect(fromBase64Url('QUJDR')).toBeNull();
    expect(fromBase64Url('a+b/')).toBeNull();
  });
});
