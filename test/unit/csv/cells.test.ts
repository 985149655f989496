import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  joinCustomFields, joinLines, readNumber, readTimestamp, splitCustomFields, splitLines, timestampCell,
} from '../../../core/csv/cells';

const tricky = fc.string({
  unit: fc.oneof(fc.constantFrom('\\', '\n', '\r', ':', 'n', 'r', ' ', '"', ','), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
  maxLength: 15,
});
const item = tricky.filter((value) => value.trim() !== '' && value === value.trim());

describe('list cells', () => {
  it('writes one item per line and reads them back', () => {
    expect(joinLines(['a@example.com', 'b@example.com'])).toBe('a@example.com\nb@example.com');
    expect(splitLines('a@example.com\r\nb@example.com')).toEqual(['a@example.com', 'b@example.com']);
    expect(splitLines('')).toEqual([]);
  });

  it('keeps line breaks and backslashes inside an item', () => {
    expect(joinLines(['1 High St\nLeeds', 'C:\\new'])).toBe('1 High St\\nLeeds\nC:\\\\new');
    fc.assert(fc.property(fc.array(item, { maxLength: 5 }), (items) => {
      expect(splitLines(joinLines(items))).toEqual(items);
    }), { numRuns: 1000 });
  });

  it('leaves a backslash before an ordinary letter as typed', () => {
    expect(splitLines('a\\b')).toEqual(['a\\b']);
  });
});

describe('custom field cells', () => {
  it('writes Name: value lines, escaping a colon in the name', () => {
    expect(joinCustomFields([{ name: 'Ref: old', value: 'A:1' }])).toBe('Ref\\: old: A:1');
    expect(splitCustomFields('Ref\\: old: A:1\nSize: ')).toEqual([{ name: 'Ref: old', value: 'A:1' }, { name: 'Size', value: '' }]);
  });

  it('round-trips any names and values', () => {
    const field = fc.record({ name: item, value: fc.oneof(item, fc.constant('')) });
    fc.assert(fc.property(fc.array(field, { maxLength: 4 }), (fields) => {
      expect(splitCustomFields(joinCustomFields(fields))).toEqual(fields);
    }), { numRuns: 1000 });
  });
});

describe('timestamps and numbers', () => {
  it('round-trips a millisecond timestamp through ISO 8601', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31) }), (ms) => {
      expect(readTimestamp(timestampCell(ms))).toBe(ms);
    }));
  });

  it('reads a time without a zone as UTC and refuses what is not ISO', () => {
    expect(readTimestamp('2024-05-01 09:30')).toBe(Date.UTC(2024, 4, 1, 9, 30));
    expect(readTimestamp('2024-05-01')).toBe(Date.UTC(2024, 4, 1));
    expect(readTimestamp('01/05/2024')).toBeNull();
    expect(readTimestamp('')).toBeNull();
  });

  it('reads numbers as JavaScript writes them, and passes anything else on as typed', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e300, noNaN: true }), (value) => {
      expect(readNumber(String(value))).toBe(value);
    }));
    expect(readNumber('1,200.50')).toBe('1,200.50');
  });
});
