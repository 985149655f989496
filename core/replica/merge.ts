/**
 * The merge of one remote item into a record, as a join: every part of the state keeps the
 * later of two clocks, so applying items in any order, once or many times, ends in the same
 * state (fast-check properties in test/unit/replica/merge.test.ts).
 *
 * - Fields: per field, the value of the greatest HLC. HLC strings are totally ordered, so two
 *   devices never break a tie differently.
 * - Trash and restore: `deletedAt` is one more field under the same rule, so an edit to a
 *   record trashed elsewhere is applied and shows once it is restored.
 * - Tags: an LWW-element-set (db/tag-clocks.ts).
 * - Note text: last writer wins, but a text its winner's writer had not seen (a clock above the
 *   winner's basis) flags the field; the losing text stays in the change log.
 * - createdAt: the create's (the creator's clock, carried in the create), under the create's clock.
 * - Who created and last changed it (db/attribution.ts): the signer of the create and of the latest
 *   set that wrote fields, each the later stamp by clock.
 * - Purge and erasure: terminal; nothing after them brings the record back.
 */
import type { SyncOp } from '../sync/ports';
import { CREATED_AT, DELETED_AT, FLAGGED_TEXT } from '../db/field-clocks';
import { assignTags, derivedTagClocks, joinTagClocks, tagsOf, type TagClocks } from '../db/tag-clocks';
import { joinAttribution, stampWrite, type Attribution } from '../db/attribution';
import { remoteAuthor } from '../audit/remote-author';

/** A note's text clocks: the clock its winner's writer replaced, and the greatest clock that lost. */
export interface TextClock {
  readonly basis: string;
  readonly rival: string;
}

/** A record as merging sees it: decoded fields (possibly partial, before its create arrived) with their clocks. */
export interface MergeRow {
  readonly kind: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly fieldClocks: Readonly<Record<string, string>>;
  readonly deletedAt: number | null;
  /** Known once the create was merged (or the row is stored here); its clock is fieldClocks.createdAt. */
  readonly createdAt?: number;
  readonly tagClocks?: TagClocks;
  readonly textClocks?: Readonly<Record<string, TextClock>>;
  readonly attribution?: Attribution;
  /** Who moved it to the trash, under the deletedAt clock: as the trash names them (`owner` here, a remote device by audit/remote-author.ts). */
  readonly deletedBy?: string;
}

/** One item of a remote set, decrypted. */
export interface MergeItem {
  readonly setId: string;
  readonly kind: string;
  readonly op: SyncOp;
  readonly changed: readonly string[];
  readonly values: Readonly<Record<string, unknown>>;
  readonly tagsAdded?: readonly string[];
  readonly tagsRemoved?: readonly string[];
  readonly basis?: Readonly<Record<string, string>>;
  /** A create's createdAt as its creator stored it; absent from sets written before it travelled. */
  readonly createdAt?: number;
  /** The device that signed the set, as its verified envelope names it (never its payload): credited with what it writes. */
  readonly by?: string;
}

export type MergeOutcome =
  | { readonly type: 'row'; readonly row: MergeRow }
  | { readonly type: 'terminal'; readonly op: 'purge' | 'erase'; readonly setId: string };

const TAGS = 'tags';

const later = (a: string, b: string): string => (a > b ? a : b);
/** The wall time of an HLC string (core/hlc.ts: 13 digits of milliseconds first). */
const wallOf = (hlc: string): number => Number(hlc.slice(0, 13));
const clockOf = (row: MergeRow, field: string): string => row.fieldClocks[field] ?? '';

/** The row's tag clocks, derived from its tags and their field clock when it never held any. */
const tagClocksOf = (row: MergeRow): TagClocks | undefined => {
  if (row.tagClocks) return row.tagClocks;
  const tags = row.fields[TAGS];
  return Array.isArray(tags) ? derivedTagClocks(tags.filter((tag): tag is string => typeof tag === 'string'), clockOf(row, TAGS)) : undefined;
};

/** What one item alone says about its record, as a row to join with the local one. */
export const rowOfItem = (item: MergeItem): MergeRow => {
  const fields: Record<string, unknown> = {};
  const fieldClocks: Record<string, string> = {};
  let deletedAt: number | null = null;
  let tagClocks: TagClocks | undefined;
  const textClocks: Record<string, TextClock> = {};
  let createdAt: number | undefined;
  let attribution: Attribution | undefined;
  let deletedBy: string | undefined;
  if (item.op === 'create') {
    createdAt = item.createdAt ?? wallOf(item.setId);
    fieldClocks[CREATED_AT] = item.setId;
  }
  if (item.op === 'delete' || item.op === 'restore') {
    const value = item.values[DELETED_AT];
    deletedAt = item.op === 'delete' && typeof value === 'number' ? value : null;
    fieldClocks[DELETED_AT] = item.setId;
    if (deletedAt !== null && item.by !== undefined) deletedBy = remoteAuthor(item.by);
  } else if (item.op === 'create' || item.op === 'update') {
    for (const field of item.changed) {
      if (!Object.hasOwn(item.values, field)) continue;
      fields[field] = item.values[field];
      fieldClocks[field] = item.setId;
      const basis = item.basis?.[field] ?? '';
      if (FLAGGED_TEXT[item.kind]?.includes(field) && basis !== '') textClocks[field] = { basis, rival: basis };
    }
    const tags = fields[TAGS];
    if (Array.isArray(tags)) {
      // An update names what it added; a create (or an older writer) added every tag it lists.
      const added = item.tagsAdded ?? tags.filter((tag): tag is string => typeof tag === 'string');
      tagClocks = assignTags({}, added, item.tagsRemoved ?? [], item.setId);
      fields[TAGS] = tagsOf(tagClocks);
    }
    if (item.by !== undefined && (item.op === 'create' || Object.keys(fields).length > 0)) {
      attribution = stampWrite(undefined, item.by, item.setId, item.op === 'create');
    }
  }
  return {
    kind: item.kind, fields, fieldClocks, deletedAt,
    ...(createdAt === undefined || !Number.isFinite(createdAt) ? {} : { createdAt }),
    ...(tagClocks ? { tagClocks } : {}),
    ...(Object.keys(textClocks).length > 0 ? { textClocks } : {}),
    ...(attribution ? { attribution } : {}),
    ...(deletedBy === undefined ? {} : { deletedBy }),
  };
};

