/**
 * A reminder's words. Names come only from decrypted records, so only while unlocked; locked,
 * the text is a count read from the clear index.
 */
import type { ValueCodec } from '../../core/codec';
import { recordFromRow } from '../../core/db/record-rows';
import { titleOf } from '../../core/records/display';
import type { LocketDatabase } from '../../core/db/schema';
import type { RecordId } from '../../core/records/types';

/** The notifications' words, handed in by the background's entrypoint (words live at the UI edge). */
export interface ReminderWords {
  readonly reminderTitle: string;
  readonly tasks: string;
  readonly tasksDue: (count: number) => string;
  readonly morningSummary: (overdue: number, today: number) => string;
}

export interface ReminderNote {
  /** The record a click opens; null for a task of its own or a locked count. */
  readonly recordId: RecordId | null;
  readonly title: string;
  readonly message: string;
}

/** "Call Anna Schmidt — Müller GmbH": the task, then the record it is about. */
export const namedReminder = async (db: LocketDatabase, codec: ValueCodec, taskId: RecordId, words: ReminderWords): Promise<ReminderNote | null> => {
  const row = await db.get('records', taskId);
  if (!row || row.deletedAt !== null) return null;
  const task = await recordFromRow(codec, row);
  if (task.kind !== 'task') return null;
  const ownerRow = task.fields.recordId ? await db.get('records', task.fields.recordId) : undefined;
  const owner = ownerRow && ownerRow.deletedAt === null ? await recordFromRow(codec, ownerRow) : null;
  const message = owner ? `${task.fields.description} — ${titleOf(owner)}` : task.fields.description;
  return { recordId: owner?.id ?? null, title: words.reminderTitle, message };
};

/** While locked: only how many are due, no names. */
export const lockedReminder = (count: number, words: ReminderWords): ReminderNote =>
  ({ recordId: null, title: 'Locket', message: words.tasksDue(count) });
