import { isStorageFull, type WriteFailure } from '../../core/db/store-errors';
import { refusalIn, type Refusal } from '../../core/refusals';
import { writeConflictIn, type ConflictCode } from '../../core/db/write-conflict';
import { INPUT_REFUSED } from '../../worker/contracts/refusal';
import { refusedActOf, type LocalAct } from '../../core/team/local-rights';
import { roleRefusalText } from './messages/role-refusal-words';
import { refusalText } from './messages/refusal-messages';
import { writeConflictText } from './messages/write-conflict-messages';
import { catalogue } from './i18n/catalogue';

const TEXTS = catalogue({
  en: {
    /** What the owner reads when the browser had no room for a write, and what to do about it. */
    storageFull: 'This device has no room left for Locket’s data. Nothing of this was saved and nothing was lost. '
      + 'Free up space on the disk (or empty Locket’s trash and delete old snapshots), then try again.',
    inputRefused: (message: string) => `Locket’s page and its worker disagree, so nothing was done: reload the page and try again (${message})`,
    sweepStoppedFull: (storageFull: string) => `The sweep stopped early: ${storageFull}`,
    sweepStopped: (message: string) => `The sweep stopped early (${message}).`,
  },
  de: {
    storageFull: 'Auf diesem Gerät ist kein Platz mehr für die Daten von Locket. Davon wurde nichts gespeichert und nichts ging verloren. '
      + 'Schaffen Sie Platz auf dem Datenträger (oder leeren Sie den Papierkorb von Locket und löschen Sie alte Schnappschüsse) und versuchen Sie es dann erneut.',
    inputRefused: (message: string) => `Die Seite von Locket und ihr Worker passen nicht zusammen, daher wurde nichts getan: Laden Sie die Seite neu und versuchen Sie es erneut (${message})`,
    sweepStoppedFull: (storageFull: string) => `Die Bereinigung wurde vorzeitig beendet: ${storageFull}`,
    sweepStopped: (message: string) => `Die Bereinigung wurde vorzeitig beendet (${message}).`,
  },
});

/** What the owner reads when the browser had no room for a write, in the page's language at the moment it is read. */
export const storageFullText = (): string => TEXTS.storageFull;

/**
 * Why an act failed, as a code an element renders: a full disk, a refusal from core or the
 * worker, a write that gave up because another context kept changing what it read, or an
 * unexpected error, which keeps its own (developer's) message.
 */
export type Failure =
  | { readonly type: 'storage-full' }
  | { readonly type: 'refused'; readonly refusal: Refusal }
  | { readonly type: 'write-conflict'; readonly conflict: ConflictCode }
  /** The worker refused a call's arguments: a page out of step with its worker, never the owner's doing. */
  | { readonly type: 'input-refused'; readonly message: string }
  /** A team member's role (or missing export right) does not allow the act; nothing was done. */
  | { readonly type: 'role-refused'; readonly act: LocalAct }
  | { readonly type: 'unexpected'; readonly message: string };

export const failureOf = (error: unknown): Failure => {
  if (isStorageFull(error)) return { type: 'storage-full' };
  const refusal = refusalIn(error);
  if (refusal) return { type: 'refused', refusal };
  const conflict = writeConflictIn(error);
  if (conflict) return { type: 'write-conflict', conflict };
  const act = refusedActOf(error);
  if (act) return { type: 'role-refused', act };
  if (error instanceof Error && error.name === INPUT_REFUSED) return { type: 'input-refused', message: error.message };
  return { type: 'unexpected', message: error instanceof Error ? error.message : String(error) };
};

const textOf = (failure: Failure): string => {
  switch (failure.type) {
    case 'storage-full': return storageFullText();
    case 'refused': return refusalText(failure.refusal);
    case 'write-conflict': return writeConflictText(failure.conflict);
    case 'input-refused': return TEXTS.inputRefused(failure.message);
    case 'role-refused': return roleRefusalText(failure.act);
    case 'unexpected': return failure.message;
  }
};

const isFailure = (value: unknown): value is Failure =>
  typeof value === 'object' && value !== null && 'type' in value && !(value instanceof Error)
  && (value.type === 'storage-full' || value.type === 'refused' || value.type === 'write-conflict' || value.type === 'input-refused' || value.type === 'role-refused' || value.type === 'unexpected');

/** Words for a failure, given as a coded Failure or as the error that was caught. */
export const failureText = (failure: Failure | unknown): string => textOf(isFailure(failure) ? failure : failureOf(failure));

/** Words for a write failure that crossed from the worker as a value (an import's failed batch). */
export const writeFailureText = (failure: WriteFailure): string =>
  failure.type === 'storage-full' ? storageFullText() : failure.message;

/** Words for the failure a sweep kept in its report. */
export const sweepErrorText = (failure: WriteFailure): string =>
  (failure.type === 'storage-full' ? TEXTS.sweepStoppedFull(storageFullText()) : TEXTS.sweepStopped(failure.message));
