/**
 * Tracks: named lists of tasks with offsets in days ("Onboarding: call on day 1, email on
 * day 7, review on day 30"), kept in the settings row so they travel with backups and
 * snapshots. Applying one to a case or opportunity makes its tasks; completing a task of a
 * track can start the next step.
 */
import * as v from 'valibot';
import type { RecordId, TaskFields } from '../records/types';
import { dateInZone } from '../tasks/due-instant';

export const MAX_TRACKS = 100;
export const MAX_TRACK_STEPS = 50;
/** Offsets beyond ten years are a typing slip, not a plan. */
export const MAX_OFFSET_DAYS = 3650;

export const TrackStepSchema = v.object({
  description: v.pipe(v.string(), v.trim(), v.minLength(1, 'step-description-missing'), v.maxLength(500, 'step-description-too-long')),
  category: v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(100, 'step-category-too-long')),
  offsetDays: v.pipe(v.number('not-an-offset'), v.integer('not-an-offset'), v.minValue(0, 'not-an-offset'), v.maxValue(MAX_OFFSET_DAYS, 'not-an-offset')),
});

export const TrackSchema = v.object({
  /** Stable, so tasks made from it (their `trackId`) still find it after its name changes. */
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'track-name-missing'), v.maxLength(200, 'track-name-too-long')),
  steps: v.pipe(v.array(TrackStepSchema), v.minLength(1, 'track-without-steps'), v.maxLength(MAX_TRACK_STEPS, 'too-many-steps')),
});

/** Stored settings from before tracks existed have none. */
export const TracksSchema = v.pipe(v.optional(v.array(TrackSchema), []), v.maxLength(MAX_TRACKS, 'too-many-tracks'));

export type TrackStep = v.InferOutput<typeof TrackStepSchema>;
export type Track = v.InferOutput<typeof TrackSchema>;

const DAY_MS = 86_400_000;

/** `date` (YYYY-MM-DD) moved by whole calendar days; the calendar, not a zone, so no daylight-saving day is short. */
export const addDays = (date: string, days: number): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
};

/** The task a step becomes when its track is applied on `today` (YYYY-MM-DD in the device's zone). */
export const taskForStep = (
  track: Track, step: TrackStep, recordId: RecordId, today: string, timeZone: string, assignee: string,
): TaskFields => ({
  description: step.description,
  recordId,
  dueDate: addDays(today, step.offsetDays),
  dueTime: null,
  timeZone,
  category: step.category,
  assignee,
  doneAt: null,
  trackId: track.id,
});

/** Every step's task, in the track's order. */
export const tasksForTrack = (
  track: Track, recordId: RecordId, today: string, timeZone: string, assignee: string,
): TaskFields[] => track.steps.map((step) => taskForStep(track, step, recordId, today, timeZone, assignee));

/** What completing a task of a track starts: the step after it, due its offset's gap after the completed one's. */
export interface NextTrackStep {
  readonly step: TrackStep;
  /** The task to create: same record, zone and assignee as the completed one. */
  readonly task: TaskFields;
}

/**
 * The step that follows `completed` in `track`, as a task due the steps' offset gap after the
 * day the completed task was done (in its zone); null when the task is not of this track, its
 * step is no longer in the track, or it was the last step. The completed task is matched to its
 * step by description, the first step of that description from the track's start.
 */
export const nextTrackStep = (track: Track, completed: TaskFields): NextTrackStep | null => {
  if (completed.trackId !== track.id || completed.doneAt === null || completed.recordId === null) return null;
  const index = track.steps.findIndex((step) => step.description === completed.description);
  const current = track.steps[index];
  const step = track.steps[index + 1];
  if (index < 0 || !current || !step) return null;
  const doneDayInZone = dateInZone(completed.doneAt, completed.timeZone);
  const task: TaskFields = {
    ...taskForStep(track, step, completed.recordId, doneDayInZone, completed.timeZone, completed.assignee),
    dueDate: addDays(doneDayInZone, step.offsetDays - current.offsetDays),
  };
  return { step, task };
};

/**
 * Whether the next step still needs its task: applying a track makes every step's task at
 * once, so the next one usually exists already (open or done) on the record; a step removed
 * and added again, or a track applied before the step existed, does not.
 */
export const nextStepIsMissing = (next: NextTrackStep, tasksOnRecord: readonly TaskFields[]): boolean =>
  !tasksOnRecord.some((task) => task.trackId === next.task.trackId && task.description === next.task.description);
