/** The text the user selected before capturing: often a name, an address and a number. */
import type { RawPerson } from './collector';
import { phoneFrom } from './contact-values';
import { cleanMultiline, looksLikePersonName } from './text';
import { CAPTURE_LIMITS } from './types';

export interface SelectionFindings {
  readonly text: string;
  /** null when the selection holds no name, email address or phone number. */
  readonly person: RawPerson | null;
}

const EMAIL_IN_TEXT = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Digits with the separators people type, on one line. */
const PHONE_IN_TEXT = /\+?\(?\d[\d \t().\-/]{4,}\d/g;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/;
const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/g;
/** Fewer digits than this in running text are more likely a year or a count than a number to call. */
const MIN_PHONE_DIGITS = 7;

const phonesIn = (text: string): string[] => (text.match(PHONE_IN_TEXT) ?? [])
  .filter((run) => !DATE_LIKE.test(run.trim()) && run.replace(/\D/g, '').length >= MIN_PHONE_DIGITS)
  .filter((run) => phoneFrom(run) !== '');

export const readSelection = (selection: string): SelectionFindings => {
  const text = cleanMultiline(selection, CAPTURE_LIMITS.selection);
  const firstLine = text.split('\n').find((line) => line !== '') ?? '';
  const person: RawPerson = {
    name: looksLikePersonName(firstLine) ? firstLine : '',
    emails: text.match(EMAIL_IN_TEXT) ?? [],
    phones: phonesIn(text),
    // A sentence's closing punctuation is not part of the address before it.
    urls: (text.match(URL_IN_TEXT) ?? []).map((url) => url.replace(/[.,;:!?)\]]+$/, '')),
  };
  const found = person.name !== '' || (person.emails?.length ?? 0) > 0 || (person.phones?.length ?? 0) > 0;
  return { text, person: found ? person : null };
};
