import type { Refusal, RefusalType } from '../../../core/refusals';
import { catalogue } from '../i18n/catalogue';
import { passwordProblemText } from './password-messages';

type RefusalTexts = { readonly [T in RefusalType]: (refusal: Extract<Refusal, { type: T }>) => string };

/** The words for each refusal core and the worker can throw; a code without words fails to compile. */
export const REFUSAL_MESSAGES = catalogue<RefusalTexts>({
  en: {
    'no-account': () => 'There is no account on this device.',
    'needs-unlock': (refusal) => (refusal.for === 'audit'
      ? 'This needs Locket unlocked: it names records in the audit log'
      : 'Checking the suppression list needs Locket unlocked'),
    'not-a-person': (refusal) => (refusal.act === 'erase'
      ? 'Only a person can be erased, and this one does not exist'
      : 'Only a person has a subject-access report, and this one does not exist'),
    'export-needs-zip': () => 'More than one file must be exported as a zip.',
    'export-running': () => 'An export is already running.',
    'archive-busy': () => 'A backup or restore is already running.',
    'backup-password': ({ problem }) => passwordProblemText(problem),
    'import-mapping-missing': () => 'Every file needs its own column mapping.',
    'import-check-stale': () => 'This check is out of date: check the file again before importing.',
  },
  de: {
    'no-account': () => 'Auf diesem Gerät gibt es kein Konto.',
    'needs-unlock': (refusal) => (refusal.for === 'audit'
      ? 'Dafür muss Locket entsperrt sein: Es nennt Datensätze im Prüfprotokoll'
      : 'Die Sperrliste lässt sich nur bei entsperrtem Locket prüfen'),
    'not-a-person': (refusal) => (refusal.act === 'erase'
      ? 'Nur eine Person kann gelöscht werden, und diese gibt es nicht'
      : 'Nur zu einer Person gibt es eine Auskunft, und diese gibt es nicht'),
    'export-needs-zip': () => 'Mehr als eine Datei muss als ZIP exportiert werden.',
    'export-running': () => 'Ein Export läuft bereits.',
    'archive-busy': () => 'Eine Sicherung oder Wiederherstellung läuft bereits.',
    'backup-password': ({ problem }) => passwordProblemText(problem),
    'import-mapping-missing': () => 'Jede Datei braucht ihre eigene Spaltenzuordnung.',
    'import-check-stale': () => 'Diese Prüfung ist veraltet: Prüfen Sie die Datei vor dem Import erneut.',
  },
});

export const refusalText = (refusal: Refusal): string =>
  (REFUSAL_MESSAGES[refusal.type] as (refusal: Refusal) => string)(refusal);
