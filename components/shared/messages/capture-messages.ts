import type { CapturedFromText } from '../../../core/quick-capture/prefill';

/**
 * Where a capture came from, as a captured person's lawful-basis source and as the note a
 * capture leaves: kept in the record, so written in the owner's words when it is saved.
 */
export const capturedFromText: CapturedFromText = (place) => `Captured from ${place ?? 'a web page'}`;
