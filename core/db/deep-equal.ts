/**
 * Structural equality for the plain data records and rows hold (primitives, arrays, plain
 * objects, and the byte arrays of encrypted values). A write compares every row it read with
 * the row stored now, inside its transaction, so this runs a thousand times per bulk batch:
 * bytes compare as bytes (walking ciphertext as an object of index keys cost more than the
 * write it guards), and objects by their own keys without building entry lists.
 */
export const deepEqual = (a: unknown, b: unknown): boolean => {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) return sameBytes(a, b);
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && sameItems(a, b);
  return sameEntries(a as Readonly<Record<string, unknown>>, b as Readonly<Record<string, unknown>>);
};

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

const sameItems = (a: readonly unknown[], b: readonly unknown[]): boolean => {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (!deepEqual(a[index], b[index])) return false;
  return true;
};

/** The same own enumerable keys (as Object.entries sees them), each holding equal values. */
const sameEntries = (a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean => {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!hasOwn(b, key) || !Object.prototype.propertyIsEnumerable.call(b, key) || !deepEqual(a[key], b[key])) return false;
  return true;
};

const tagOf = (value: object): string => Object.prototype.toString.call(value);

/** Two views of the same type holding the same bytes; a view never equals a plain object or array. */
const sameBytes = (a: object, b: object): boolean => {
  if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || tagOf(a) !== tagOf(b) || a.byteLength !== b.byteLength) return false;
  const left = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const right = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false;
  return true;
};
