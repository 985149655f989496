/**
 * Tags as a last-writer-wins element set: each tag keeps the clock of its latest addition and
 * of its latest removal, and is present while the addition is newer. Joining two such maps
 * takes the later clock of each, so concurrent additions on two devices both survive, and a
 * removal beats only the additions its writer could have seen.
 *
 * Tag names are user data: the clocks travel inside the record's encrypted body (`tagClocks`,
 * which field validation drops on read) and inside the encrypted sync item, never in the clear.
 */
import * as v from 'valibot';

export interface TagClock {
  /** `${hlc}#${position}`: the position keeps the writer's order among tags added by one set. */
  readonly add: string;
  /** The HLC of the latest removal, or '' for none. */
  readonly remove: string;
}
export type TagClocks = Readonly<Record<string, TagClock>>;

export const TagClocksSchema = v.record(v.string(), v.object({ add: v.string(), remove: v.string() }));

/** The field a body carries its tag clocks in; the kinds' schemas drop it, so fields never show it. */
export const TAG_CLOCKS_KEY = 'tagClocks';

const later = (a: string, b: string): string => (a > b ? a : b);
/** Four digits: every '#' suffix sorts after the bare HLC (a removal of the same set) and keeps HLC order. */
const addClock = (hlc: string, position: number): string => `${hlc}#${String(position).padStart(4, '0')}`;

/** The clocks a body holds, or none when it holds none (written before tag clocks, or a kind without tags). */
export const tagClocksIn = (body: unknown): TagClocks | undefined => {
  if (body === null || typeof body !== 'object' || !(TAG_CLOCKS_KEY in body)) return undefined;
  const parsed = v.safeParse(TagClocksSchema, (body as Record<string, unknown>)[TAG_CLOCKS_KEY]);
  return parsed.success ? parsed.output : undefined;
};

/** Clocks for tags that have none yet: each added when the tags field was last written. */
export const derivedTagClocks = (tags: readonly string[], tagsClock: string): TagClocks =>
  Object.fromEntries(tags.map((tag, index) => [tag, { add: addClock(tagsClock, index), remove: '' }]));

/** One set's change to the tags: `added` (in order) added at `hlc`, `removed` removed at it. */
export const assignTags = (clocks: TagClocks, added: readonly string[], removed: readonly string[], hlc: string): TagClocks => {
  const out: Record<string, TagClock> = { ...clocks };
  added.forEach((tag, index) => {
    const before = out[tag] ?? { add: '', remove: '' };
    out[tag] = { add: later(before.add, addClock(hlc, index)), remove: before.remove };
  });
  for (const tag of removed) {
    const before = out[tag] ?? { add: '', remove: '' };
    out[tag] = { add: before.add, remove: later(before.remove, hlc) };
  }
  return out;
};

/** The join: per tag, the later addition and the later removal. Commutative, associative, idempotent. */
export const joinTagClocks = (a: TagClocks, b: TagClocks): TagClocks => {
  const out: Record<string, TagClock> = { ...a };
  for (const [tag, clock] of Object.entries(b)) {
    const mine = out[tag];
    out[tag] = mine ? { add: later(mine.add, clock.add), remove: later(mine.remove, clock.remove) } : clock;
  }
  return out;
};

/** The present tags, in the order of their additions (ties by name, so every device agrees). */
export const tagsOf = (clocks: TagClocks): string[] =>
  Object.entries(clocks)
    .filter(([, clock]) => clock.add > clock.remove)
    .sort(([nameA, a], [nameB, b]) => (a.add < b.add ? -1 : a.add > b.add ? 1 : nameA < nameB ? -1 : nameA > nameB ? 1 : 0))
    .map(([tag]) => tag);

export interface TagEdit {
  /** The tags as stored after the edit: kept ones in their place, new ones after them in the order given. */
  readonly tags: readonly string[];
  readonly clocks: TagClocks;
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/**
 * A local edit of the tags from `before` to `after` at `hlc`. Only new tags get a new addition
 * clock: a tag merely kept was not added again, so it does not outlive a concurrent removal.
 */
export const editTags = (clocks: TagClocks, before: readonly string[], after: readonly string[], hlc: string): TagEdit => {
  const added = after.filter((tag) => !before.includes(tag));
  const removed = before.filter((tag) => !after.includes(tag));
  const next = assignTags(clocks, added, removed, hlc);
  return { tags: tagsOf(next), clocks: next, added, removed };
};
