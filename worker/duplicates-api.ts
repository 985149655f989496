/** Finds likely duplicate pairs in one pass over the live records, in batches (core/merge/duplicate-pairs.ts). */
import { subtitleOf, titleOf } from '../core/records/display';
import type { LocketRecord, RecordId } from '../core/records/types';
import { createPairFinder } from '../core/merge/duplicate-pairs';
import type { LocketStore } from '../core/store/contract';
import type { ImplementationOf } from './contracts/method';
import type { duplicatesContract, PairSide } from './contracts/duplicates';

const READ_BATCH = 1000;

export const createDuplicatesApi = ({ store }: { readonly store: LocketStore }): ImplementationOf<typeof duplicatesContract> => ({
  duplicatePairs: async (kind) => {
    const finder = createPairFinder(kind);
    const sides = new Map<RecordId, PairSide>();
    const sideOf = (record: LocketRecord): PairSide => ({ id: record.id, title: titleOf(record), subtitle: subtitleOf(record) });
    await store.forEachBatch(READ_BATCH, (records) => {
      for (const record of records) {
        if (record.kind !== kind) continue;
        finder.add(record);
        sides.set(record.id, sideOf(record));
      }
    });
    const pairs = finder.pairs(new Set(await store.readNotDuplicates()));
    return pairs.flatMap(({ ids: [a, b], reason }) => {
      const first = sides.get(a);
      const second = sides.get(b);
      return first && second ? [{ sides: [first, second] as const, reason }] : [];
    });
  },
});
