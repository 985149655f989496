/**
 * Stay in touch: a person with a cadence ("every 30 days") is due for contact once that many
 * calendar days have passed, in the device's zone, since the day they were last contacted (or
 * the day their record was made, if never). A logged call restarts the count.
 */
import type { PersonRecord, RecordId } from '../records/types';
import { dateInZone } from '../tasks/due-instant';
import { addDays } from '../tracks/track';

export interface FollowUpSuggestion {
  readonly id: RecordId;
  /** The last contact, or null when there has been none (the count ran from createdAt). */
  readonly lastContactedAt: number | null;
  /** The calendar day (YYYY-MM-DD, device zone) contact became due. */
  readonly dueSince: string;
  /** Whole days past that day; 0 on the day itself. */
  readonly daysOverdue: number;
}

const dayNumber = (date: string): number => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / 86_400_000;
};

/** The day contact is due with `person`, or null without a cadence. */
export const contactDueDay = (person: PersonRecord, lastContactedAt: number | null, zone: string): string | null => {
  const cadence = person.fields.cadenceDays;
  if (cadence === null) return null;
  return addDays(dateInZone(lastContactedAt ?? person.createdAt, zone), cadence);
};

/**
 * The people past their cadence at `now` in `zone`, the longest overdue first (then by id, so
 * the order is stable). `lastContacted` maps ids to the latest contact (timeline/last-contacted.ts).
 */
export const followUpsDue = (
  people: readonly PersonRecord[], lastContacted: ReadonlyMap<RecordId, number>, now: number, zone: string,
): FollowUpSuggestion[] => {
  const today = dateInZone(now, zone);
  const due: FollowUpSuggestion[] = [];
  for (const person of people) {
    if (person.deletedAt !== null) continue;
    const lastContactedAt = lastContacted.get(person.id) ?? null;
    const dueSince = contactDueDay(person, lastContactedAt, zone);
    if (dueSince === null || dueSince > today) continue;
    due.push({ id: person.id, lastContactedAt, dueSince, daysOverdue: dayNumber(today) - dayNumber(dueSince) });
  }
  return due.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
};
