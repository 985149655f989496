/**
 * A task's due date and time are wall-clock values in a named zone; indexes and alarms need
 * the instant. Intl knows every zone's offsets, so no zone table is shipped.
 */
import type { FieldsByKind, RecordKind } from '../records/types';

/** What of a task's due time is kept in the clear, so the background can schedule and count without the key. */
export interface TaskDue {
  /** The due instant: the given time, or the start of the due day when there is none (ms since epoch). */
  readonly at: number;
  /** The instant to remind at; null for a task due "some time that day". */
  readonly remindAt: number | null;
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `instant`, in ms (Berlin in summer: +7,200,000). */
export const zoneOffsetAt = (instant: number, zone: string): number => {
  let format = partsFormat.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    partsFormat.set(zone, format);
  }
  const part = (parts: Intl.DateTimeFormatPart[], type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const parts = format.formatToParts(new Date(instant));
  const asUtc = Date.UTC(part(parts, 'year'), part(parts, 'month') - 1, part(parts, 'day'),
    part(parts, 'hour'), part(parts, 'minute'), part(parts, 'second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
};

/**
 * The instant a wall-clock date and time name in `zone`. A time skipped by a daylight-saving
 * change reads as the same wall time after the change; a repeated one as its first occurrence.
 */
export const wallTimeToInstant = (date: string, time: string, zone: string): number => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const DAY = 86_400_000;
  // The zone's offsets a day either side bracket any change on this day.
  const before = zoneOffsetAt(wall - DAY, zone);
  const after = zoneOffsetAt(wall + DAY, zone);
  const readings = [wall - before, wall - after].sort((a, b) => a - b);
  const shown = readings.find((instant) => instant + zoneOffsetAt(instant, zone) === wall);
  // No reading shows this wall time: it fell in a skipped hour, so it reads with the offset before the change.
  return shown ?? wall - before;
};

/** The calendar date (YYYY-MM-DD) of `instant` in `zone`. */
export const dateInZone = (instant: number, zone: string): string => {
  const offset = zoneOffsetAt(instant, zone);
  return new Date(instant + offset).toISOString().slice(0, 10);
};

/** The clear due facts of an open task with a due date; undefined for any other record. */
export const taskDueOf = <K extends RecordKind>(kind: K, fields: FieldsByKind[K]): TaskDue | undefined => {
  if (kind !== 'task') return undefined;
  const task = fields as FieldsByKind['task'];
  if (task.doneAt !== null || task.dueDate === null) return undefined;
  const at = wallTimeToInstant(task.dueDate, task.dueTime ?? '00:00', task.timeZone);
  return { at, remindAt: task.dueTime === null ? null : at };
};
