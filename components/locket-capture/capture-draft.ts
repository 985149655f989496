import type { CaptureDraft } from '../../core/quick-capture/pending';

/**
 * Writes a capture's draft a moment after the user's last change, and at once when asked
 * (the view is going away, e.g. on lock). Only a draft the user changed here is written:
 * another panel showing the same capture must not overwrite it with its own copy.
 */
export interface DraftKeeper {
  readonly changed: (draft: CaptureDraft) => void;
  readonly flush: () => void;
  /** Forgets an unwritten change (the capture was saved or dismissed). */
  readonly drop: () => void;
}

export const createDraftKeeper = (
  write: (draft: CaptureDraft) => Promise<void>,
  stillWanted: (draft: CaptureDraft) => boolean,
  delayMs: number,
): DraftKeeper => {
  let unwritten: CaptureDraft | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const drop = (): void => {
    clearTimeout(timer);
    timer = undefined;
    unwritten = null;
  };
  const flush = (): void => {
    const draft = unwritten;
    drop();
    if (draft && stillWanted(draft)) void write(draft);
  };
  return {
    changed: (draft) => {
      unwritten = draft;
      clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
    drop,
  };
};
