/**
 * Columns the filter columns (filter-columns.ts) are made of: one array per field for a whole
 * kind, indexed by row, rather than an object per record. Numbers sit in a Float64Array (null
 * as NaN); strings that repeat across records (tags, owners, milestones, currencies, statuses,
 * custom field names, days) are codes into one dictionary; lists of such strings are packed
 * into one number per row. Each column saves as a plain JSON array and loads back as is, so a
 * saved copy needs no re-interning.
 */

/** Code 0 stands for "none" and is never a text's code. */
const NONE_CODE = 0;
const EMPTY: readonly never[] = Object.freeze([]);

export interface Dictionary {
  readonly code: (text: string) => number;
  readonly text: (code: number) => string;
  readonly toJSON: () => string[];
}

/** Texts are never dropped from a dictionary while it is held: a code stays valid for as long as the columns live. */
export const createDictionary = (saved: readonly string[] = []): Dictionary => {
  const texts = ['', ...saved];
  const codes = new Map<string, number>();
  texts.forEach((text, code) => { if (code !== NONE_CODE) codes.set(text, code); });
  return {
    code: (text) => {
      const held = codes.get(text);
      if (held !== undefined) return held;
      codes.set(text, texts.length);
      texts.push(text);
      return texts.length - 1;
    },
    text: (code) => texts[code] ?? '',
    toJSON: () => texts.slice(1),
  };
};

/** A column as a kind's table sees it: one value per row, saved as JSON of the live rows only. */
export interface Column<T> {
  readonly get: (row: number) => T;
  readonly set: (row: number, value: T) => void;
  /** The rows given, in that order, as saved. */
  readonly toJSON: (rows: readonly number[]) => unknown;
}

/** Numbers by row in a Float64Array that doubles as it fills; null is NaN. */
const createFloats = (saved: readonly unknown[] | undefined) => {
  let data = new Float64Array(Math.max(64, saved?.length ?? 0));
  saved?.forEach((value, row) => { data[row] = typeof value === 'number' ? value : Number.NaN; });
  return {
    get: (row: number): number => data[row] ?? Number.NaN,
    set: (row: number, value: number): void => {
      if (row >= data.length) {
        const grown = new Float64Array(Math.max(row + 1, data.length * 2));
        grown.set(data);
        data = grown;
      }
      data[row] = value;
    },
    toJSON: (rows: readonly number[]): (number | null)[] => rows.map((row) => { const value = data[row] ?? Number.NaN; return Number.isNaN(value) ? null : value; }),
  };
};

const arrayOf = (saved: unknown): readonly unknown[] | undefined => (Array.isArray(saved) ? saved : undefined);

export const numberColumn = (saved?: unknown): Column<number | null> => {
  const floats = createFloats(arrayOf(saved));
  return {
    get: (row) => { const value = floats.get(row); return Number.isNaN(value) ? null : value; },
    set: (row, value) => { floats.set(row, value ?? Number.NaN); },
    toJSON: floats.toJSON,
  };
};

/** A string, or null, that repeats across records: its dictionary code by row. */
export const codeColumn = (dictionary: Dictionary, saved?: unknown): Column<string | null> => {
  const floats = createFloats(arrayOf(saved));
  return {
    get: (row) => { const code = floats.get(row); return code === NONE_CODE || Number.isNaN(code) ? null : dictionary.text(code); },
    set: (row, value) => { floats.set(row, value === null ? NONE_CODE : dictionary.code(value)); },
    toJSON: floats.toJSON,
  };
};

/** As many codes as fit in a double's 53 bits of integer at 16 bits each. */
const PACKED_CODES = 3;
const CODE_SPAN = 0x10000;
/** Marks a row whose list did not pack (more codes, or a code past 16 bits): it is kept whole beside. */
const UNPACKED = -1;

const pack = (codes: readonly number[]): number => {
  if (codes.length > PACKED_CODES || codes.some((code) => code >= CODE_SPAN)) return UNPACKED;
  return codes.reduceRight((packed, code) => packed * CODE_SPAN + code, 0);
};

const unpack = (packed: number): number[] => {
  const codes: number[] = [];
  for (let rest = packed; rest > 0; rest = Math.floor(rest / CODE_SPAN)) codes.push(rest % CODE_SPAN);
  return codes;
};

/** A list of repeating strings (tags, custom field names) by row: one packed number, order and repeats kept. */
interface SavedCodeList { readonly packed?: readonly unknown[]; readonly whole?: Record<string, string[]> }

export const codeListColumn = (dictionary: Dictionary, saved?: unknown): Column<readonly string[]> => {
  const { packed: savedPacked, whole: savedWhole = {} } = (typeof saved === 'object' && saved !== null ? saved : {}) as SavedCodeList;
  const floats = createFloats(savedPacked);
  const whole = new Map<number, readonly string[]>(Object.entries(savedWhole).map(([row, texts]) => [Number(row), texts]));
  return {
    get: (row) => {
      const packed = floats.get(row);
      if (packed === UNPACKED) return whole.get(row) ?? EMPTY;
      return packed > 0 ? unpack(packed).map(dictionary.text) : EMPTY;
    },
    set: (row, texts) => {
      const packed = pack(texts.map(dictionary.code));
      floats.set(row, packed);
      if (packed === UNPACKED) whole.set(row, [...texts]);
      else whole.delete(row);
    },
    toJSON: (rows) => ({
      packed: floats.toJSON(rows),
      whole: Object.fromEntries(rows.flatMap((row, at) => { const texts = whole.get(row); return texts ? [[at, texts]] : []; })),
    }),
  };
};

/** Strings that rarely repeat (names, ids, addresses): one array; a list of one is held as its string, an empty one as null. */
export const textColumn = <T extends string | null>(saved?: unknown): Column<T> => {
  const texts = [...(arrayOf(saved) ?? [])] as T[];
  return {
    get: (row) => texts[row] as T,
    set: (row, value) => { texts[row] = value; },
    toJSON: (rows) => rows.map((row) => texts[row] ?? null),
  };
};

export const textListColumn = (saved?: unknown): Column<readonly string[]> => {
  const held = textColumn<string | null>(saved) as unknown as Column<string | readonly string[] | null>;
  return {
    get: (row) => { const value = held.get(row); return value === null || value === undefined ? EMPTY : typeof value === 'string' ? [value] : value; },
    set: (row, list) => { held.set(row, list.length === 0 ? null : list.length === 1 ? list[0] ?? '' : [...list]); },
    toJSON: held.toJSON,
  };
};
