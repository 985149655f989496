import type { RestoreProblem } from '../../../worker/contract';

/** The words for why a backup or snapshot was not restored: what went wrong, never how. */
export const RESTORE_PROBLEM_MESSAGES: { readonly [T in RestoreProblem['type']]: string } = {
  'backup-wrong-password': 'This password does not open this backup.',
  'backup-damaged': 'This backup file is damaged or was changed.',
  'backup-not-locket': 'This file is not a Locket backup.',
  'backup-too-new': 'This backup was made by a newer version of Locket. Update Locket, then restore it.',
  'snapshot-missing': 'This snapshot no longer exists.',
  'snapshot-damaged': 'This snapshot is damaged and cannot be restored.',
};

export const restoreProblemText = (problem: RestoreProblem): string => RESTORE_PROBLEM_MESSAGES[problem.type];
