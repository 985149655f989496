/**
 * "A completed task can start the next": once a task made from a track is done, the track's next
 * step becomes a task on the same record, unless that step's task is already there (applying a
 * track makes every step's task at once, so this only fills in a step someone deleted).
 */
import type { RecordReads, RecordWrites } from '../record-store/contract';
import type { SettingsStore } from '../settings/contract';
import type { TaskFields } from '../records/types';
import { nextStepIsMissing, nextTrackStep } from './track';

export type NextStepStore = Pick<SettingsStore, 'getSettings'> & Pick<RecordReads, 'linkedTo'> & Pick<RecordWrites, 'create'>;

/** The next step's task when one was made, else null. */
export const startNextTrackStep = async (store: NextStepStore, done: TaskFields): Promise<TaskFields | null> => {
  if (done.trackId === null || done.recordId === null || done.doneAt === null) return null;
  const track = (await store.getSettings()).tracks?.find((candidate) => candidate.id === done.trackId);
  if (!track) return null;
  const next = nextTrackStep(track, done);
  if (!next) return null;
  const onRecord = (await store.linkedTo(done.recordId)).flatMap((record) => (record.kind === 'task' ? [record.fields] : []));
  if (!nextStepIsMissing(next, onRecord)) return null;
  const created = await store.create('task', next.task);
  return created.ok ? created.value.fields : null;
};
