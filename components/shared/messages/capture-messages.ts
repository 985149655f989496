import type { CapturedFromText } from '../../../core/quick-capture/prefill';
import { catalogue } from '../i18n/catalogue';

const WORDS = catalogue({
  en: { capturedFrom: (place: string | null) => `Captured from ${place ?? 'a web page'}` },
  de: { capturedFrom: (place: string | null) => `Erfasst von ${place ?? 'einer Webseite'}` },
});

/**
 * Where a capture came from, as a captured person's lawful-basis source and as the note a
 * capture leaves: kept in the record, so written in the owner's words (and language) when it is saved.
 */
export const capturedFromText: CapturedFromText = (place) => WORDS.capturedFrom(place);
