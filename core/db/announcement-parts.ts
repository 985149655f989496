/**
 * A change that names many records (a restore names every record, before and after) crosses
 * the channel in parts of at most PART_IDS ids, so each page decodes and checks it a part per
 * task instead of in one task that would hold its main thread (over a second at 100,000 ids).
 * The receiver puts the parts back together and delivers the change once, whole.
 */
import type { StoreChange } from './change-bus';

export const PART_IDS = 1000;
/** More parts than any data set holds (ten million ids): a claim beyond it is dropped. */
export const MOST_PARTS = 10_000;
/** Batches being put together at once; a sender never has more than one open, so a few senders' worth. */
const OPEN_BATCHES = 16;

/** Where one part sits: `at` of `of`, in the sender's `batch`. */
export interface PartPlace {
  readonly batch: string;
  readonly at: number;
  readonly of: number;
}

export interface ChangePart {
  readonly change: StoreChange;
  readonly part?: PartPlace;
}

/** The change as it goes on the channel: whole when it is small, else in parts of PART_IDS ids. */
export const splitChange = (change: StoreChange, batch: string): ChangePart[] => {
  if (change.ids.length <= PART_IDS) return [{ change }];
  const of = Math.ceil(change.ids.length / PART_IDS);
  return Array.from({ length: of }, (_, at) => ({
    change: { ...change, ids: change.ids.slice(at * PART_IDS, (at + 1) * PART_IDS) },
    part: { batch, at, of },
  }));
};

/**
 * Puts parts back together. BroadcastChannel keeps one sender's messages in order, so parts
 * of a batch arrive 0, 1, 2…; a batch whose first part this receiver missed (it started
 * listening half-way) is dropped whole, never delivered with ids missing.
 */
export const createPartAssembler = (): ((received: ChangePart) => StoreChange | null) => {
  const open = new Map<string, { next: number; ids: string[] }>();
  return ({ change, part }) => {
    if (!part) return change;
    const gathered = part.at === 0 ? { next: 0, ids: [] } : open.get(part.batch);
    if (!gathered || gathered.next !== part.at) {
      open.delete(part.batch);
      return null;
    }
    gathered.ids.push(...change.ids);
    gathered.next += 1;
    if (part.at < part.of - 1) {
      open.set(part.batch, gathered);
      // A batch whose sender stopped half-way is never finished: the oldest goes first.
      if (open.size > OPEN_BATCHES) open.delete(open.keys().next().value ?? '');
      return null;
    }
    open.delete(part.batch);
    return { ...change, ids: gathered.ids };
  };
};