const NO_TEXT_CLOCK: TextClock = { basis: '', rival: '' };
const textOf = (row: MergeRow, field: string): TextClock => row.textClocks?.[field] ?? NO_TEXT_CLOCK;

/** The text clock after a join: the winner's basis, and the greatest clock of any version that lost. */
const joinText = (a: MergeRow, b: MergeRow, field: string): TextClock => {
  const mine = clockOf(a, field);
  const theirs = clockOf(b, field);
  const [own, other] = [textOf(a, field), textOf(b, field)];
  const rivals = later(own.rival, other.rival);
  if (mine === theirs) return { basis: later(own.basis, other.basis), rival: rivals };
  return theirs > mine ? { basis: other.basis, rival: later(rivals, mine) } : { basis: own.basis, rival: later(rivals, theirs) };
};

/** createdAt after a join: the one under the later create clock; on a tie (no create seen on either side) the earlier time. */
const joinCreatedAt = (a: MergeRow, b: MergeRow): number | undefined => {
  const [mine, theirs] = [clockOf(a, CREATED_AT), clockOf(b, CREATED_AT)];
  if (theirs > mine) return b.createdAt ?? a.createdAt;
  if (mine > theirs) return a.createdAt ?? b.createdAt;
  return a.createdAt === undefined || b.createdAt === undefined ? a.createdAt ?? b.createdAt : Math.min(a.createdAt, b.createdAt);
};

/** The join of two rows of one record: per field the later clock, tags joined, text rivals kept. */
export const joinRows = (a: MergeRow, b: MergeRow): MergeRow => {
  const fields: Record<string, unknown> = { ...a.fields };
  const fieldClocks: Record<string, string> = { ...a.fieldClocks };
  const textClocks = new Map(Object.entries(a.textClocks ?? {}));
  for (const field of new Set([...Object.keys(b.fieldClocks), ...Object.keys(b.fields)])) {
    const mine = clockOf(a, field);
    const theirs = clockOf(b, field);
    const bWins = theirs > mine || (theirs === mine && !Object.hasOwn(a.fields, field) && Object.hasOwn(b.fields, field));
    if (bWins) {
      if (Object.hasOwn(b.fields, field)) fields[field] = b.fields[field];
      fieldClocks[field] = theirs;
    }
    if (FLAGGED_TEXT[a.kind]?.includes(field)) {
      const text = joinText(a, b, field);
      if (text.basis === '' && text.rival === '') textClocks.delete(field);
      else textClocks.set(field, text);
    }
  }
  const trashedByB = clockOf(b, DELETED_AT) > clockOf(a, DELETED_AT);
  const deletedAt = trashedByB ? b.deletedAt : a.deletedAt;
  const deletedBy = trashedByB ? b.deletedBy : a.deletedBy;
  const createdAt = joinCreatedAt(a, b);
  const ownTags = tagClocksOf(a);
  const otherTags = tagClocksOf(b);
  const tagClocks = ownTags && otherTags ? joinTagClocks(ownTags, otherTags) : ownTags ?? otherTags;
  if (tagClocks) fields[TAGS] = tagsOf(tagClocks);
  const attribution = joinAttribution(a.attribution, b.attribution);
  return {
    kind: a.kind, fields, fieldClocks, deletedAt,
    ...(createdAt === undefined ? {} : { createdAt }),
    ...(tagClocks ? { tagClocks } : {}),
    ...(textClocks.size > 0 ? { textClocks: Object.fromEntries(textClocks) } : {}),
    ...(attribution ? { attribution } : {}),
    ...(deletedBy === undefined ? {} : { deletedBy }),
  };
};

/** Fields whose winning text did not see a rival: the record shows "edited on two devices". */
export const conflictedFieldsOf = (row: MergeRow): string[] =>
  Object.entries(row.textClocks ?? {}).filter(([, clock]) => clock.rival > clock.basis).map(([field]) => field).sort();

/**
 * The next state of a record after `item`: `local` is the decoded row, undefined when this
 * device has none, or a terminal outcome when it was purged or erased here.
 */
export const mergeItem = (local: MergeOutcome | undefined, item: MergeItem): MergeOutcome => {
  if (item.op === 'purge' || item.op === 'erase') {
    // Terminal either way; erasure is the stronger of the two, then the later set names it.
    if (local?.type === 'terminal' && (local.op === 'erase' || item.op === 'purge') && (local.op !== item.op || local.setId >= item.setId)) return local;
    return { type: 'terminal', op: item.op, setId: item.setId };
  }
  if (local?.type === 'terminal') return local;
  const incoming = rowOfItem(item);
  return { type: 'row', row: local ? joinRows(local.row, incoming) : incoming };
};
