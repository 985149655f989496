/** The Duplicates view: likely pairs, found in the worker in one pass; merging happens in the page's store on the user's click. */
import * as v from 'valibot';
import type { RecordId } from '../../core/records/types';
import { PARTY_KINDS } from '../../core/merge/contract';
import type { PairReason } from '../../core/merge/duplicate-pairs';
import { method, returns } from './method';

/** One side of a proposed pair, as the list shows it. */
export interface PairSide {
  readonly id: RecordId;
  readonly title: string;
  readonly subtitle: string;
}

export interface DuplicatePairView {
  /** The older record first: the compare view offers it as the survivor. */
  readonly sides: readonly [PairSide, PairSide];
  readonly reason: PairReason;
}

export const duplicatesContract = {
  /** Likely pairs among the live records of the kind, strongest reason first, without those marked "Not duplicates". */
  duplicatePairs: method({ args: [v.picklist(PARTY_KINDS)], result: returns<readonly DuplicatePairView[]>() }),
};
