import { TRASH_DAYS, daysLeft } from '../../core/retention/windows';

/** The store's author id for writes the owner made on this device. */
const OWNER_AUTHOR = 'owner';

const deletedOn = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

/** "Maria Schmidt", or "you" before the owner has given a name; another author's id as it is. */
export const deleterName = (deletedBy: string, ownerName: string): string =>
  deletedBy === OWNER_AUTHOR ? ownerName.trim() || 'you' : deletedBy;

export const deletedOnLabel = (deletedAt: number): string => deletedOn.format(deletedAt);

/** What the owner has left of the trash window; at 0 the next sweep purges it. */
export const daysLeftLabel = (deletedAt: number, now: number): string => {
  const days = daysLeft(deletedAt, TRASH_DAYS, now);
  if (days === 0) return 'Purged at the next sweep';
  return days === 1 ? '1 day left' : `${days} days left`;
};

export const notesCount = (notes: number): string => (notes === 1 ? '1 note' : `${notes.toLocaleString('en')} notes`);

export const notesLabel = (notes: number): string => `with ${notesCount(notes)}`;

export const recordsLabel = (count: number): string =>
  `${count.toLocaleString('en')} ${count === 1 ? 'record' : 'records'}`;
