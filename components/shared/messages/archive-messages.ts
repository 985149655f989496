import type { RestoreProblem } from '../../../worker/contract';
import { catalogue } from '../i18n/catalogue';

/** The words for why a backup or snapshot was not restored: what went wrong, never how. */
export const RESTORE_PROBLEM_MESSAGES = catalogue<{ readonly [T in RestoreProblem['type']]: string }>({
  en: {
    'backup-wrong-password': 'This password does not open this backup.',
    'backup-damaged': 'This backup file is damaged or was changed.',
    'backup-not-locket': 'This file is not a Locket backup.',
    'backup-too-new': 'This backup was made by a newer version of Locket. Update Locket, then restore it.',
    'snapshot-missing': 'This snapshot no longer exists.',
    'snapshot-damaged': 'This snapshot is damaged and cannot be restored.',
  },
  de: {
    'backup-wrong-password': 'Dieses Passwort öffnet diese Sicherung nicht.',
    'backup-damaged': 'Diese Sicherungsdatei ist beschädigt oder wurde verändert.',
    'backup-not-locket': 'Diese Datei ist keine Sicherung von Locket.',
    'backup-too-new': 'Diese Sicherung stammt von einer neueren Version von Locket. Aktualisieren Sie Locket und stellen Sie sie dann wieder her.',
    'snapshot-missing': 'Diesen Schnappschuss gibt es nicht mehr.',
    'snapshot-damaged': 'Dieser Schnappschuss ist beschädigt und lässt sich nicht wiederherstellen.',
  },
});

export const restoreProblemText = (problem: RestoreProblem): string => RESTORE_PROBLEM_MESSAGES[problem.type];
