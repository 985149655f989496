import { describe, expect, it } from 'vitest';
import { deepEqual } from '../../../core/db/deep-equal';

/**
 * A write compares each row it read with the row stored now, encrypted bodies included, and
 * refuses a row changed meanwhile: bytes must compare as bytes, and nothing else may pass for them.
 */
describe('deepEqual', () => {
  const row = (bytes: number[]) => ({ id: 'r1', body: { codec: 'aes-gcm', iv: new Uint8Array([1, 2, 3]), data: new Uint8Array(bytes) } });

  it('finds two rows with the same ciphertext equal, and one changed in a single byte different', () => {
    expect(deepEqual(row([9, 8, 7, 6]), row([9, 8, 7, 6]))).toBe(true);
    expect(deepEqual(row([9, 8, 7, 6]), row([9, 8, 7, 5]))).toBe(false);
    expect(deepEqual(row([9, 8, 7, 6]), row([9, 8, 7]))).toBe(false);
  });

  it('never takes a byte array for a plain object or array holding the same numbers', () => {
    expect(deepEqual(new Uint8Array([1, 2]), { 0: 1, 1: 2 })).toBe(false);
    expect(deepEqual({ 0: 1, 1: 2 }, new Uint8Array([1, 2]))).toBe(false);
    expect(deepEqual(new Uint8Array([1, 2]), [1, 2])).toBe(false);
    expect(deepEqual(new Uint8Array([1, 2]), new Uint16Array([1, 2]))).toBe(false);
  });

  it('compares only the bytes a view covers', () => {
    const buffer = new Uint8Array([0, 5, 6, 0]).buffer;
    expect(deepEqual(new Uint8Array(buffer, 1, 2), new Uint8Array([5, 6]))).toBe(true);
  });

  it('still compares plain fields as before', () => {
    expect(deepEqual({ tags: ['a', 'b'], n: 1 }, { n: 1, tags: ['a', 'b'] })).toBe(true);
    expect(deepEqual({ tags: ['a'] }, { tags: ['a'], extra: undefined })).toBe(false);
    expect(deepEqual([1, [2]], [1, [3]])).toBe(false);
  });
});
