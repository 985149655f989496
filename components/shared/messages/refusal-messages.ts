import type { Refusal, RefusalType } from '../../../core/refusals';
import { passwordProblemText } from './password-messages';

/** The words for each refusal core and the worker can throw; a code without words fails to compile. */
export const REFUSAL_MESSAGES: { readonly [T in RefusalType]: (refusal: Extract<Refusal, { type: T }>) => string } = {
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
};

export const refusalText = (refusal: Refusal): string =>
  (REFUSAL_MESSAGES[refusal.type] as (refusal: Refusal) => string)(refusal);
