import type { SqlDriver, SqlValue } from './sql-driver';

/**
 * What the two PostgreSQL drivers (a `pg` server and in-process PGlite) share: placeholder
 * rewriting, the values that cross the contract, and the notification pair used for scale-out.
 */

/** A driver on the PostgreSQL dialect; `notify` is delivered to listeners when it commits. */
export interface PostgresDriver extends SqlDriver {
  readonly dialect: 'postgres';
  /**
   * Calls `onPayload` for every notification on `channel`; resolves to a function that stops.
   * `onResumed` runs each time the listening connection is back after a loss, during which
   * notifications may have been missed.
   */
  listen(channel: string, onPayload: (payload: string) => void, onResumed?: () => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
}

export type PostgresValueErrorType = 'integer-out-of-range' | 'not-an-integer' | 'bytea-not-hex';

/** A value PostgreSQL returned that cannot cross the contract without losing its meaning. */
export class PostgresValueError extends Error {
  constructor(readonly type: PostgresValueErrorType, readonly text: string) {
    super(`${type}: ${text}`);
    this.name = 'PostgresValueError';
  }
}

/**
 * Rewrites each `?` to `$1`, `$2`, … in order, leaving alone every `?` inside a single-quoted
 * string (also `E'…'` with backslash escapes), a double-quoted identifier, a dollar-quoted
 * body, a `--` comment or a (nested) block comment. The relay's SQL never uses PostgreSQL's
 * `?`-named JSON operators, so every other `?` is a parameter.
 */
export const numberedPlaceholders = (sql: string): string => {
  let out = '';
  let next = 1;
  let i = 0;
  while (i < sql.length) {
    const end = endOfQuotedOrComment(sql, i);
    if (end > i) {
      out += sql.slice(i, end);
      i = end;
    } else if (sql[i] === '?') {
      out += `$${next++}`;
      i += 1;
    } else {
      out += sql[i];
      i += 1;
    }
  }
  return out;
};

/** Where the quoted text or comment starting at `start` ends; `start` itself if none starts there. */
const endOfQuotedOrComment = (sql: string, start: number): number => {
  const char = sql[start];
  const pair = sql.slice(start, start + 2);
  if (pair === '--') return endOf(sql, sql.indexOf('\n', start));
  if (pair === '/*') return endOfBlockComment(sql, start);
  if (char === '"') return endOfQuoted(sql, start, '"', false);
  if (char === "'") return endOfQuoted(sql, start, "'", isEscapeString(sql, start));
  if (char === '$') return endOfDollarQuoted(sql, start);
  return start;
};

const endOf = (sql: string, index: number): number => (index < 0 ? sql.length : index);

/** `E'…'` (or `e'…'`) takes backslash escapes, when the `E` is not the tail of a longer word. */
const isEscapeString = (sql: string, quote: number): boolean =>
  /[eE]/.test(sql[quote - 1] ?? '') && !/[\w$]/.test(sql[quote - 2] ?? '');

const endOfQuoted = (sql: string, start: number, quote: string, backslashEscapes: boolean): number => {
  let i = start + 1;
  while (i < sql.length) {
    if (backslashEscapes && sql[i] === '\\') i += 2;
    else if (sql[i] === quote && sql[i + 1] === quote) i += 2; // a doubled quote stays inside
    else if (sql[i] === quote) return i + 1;
    else i += 1;
  }
  return sql.length;
};

const endOfBlockComment = (sql: string, start: number): number => {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    const pair = sql.slice(i, i + 2);
    if (pair === '/*') { depth += 1; i += 2; }
    else if (pair === '*/') { depth -= 1; i += 2; if (depth === 0) return i; }
    else i += 1;
  }
  return sql.length;
};

/** `$$…$$` or `$tag$…$tag$`; a `$` that opens no such quote (as in `$1`) is plain text. */
const endOfDollarQuoted = (sql: string, start: number): number => {
  const tag = /^\$(?:[A-Za-z_][\w]*)?\$/.exec(sql.slice(start))?.[0];
  if (tag === undefined || /[\w$]/.test(sql[start - 1] ?? '')) return start;
  const closing = sql.indexOf(tag, start + tag.length);
  return closing < 0 ? sql.length : closing + tag.length;
};

/** Type ids (pg_type.oid) whose text form the drivers turn into contract values. */
export const POSTGRES_TYPE = { bool: 16, bytea: 17, int8: 20, numeric: 1700 } as const;

/** BIGINT and COUNT(*) come back as text; the relay's integers fit a double, and one that does not must fail loudly. */
export const parseBigInt = (text: string): number => {
  if (!/^-?\d+$/.test(text)) throw new PostgresValueError('not-an-integer', text);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new PostgresValueError('integer-out-of-range', text);
  return value;
};

/** SUM over BIGINT is NUMERIC: whole values take the BIGINT rule, others become a double. */
export const parseNumeric = (text: string): number =>
  /^-?\d+$/.test(text) ? parseBigInt(text) : Number(text);

/** BYTEA's text form is `\x` and hex digits (PostgreSQL's default `bytea_output`). */
export const parseBytea = (text: string): Uint8Array => {
  if (!text.startsWith('\\x')) throw new PostgresValueError('bytea-not-hex', text.slice(0, 16));
  return new Uint8Array(Buffer.from(text.slice(2), 'hex'));
};

/** A boolean (`EXISTS (…)`, a comparison) reads as 1 or 0, as SQLite returns it. */
export const parseBool = (text: string): number => (text === 't' || text === 'true' ? 1 : 0);

export const contractParsers: Readonly<Record<number, (text: string) => SqlValue>> = {
  [POSTGRES_TYPE.bool]: parseBool,
  [POSTGRES_TYPE.bytea]: parseBytea,
  [POSTGRES_TYPE.int8]: parseBigInt,
  [POSTGRES_TYPE.numeric]: parseNumeric,
};

/** A channel name as a quoted identifier, for `LISTEN`/`UNLISTEN` which take no parameters. */
export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;
