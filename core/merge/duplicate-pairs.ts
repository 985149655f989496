/**
 * Likely duplicate pairs among people (or organisations), found in one pass: records sharing a
 * matching key of the import's duplicate finder (csv/record-index.ts keysOf: email, name,
 * domain) or a profile address (quick-capture/twins.ts profileKey), and records whose names
 * are a small edit apart (sorted neighbourhood: each name is compared with the few that sort
 * next to it, by first and by last word, so the pass stays near n log n at 100,000 records).
 * It only proposes; nothing merges without the user's click.
 */
import { keysOf, nameKey } from '../csv/record-index';
import { profileKey } from '../quick-capture/twins';
import type { LocketRecord, RecordId } from '../records/types';
import type { PartyKind } from './contract';

/** Why two records look alike, strongest first. */
export const PAIR_REASONS = ['same-email', 'same-profile', 'same-domain', 'same-name-and-organisation', 'same-name', 'similar-name'] as const;
export type PairReason = (typeof PAIR_REASONS)[number];

export interface DuplicatePair {
  /** The older record first (ids sort by creation), which the compare view offers as the survivor. */
  readonly ids: readonly [RecordId, RecordId];
  readonly reason: PairReason;
}

/** Records sharing one key beyond this many are a shared address (info@…), not duplicates. */
const MAX_GROUP = 12;
/** How many names after each one, in sorted order, it is compared with. */
const WINDOW = 4;
export const MAX_PAIRS = 500;

/** The unordered pair's key: what "Not duplicates" remembers. */
export const pairKey = (a: RecordId, b: RecordId): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Case, spacing and accents aside: "Anna  Schmidt" and "anna schmídt" compare alike. */
export const looseName = (name: string): string =>
  nameKey(/[^ -~]/.test(name) ? name.normalize('NFD').replace(/\p{M}/gu, '') : name);

/** Two rows of the distance table, reused between calls: the pass makes hundreds of thousands of them. */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** Levenshtein distance, given up (returns limit + 1) once it must exceed `limit`. */
export const editDistance = (a: string, b: string, limit: number): number => {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (previousRow.length <= b.length) {
    previousRow = new Int32Array(b.length + 1);
    currentRow = new Int32Array(b.length + 1);
  }
  for (let j = 0; j <= b.length; j++) previousRow[j] = j;
  for (let i = 1; i <= a.length; i++) {
    currentRow[0] = i;
    let best = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const replace = (previousRow[j - 1] ?? 0) + (code === b.charCodeAt(j - 1) ? 0 : 1);
      const insert = (currentRow[j - 1] ?? 0) + 1;
      const remove = (previousRow[j] ?? 0) + 1;
      const value = replace < insert ? (replace < remove ? replace : remove) : (insert < remove ? insert : remove);
      currentRow[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    [previousRow, currentRow] = [currentRow, previousRow];
  }
  return previousRow[b.length] ?? limit + 1;
};

/** Names of 6 to 10 characters may differ by one edit, longer ones by two; shorter ones must match. */
const allowedEdits = (name: string): number => (name.length < 6 ? 0 : name.length < 11 ? 1 : 2);

const reasonOfKey = (key: string): PairReason | null => {
  if (key.startsWith('email:')) return 'same-email';
  if (key.startsWith('profile:')) return 'same-profile';
  if (key.startsWith('domain:')) return 'same-domain';
  return null;
};

const nameOf = (record: LocketRecord<PartyKind>): string =>
  (record.kind === 'person' ? `${record.fields.firstName} ${record.fields.lastName}` : record.fields.name);

export const createPairFinder = (kind: PartyKind) => {
  const byKey = new Map<string, RecordId[]>();
  const names: { readonly id: RecordId; readonly name: string; readonly organisationId: RecordId | null }[] = [];
  const found = new Map<string, DuplicatePair>();

  const propose = (a: RecordId, b: RecordId, reason: PairReason): void => {
    if (a === b) return;
    const key = pairKey(a, b);
    const known = found.get(key);
    if (known && PAIR_REASONS.indexOf(known.reason) <= PAIR_REASONS.indexOf(reason)) return;
    found.set(key, { ids: a < b ? [a, b] : [b, a], reason });
  };

  const add = (record: LocketRecord): void => {
    if (record.kind !== kind || record.deletedAt !== null) return;
    const websites = record.fields.websites.map(profileKey).filter((key) => key !== '').map((key) => `profile:${key}`);
    for (const key of [...keysOf(record), ...websites]) {
      if (key.startsWith('name:')) continue;
      const ids = byKey.get(key) ?? [];
      if (ids.length <= MAX_GROUP) ids.push(record.id);
      byKey.set(key, ids);
    }
    const name = looseName(nameOf(record));
    if (name !== '') names.push({ id: record.id, name, organisationId: record.kind === 'person' ? record.fields.organisationId : null });
  };

  const compareNeighbours = (order: readonly typeof names[number][]): void => {
    for (let i = 0; i < order.length; i++) {
      const a = order[i];
      for (let j = i + 1; a && j <= i + WINDOW && j < order.length; j++) {
        const b = order[j];
        if (!b) continue;
        if (a.name === b.name) {
          propose(a.id, b.id, a.organisationId !== null && a.organisationId === b.organisationId ? 'same-name-and-organisation' : 'same-name');
        } else if (editDistance(a.name, b.name, allowedEdits(a.name)) <= allowedEdits(a.name)) {
          propose(a.id, b.id, 'similar-name');
        }
      }
    }
  };

  /** Every pair found, strongest reason first, without those the user said are not duplicates. */
  const pairs = (notDuplicates: ReadonlySet<string>): DuplicatePair[] => {
    for (const [key, ids] of byKey) {
      const reason = reasonOfKey(key);
      if (reason === null || ids.length < 2 || ids.length > MAX_GROUP) continue;
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) propose(ids[i] ?? '', ids[j] ?? '', reason);
    }
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    compareNeighbours([...names].sort(byName));
    // By last word too: "Anna Schmidt" and "Ana Schmidt" sort apart by first name when many Annas lie between.
    compareNeighbours(names.map((entry) => ({ ...entry, name: entry.name.split(' ').reverse().join(' ') })).sort(byName));
    return [...found.entries()]
      .filter(([key]) => !notDuplicates.has(key))
      .map(([, pair]) => pair)
      .sort((a, b) => PAIR_REASONS.indexOf(a.reason) - PAIR_REASONS.indexOf(b.reason) || (a.ids[0] < b.ids[0] ? -1 : 1))
      .slice(0, MAX_PAIRS);
  };

  return { add, pairs };
};
