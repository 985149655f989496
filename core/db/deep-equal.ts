/** Structural equality for the plain data record fields hold (primitives, arrays, plain objects). */
export const deepEqual = (a: unknown, b: unknown): boolean => {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b)
      && a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  const aEntries = Object.entries(a);
  const bValues = new Map(Object.entries(b));
  return aEntries.length === bValues.size
    && aEntries.every(([key, value]) => bValues.has(key) && deepEqual(value, bValues.get(key)));
};
