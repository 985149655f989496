import { TRASH_DAYS, daysLeft } from '../../core/retention/windows';
import { catalogue } from '../shared/i18n/catalogue';
import { formatDate, formatNumber, plural } from '../shared/i18n/format';
import { remoteDeviceOf } from '../../core/audit/remote-author';
import { deviceWriter, type NameDirectory } from '../../core/team/name-directory';
import { ATTRIBUTION_WORDS, byWriter } from '../shared/messages/attribution-words';

/** The store's author id for writes the owner made on this device. */
const OWNER_AUTHOR = 'owner';

const counted = (n: number, one: string, other: string): string => `${formatNumber(n)} ${plural(n, { one, other })}`;

export const TRASH_WORDS = catalogue({
  en: {
    you: 'you',
    purgedNext: 'Purged at the next sweep',
    daysLeft: (days: number) => `${counted(days, 'day', 'days')} left`,
    notes: (n: number) => counted(n, 'note', 'notes'),
    withNotes: (notes: string) => `with ${notes}`,
    records: (n: number) => counted(n, 'record', 'records'),
    readFailed: (cause: string) => `The trash could not be read: ${cause}`,
    changeFailed: (cause: string) => `The trash could not be changed: ${cause}`,
    emptyQuestion: 'Empty the trash?',
    emptyDetail: (records: string) => `${records} and the notes that went with them will be deleted for good.`,
    deleteQuestion: (name: string) => `Delete ${name} forever?`,
    deleteDetail: (notes: string) => `Its ${notes} will be deleted with it.`,
    cannotUndo: 'This cannot be undone.',
    cancel: 'Cancel', deleteForever: 'Delete forever',
    deletedBy: (who: string) => `Deleted by ${who} on`,
    restoreName: (name: string) => `Restore ${name}`, restore: 'Restore',
    deleteNameForever: (name: string) => `Delete ${name} forever`,
    /** What the row's button shows: every word of it is in its name, deleteNameForever (WCAG 2.5.3). */
    deleteRow: 'Delete',
    isBack: (name: string, list: string | null) => `${name} is back${list ? ` in ${list}` : ''}.`,
    open: (name: string) => `Open ${name}`,
    trash: 'Trash', emptyTrash: 'Empty trash', loading: 'Loading the trash…',
    empty: (days: number) => `The trash is empty. Deleted records wait here for ${days} days.`,
    window: (records: string, days: number) => `${records}. Each can be restored for ${days} days after it was deleted, then it is deleted for good.`,
    trashedRecords: 'Trashed records', showMore: 'Show more',
  },
  de: {
    you: 'Ihnen',
    purgedNext: 'Wird bei der nächsten Bereinigung gelöscht',
    daysLeft: (days: number) => `noch ${counted(days, 'Tag', 'Tage')}`,
    notes: (n: number) => counted(n, 'Notiz', 'Notizen'),
    withNotes: (notes: string) => `mit ${notes}`,
    records: (n: number) => counted(n, 'Datensatz', 'Datensätze'),
    readFailed: (cause: string) => `Der Papierkorb konnte nicht gelesen werden: ${cause}`,
    changeFailed: (cause: string) => `Der Papierkorb konnte nicht geändert werden: ${cause}`,
    emptyQuestion: 'Papierkorb leeren?',
    emptyDetail: (records: string) => `${records} und die zugehörigen Notizen werden endgültig gelöscht.`,
    deleteQuestion: (name: string) => `${name} endgültig löschen?`,
    deleteDetail: (notes: string) => `Die zugehörigen ${notes} werden mitgelöscht.`,
    cannotUndo: 'Das lässt sich nicht rückgängig machen.',
    cancel: 'Abbrechen', deleteForever: 'Endgültig löschen',
    deletedBy: (who: string) => `Gelöscht von ${who} am`,
    restoreName: (name: string) => `${name} wiederherstellen`, restore: 'Wiederherstellen',
    deleteNameForever: (name: string) => `${name} endgültig löschen`,
    deleteRow: 'Endgültig löschen',
    isBack: (name: string, list: string | null) => `${name} ist wieder da${list ? ` unter ${list}` : ''}.`,
    open: (name: string) => `${name} öffnen`,
    trash: 'Papierkorb', emptyTrash: 'Papierkorb leeren', loading: 'Papierkorb wird geladen…',
    empty: (days: number) => `Der Papierkorb ist leer. Gelöschte Datensätze bleiben hier ${days} Tage lang.`,
    window: (records: string, days: number) => `${records}. Jeder lässt sich bis ${days} Tage nach dem Löschen wiederherstellen, dann wird er endgültig gelöscht.`,
    trashedRecords: 'Gelöschte Datensätze', showMore: 'Mehr anzeigen',
  },
});

/**
 * "Maria Schmidt", or "you" before the owner has given a name; a trash that came from another
 * device, its member by name (core/team/name-directory.ts) or "another device" outside a team;
 * another author's id as it is.
 */
export const deleterName = (deletedBy: string, ownerName: string, directory: NameDirectory | null = null): string => {
  const device = remoteDeviceOf(deletedBy);
  if (device !== null) return directory ? byWriter(deviceWriter(directory, device)) : ATTRIBUTION_WORDS.byOtherDevice;
  return deletedBy === OWNER_AUTHOR ? ownerName.trim() || TRASH_WORDS.you : deletedBy;
};

export const deletedOnLabel = (deletedAt: number): string => formatDate(deletedAt);

/** What the owner has left of the trash window; at 0 the next sweep purges it. */
export const daysLeftLabel = (deletedAt: number, now: number): string => {
  const days = daysLeft(deletedAt, TRASH_DAYS, now);
  return days === 0 ? TRASH_WORDS.purgedNext : TRASH_WORDS.daysLeft(days);
};

export const notesCount = (notes: number): string => TRASH_WORDS.notes(notes);

export const notesLabel = (notes: number): string => TRASH_WORDS.withNotes(notesCount(notes));

export const recordsLabel = (count: number): string => TRASH_WORDS.records(count);
