/**
 * Merging duplicates and converting a person into an organisation (and back). Each act is one
 * write transaction with its audit entry and one change set, and leaves an undo receipt that
 * undoes it as one (merge-undo.ts). The words for users live in
 * components/shared/messages/merge-words.ts.
 */
import type { Result } from '../result';
import type { FieldErrors } from '../records/field-problems';
import type { RecordId } from '../records/types';

/** The kinds that can be merged with their own kind, and converted into each other. */
export const PARTY_KINDS = ['person', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Per single-valued field, whose value the survivor keeps; a field not named keeps the default (mergeFields). */
export type FieldChoices = Readonly<Record<string, 'survivor' | 'other'>>;

export interface MergeRequest {
  /** The record that stays. */
  readonly survivorId: RecordId;
  /** The record that goes to the trash once everything pointing at it points at the survivor. */
  readonly otherId: RecordId;
  readonly choices: FieldChoices;
  /** The text of the note left on the survivor ("Merged from Anna Schmidt on 6 Dec"), in the user's language. */
  readonly note: string;
}

export interface ConvertRequest {
  readonly id: RecordId;
  /** The text of the note left on the new record, in the user's language. */
  readonly note: string;
}

/** Why a merge, convert or undo wrote nothing, as a code. */
export type MergeRefusal =
  | { readonly type: 'same-record' }
  | { readonly type: 'record-gone' }
  | { readonly type: 'record-in-trash' }
  | { readonly type: 'not-a-party' }
  | { readonly type: 'kinds-differ' }
  /** The merged (or converted) fields do not pass validation, such as a name too long once joined. */
  | { readonly type: 'invalid-fields'; readonly errors: FieldErrors }
  /** An organisation that people belong to cannot become a person: a person belongs to organisations only. */
  | { readonly type: 'has-people'; readonly count: number }
  /** The undo's receipt is gone (undone already, or never written here). */
  | { readonly type: 'nothing-to-undo' }
  /** The survivor was edited, trashed or merged again since: undoing would lose that. */
  | { readonly type: 'changed-since' }
  /** The record that went to the trash was purged since: there is nothing to bring back. */
  | { readonly type: 'other-purged' };

export interface MergeOutcome {
  /** Names the undo receipt: pass it to undoMerge. */
  readonly undoId: string;
  readonly survivorId: RecordId;
  readonly trashedId: RecordId;
  /** Records whose link now points at the survivor (notes, cases, opportunities, people). */
  readonly moved: number;
}

export interface MergeStore {
  readonly mergeRecords: (request: MergeRequest) => Promise<Result<MergeOutcome, MergeRefusal>>;
  /** A new record of the other kind takes the fields that fit and every link; the old one goes to the trash. */
  readonly convertRecord: (request: ConvertRequest) => Promise<Result<MergeOutcome, MergeRefusal>>;
  /** Undoes a merge or a convert as one transaction. */
  readonly undoMerge: (undoId: string) => Promise<Result<{ readonly restoredId: RecordId }, MergeRefusal>>;
  /** Pair keys (duplicate-pairs.ts pairKey) the user said are not duplicates. */
  readonly readNotDuplicates: () => Promise<string[]>;
  /** Remembers that two records are not duplicates: the Duplicates view no longer proposes them. */
  readonly markNotDuplicates: (a: RecordId, b: RecordId) => Promise<void>;
}
