/**
 * A timeline read a screen at a time: each source gives its entries newest first, a chunk per
 * call, and the merge takes the newest head across them. An entry is handed out only once every
 * source that may still hold a newer one has shown its next head, so the first page holds the
 * newest entries of all sources however little of each was read.
 */
import type { RecordId } from '../records/types';
import type { RecentChanges } from '../record-store/contract';
import { dependentEntries, fieldChangeEntries, newestFirst, type TimelineEntry } from './timeline';

export interface TimelineChunk {
  /** Newest first. */
  readonly entries: readonly TimelineEntry[];
  /** True once nothing older is left in this source. */
  readonly done: boolean;
}

/** A newest-first source: each call gives the chunk after the previous one. */
export type TimelineSource = () => Promise<TimelineChunk>;

export interface TimelineMerge {
  /** Up to `count` more entries, newest first, after those already taken. */
  readonly take: (count: number) => Promise<TimelineEntry[]>;
  /** True once every source is read to its end and every entry taken. */
  readonly exhausted: () => boolean;
}

export const mergeNewestFirst = (sources: readonly TimelineSource[]): TimelineMerge => {
  const lanes = sources.map((read) => ({ read, buffer: [] as TimelineEntry[], done: false }));
  /** Refills every lane that ran dry and may hold more; a source that gives an empty chunk without ending is asked again. */
  const refill = async (): Promise<void> => {
    await Promise.all(lanes.map(async (lane) => {
      while (lane.buffer.length === 0 && !lane.done) {
        const chunk = await lane.read();
        lane.buffer.push(...chunk.entries);
        lane.done = chunk.done;
      }
    }));
  };
  /** Takes run one after another: two at once would read the same chunk of a source twice. */
  let queue: Promise<unknown> = Promise.resolve();
  const take = async (count: number): Promise<TimelineEntry[]> => {
    const taken: TimelineEntry[] = [];
    while (taken.length < count) {
      await refill();
      let newest: (typeof lanes)[number] | null = null;
      for (const lane of lanes) {
        const head = lane.buffer[0];
        const best = newest?.buffer[0];
        if (head && (!best || newestFirst(head, best) < 0)) newest = lane;
      }
      const entry = newest?.buffer.shift();
      if (!entry) break;
      taken.push(entry);
    }
    return taken;
  };
  return {
    take: (count) => {
      const run = queue.then(() => take(count));
      queue = run.catch(() => undefined);
      return run;
    },
    exhausted: () => lanes.every((lane) => lane.done && lane.buffer.length === 0),
  };
};

/** The records that belong to this one, already read (the record's page holds them): one chunk, sorted. */
export const dependentSource = (recordId: RecordId, linked: Parameters<typeof dependentEntries>[0]): TimelineSource =>
  () => Promise.resolve({ entries: dependentEntries(linked, recordId).sort(newestFirst), done: true });

/** The record's own field changes from its change log, `sets` change sets per chunk, newest first. */
export const changeSource = (
  read: (count: number, before: string | null) => Promise<RecentChanges>,
  sets: number,
): TimelineSource => {
  let before: string | null = null;
  return async () => {
    const recent = await read(sets, before);
    // The earlier sets only carry values forward; their own entries come first, oldest first, and are dropped.
    const entries = fieldChangeEntries([...recent.earlier, ...recent.entries]).slice(fieldChangeEntries(recent.earlier).length);
    before = recent.next;
    return { entries: entries.sort(newestFirst), done: recent.next === null };
  };
};
