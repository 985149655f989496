import { describe, expect, it } from 'vitest';
import {
  numberedPlaceholders, parseBigInt, parseBool, parseBytea, parseNumeric, PostgresValueError, quoteIdentifier,
} from '../../relay/store/postgres-dialect';

describe('numberedPlaceholders', () => {
  it.each([
    ['plain parameters, in order', 'SELECT ?, ? FROM t WHERE a=?AND b = ?', 'SELECT $1, $2 FROM t WHERE a=$3AND b = $4'],
    ['no parameters', 'SELECT 1', 'SELECT 1'],
    ['inside a string', "SELECT 'why?', ?", "SELECT 'why?', $1"],
    ['a doubled quote stays in the string', "SELECT 'it''s ? here', ?", "SELECT 'it''s ? here', $1"],
    ['a standard string keeps its backslash', "SELECT 'a\\', ?", "SELECT 'a\\', $1"],
    ['an E string escapes its quote', "SELECT E'\\' ?', ?", "SELECT E'\\' ?', $1"],
    ['a lower-case e string too', "SELECT e'\\' ?', ?", "SELECT e'\\' ?', $1"],
    ['a word ending in e before a quote is no E string', "SELECT 'x' FROM the'\\', ?", "SELECT 'x' FROM the'\\', $1"],
    ['inside a quoted identifier', 'SELECT "col?" FROM "t""?" WHERE x = ?', 'SELECT "col?" FROM "t""?" WHERE x = $1'],
    ['inside a line comment', '-- who? why?\nSELECT ? -- trailing ?', '-- who? why?\nSELECT $1 -- trailing ?'],
    ['inside a nested block comment', 'SELECT /* a /* b ? */ still ? */ ?', 'SELECT /* a /* b ? */ still ? */ $1'],
    ['inside dollar quotes', 'SELECT $$ ? $$, $tag$ ?$$ ? $tag$, ?', 'SELECT $$ ? $$, $tag$ ?$$ ? $tag$, $1'],
    ['a dollar inside an identifier opens no quote', 'SELECT a$b$, ?', 'SELECT a$b$, $1'],
    ['an unterminated string swallows the rest', "SELECT 'abc ?", "SELECT 'abc ?"],
    ['more than nine parameters', 'VALUES (?,?,?,?,?,?,?,?,?,?,?)', 'VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)'],
    ['a division and a cast stay as they are', 'SELECT ?::bigint / 2', 'SELECT $1::bigint / 2'],
  ])('%s', (_name, sql, expected) => {
    expect(numberedPlaceholders(sql)).toBe(expected);
  });
});

describe('values crossing from PostgreSQL', () => {
  it('reads BIGINT text as a number up to 2^53 - 1, both signs', () => {
    expect(parseBigInt('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseBigInt('-9007199254740991')).toBe(-Number.MAX_SAFE_INTEGER);
    expect(parseBigInt('2147483653')).toBe(2 ** 31 + 5);
  });

  it('refuses a BIGINT beyond 2^53 instead of rounding it', () => {
    expect(() => parseBigInt('9007199254740993')).toThrow(PostgresValueError);
    try {
      parseBigInt('-9007199254740993');
      expect.unreachable();
    } catch (error) {
      expect((error as PostgresValueError).type).toBe('integer-out-of-range');
    }
  });

  it('reads a whole NUMERIC (SUM over BIGINT) by the BIGINT rule, a fraction as a double', () => {
    expect(parseNumeric('4294967296')).toBe(2 ** 32);
    expect(parseNumeric('12.5')).toBe(12.5);
    expect(() => parseNumeric('123456789012345678901')).toThrow(PostgresValueError);
  });

  it('reads BYTEA hex as a plain Uint8Array', () => {
    const bytes = parseBytea('\\x00ff10');
    expect(bytes).toEqual(new Uint8Array([0, 255, 16]));
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
    expect(() => parseBytea('\\000')).toThrow(PostgresValueError);
  });

  it('reads a boolean as 1 or 0, as SQLite returns it', () => {
    expect([parseBool('t'), parseBool('f')]).toEqual([1, 0]);
  });

  it('quotes a channel name as an identifier', () => {
    expect(quoteIdentifier('team"x')).toBe('"team""x"');
  });
});
