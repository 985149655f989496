/**
 * The words the export and import screens use for activities.csv (logged conversations):
 * the file's name in the list of files, the fields a column can feed, and why a row is
 * refused when it does not say who the conversation was with. Plain tables, spread into the
 * export and import catalogues (which check both languages have every key); typed here so a
 * language that lacks one fails to compile.
 */
import { catalogue, type Tables } from '../i18n/catalogue';
import type { RowNote } from '../../../core/csv/row-notes';

type WithoutRecord = Extract<RowNote, { type: 'conversation-without-record' }>;

interface ActivityCsvWords {
  /** The file, in the export's list of files and the import's choice of what a file holds. */
  readonly file: string;
  /** The conversation fields other files do not have. */
  readonly fields: {
    readonly activityType: string; readonly occurredAt: string; readonly durationMinutes: string;
    readonly outcome: string; readonly summary: string;
  };
  readonly withoutRecord: (note: WithoutRecord) => string;
}

export const ACTIVITY_CSV_WORDS: Tables<ActivityCsvWords> = {
  en: {
    file: 'Conversations (calls, meetings, emails)',
    fields: {
      activityType: 'Type (call, meeting or email)', occurredAt: 'Occurred at', durationMinutes: 'Duration (minutes)',
      outcome: 'Outcome', summary: 'Summary',
    },
    withoutRecord: ({ column, ref, named }) => (ref === null
      ? `${column}: the conversation does not say who it was with.`
      : `${column}: ${named ? `“${ref}”` : ref} is not in this import or in Locket, so the conversation has nobody to belong to.`),
  },
  de: {
    file: 'Gespräche (Anrufe, Termine, E-Mails)',
    fields: {
      activityType: 'Art (Anruf, Termin oder E-Mail)', occurredAt: 'Stattgefunden am', durationMinutes: 'Dauer (Minuten)',
      outcome: 'Ergebnis', summary: 'Zusammenfassung',
    },
    withoutRecord: ({ column, ref, named }) => (ref === null
      ? `${column}: Das Gespräch gibt nicht an, mit wem es geführt wurde.`
      : `${column}: ${named ? `„${ref}“` : ref} ist weder in diesem Import noch in Locket, daher gehört das Gespräch zu niemandem.`),
  },
};

/** Registered with the catalogues, so the checks hold these tables to the same keys in every language. */
catalogue(ACTIVITY_CSV_WORDS);
