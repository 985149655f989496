/** The note a captured record keeps about where it came from. */
import type { CaptureResult } from '../capture/types';
import { isWebAddress } from '../records/field-rules';
import type { NoteFields, RecordId } from '../records/types';
import { sourceUrlOf, type CapturedFromText } from './prefill';

/** The selected text when there was one, else where it was captured from. */
export const captureNoteFields = (
  capture: CaptureResult, recordId: RecordId, capturedAt: number, capturedFrom: CapturedFromText,
): NoteFields => {
  const url = sourceUrlOf(capture);
  return {
    body: capture.selection || capturedFrom(capture.page.title || url || null),
    recordId,
    // The note schema keeps only web addresses; a file: or blank address is left out rather than refused.
    sourceUrl: isWebAddress(url) ? url : null,
    capturedAt,
  };
};
