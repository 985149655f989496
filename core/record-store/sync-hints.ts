import type { StoredRecord } from '../db/rows';
import { fieldClockOf } from '../db/field-clocks';
import { derivedTagClocks, editTags, TAG_CLOCKS_KEY, tagClocksIn, type TagEdit } from '../db/tag-clocks';

/** The key of an update's set values that carries what merging it elsewhere needs; never a field name. */
export const SYNC_HINTS_KEY = '$sync';

export interface SyncHints {
  /** Tags this edit added and removed: a removal must name what it removes, or a concurrent addition could not survive it. */
  readonly tagsAdded?: readonly string[];
  readonly tagsRemoved?: readonly string[];
  /** The clock of the note text this edit replaced: another text under another clock was written concurrently. */
  readonly basis?: Readonly<Record<string, string>>;
}

const tagList = (fields: object): readonly string[] | undefined => {
  const tags: unknown = (fields as Record<string, unknown>).tags;
  return Array.isArray(tags) && tags.every((tag) => typeof tag === 'string') ? tags : undefined;
};

/**
 * A local edit of a record's tags, or undefined when its kind has none or they did not change
 * as a set. The stored order is the tag set's: kept tags in place, new ones after them.
 */
export const tagEditOf = (row: StoredRecord, decoded: unknown, before: object, after: object, hlc: string): TagEdit | undefined => {
  const oldTags = tagList(before);
  const newTags = tagList(after);
  if (!oldTags || !newTags) return undefined;
  const edit = editTags(tagClocksIn(decoded) ?? derivedTagClocks(oldTags, fieldClockOf(row, 'tags')), oldTags, newTags, hlc);
  return edit.added.length === 0 && edit.removed.length === 0 ? undefined : edit;
};

/**
 * What an update adds for sync, all of it encrypted with the body or the set: the record's tag
 * clocks (kept in the body once a removal or a merge made them differ from what the tags and
 * their field clock imply), the added and removed tags, and a note's replaced text clock.
 */
export const syncHints = (
  row: StoredRecord, decoded: unknown, tagEdit: TagEdit | undefined, changed: readonly string[],
): { readonly body: Record<string, unknown>; readonly values: Record<string, unknown> } => {
  const hints: { -readonly [K in keyof SyncHints]: SyncHints[K] } = {};
  const body: Record<string, unknown> = {};
  const kept = tagClocksIn(decoded);
  if (tagEdit) {
    hints.tagsAdded = tagEdit.added;
    hints.tagsRemoved = tagEdit.removed;
    if (tagEdit.removed.length > 0 || kept) body[TAG_CLOCKS_KEY] = tagEdit.clocks;
  } else if (kept) {
    body[TAG_CLOCKS_KEY] = kept;
  }
  if (row.kind === 'note' && changed.includes('body')) hints.basis = { body: fieldClockOf(row, 'body') };
  return { body, values: Object.keys(hints).length > 0 ? { [SYNC_HINTS_KEY]: hints } : {} };
};
