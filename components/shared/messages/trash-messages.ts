import type { TrashRestoreRefusal } from '../../../core/trash/contract';
import { catalogue } from '../i18n/catalogue';

/** The words for why a record did not come back from the trash; a code without words fails to compile. */
export const TRASH_RESTORE_MESSAGES = catalogue<{ readonly [T in TrashRestoreRefusal['type']]: string }>({
  en: {
    'purged': 'This record was deleted for good and can no longer be restored.',
    'not-in-trash': 'This record is not in the trash.',
    'owner-in-trash': 'Restore the record this note belongs to first.',
  },
  de: {
    'purged': 'Dieser Datensatz wurde endgültig gelöscht und lässt sich nicht mehr wiederherstellen.',
    'not-in-trash': 'Dieser Datensatz ist nicht im Papierkorb.',
    'owner-in-trash': 'Stellen Sie zuerst den Datensatz wieder her, zu dem diese Notiz gehört.',
  },
});

export const trashRestoreText = (refusal: TrashRestoreRefusal): string => TRASH_RESTORE_MESSAGES[refusal.type];
