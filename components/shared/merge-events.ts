import type { MergeOutcome, PartyKind } from '../../core/merge/contract';
import type { RecordId } from '../../core/records/types';

/** A merge or convert committed: the workspace shows what happened, with Open and Undo. */
export interface MergedDetail {
  readonly act: 'merge' | 'convert';
  readonly outcome: MergeOutcome;
  /** The survivor's kind (for a convert, the new kind). */
  readonly kind: PartyKind;
  readonly keptName: string;
  readonly otherName: string;
}

/** The Duplicates view asks to compare a pair: the older record first. */
export interface CompareDetail {
  readonly ids: readonly [RecordId, RecordId];
}

export interface MergeEventMap {
  'locket-merged': CustomEvent<MergedDetail>;
  'locket-compare': CustomEvent<CompareDetail>;
}

export const mergeEvent = <N extends keyof MergeEventMap>(name: N, detail: MergeEventMap[N]['detail']): MergeEventMap[N] =>
  new CustomEvent(name, { detail, bubbles: true, composed: true }) as MergeEventMap[N];

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends MergeEventMap {}
}
