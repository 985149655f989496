import type { TrashRestoreRefusal } from '../../../core/trash/contract';

/** The words for why a record did not come back from the trash; a code without words fails to compile. */
export const TRASH_RESTORE_MESSAGES: { readonly [T in TrashRestoreRefusal['type']]: string } = {
  'purged': 'This record was deleted for good and can no longer be restored.',
  'not-in-trash': 'This record is not in the trash.',
  'owner-in-trash': 'Restore the record this note belongs to first.',
};

export const trashRestoreText = (refusal: TrashRestoreRefusal): string => TRASH_RESTORE_MESSAGES[refusal.type];
