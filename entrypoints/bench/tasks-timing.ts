import { browser } from 'wxt/browser';
import { changeAad, recordAad } from '../../core/codec';
import { LOCKET_DB_NAME } from '../../core/db/db-name';
import type { RecordId } from '../../core/records/types';
import type { StoredChangeSet, StoredRecord } from '../../core/db/rows';
import { TIMELINE_PAGE_SIZE } from '../../core/timeline/timeline';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import { REMINDER_ALARM, runReminderRound } from '../../platform/tasks/task-reminders';
import { requestOpen } from '../../platform/side-panel/open-requests';
import { TASK_WORDS } from '../../components/shared/messages/task-words';
import type { ReminderReport, TimelineFloorReport } from '../../test/bench/bench-api';
import { sessionAccountKey } from './bench-account';

/** Where the background's last round stopped (platform/tasks/task-reminders.ts). */
const REMINDED_THROUGH_KEY = 'locket:reminded-through';

const request = <T>(req: IDBRequest<T>): Promise<T> => new Promise((resolve, reject) => {
  req.addEventListener('success', () => resolve(req.result));
  req.addEventListener('error', () => reject(req.error ?? new Error('request failed')));
});

const openBare = (): Promise<IDBDatabase> => request(indexedDB.open(LOCKET_DB_NAME));

/** The first `count` values of a cursor over `source` in `direction`. */
const firstValues = (source: IDBIndex, query: IDBValidKey, direction: IDBCursorDirection, count: number): Promise<unknown[]> =>
  new Promise((resolve, reject) => {
    const values: unknown[] = [];
    const cursorRequest = source.openCursor(query, direction);
    cursorRequest.addEventListener('success', () => {
      const cursor = cursorRequest.result;
      if (!cursor || values.length >= count) { resolve(values); return; }
      values.push(cursor.value);
      cursor.continue();
    });
    cursorRequest.addEventListener('error', () => reject(cursorRequest.error ?? new Error('cursor failed')));
  });

/**
 * The background's round as it runs after unlock (the last round just before, so nothing fell
 * due in between): from the call until the alarm for the next reminder is set. Then the floor:
 * the same two reads of the clear `remind` index with bare IndexedDB. Alternates, `runs` times.
 */
export const timeReminders = async (runs: number): Promise<ReminderReport> => {
  const roundMs: number[] = [];
  const floorMs: number[] = [];
  let alarmAt: number | null = null;
  let reminders = 0;
  for (let run = 0; run < runs; run += 1) {
    await browser.alarms.clear(REMINDER_ALARM);
    await browser.storage.local.set({ [REMINDED_THROUGH_KEY]: Date.now() });
    const started = performance.now();
    await runReminderRound(TASK_WORDS);
    roundMs.push(performance.now() - started);
    alarmAt = (await browser.alarms.get(REMINDER_ALARM))?.scheduledTime ?? null;

    const db = await openBare();
    try {
      const floorStarted = performance.now();
      const now = Date.now();
      const index = db.transaction('records').objectStore('records').index('remind');
      const [due, next] = await Promise.all([
        request(index.getAllKeys(IDBKeyRange.bound(now - 1, now, true, false))),
        request(index.openKeyCursor(IDBKeyRange.lowerBound(now, true))),
      ]);
      floorMs.push(performance.now() - floorStarted);
      // The round read the same: a next reminder there means an alarm must have been set.
      if (next && alarmAt === null) throw new Error(`The round set no alarm, though the next reminder is at ${String(next.key)} (${due.length} due)`);
      reminders = await request(db.transaction('records').objectStore('records').index('remind').count());
    } finally {
      db.close();
    }
  }
  return { roundMs, floorMs, alarmAt, reminders };
};

/**
 * The floor for the timeline's first screen: one page of the record's newest dependents (the
 * clear link index) and newest change sets (the change log's record index, newest first), read
 * with bare IndexedDB and decrypted with the account's codec. Nothing sorted or drawn.
 */
export const timeTimelineFloor = async (id: RecordId): Promise<TimelineFloorReport> => {
  const codec = createAesGcmCodec(await sessionAccountKey());
  const db = await openBare();
  try {
    const started = performance.now();
    const tx = db.transaction(['records', 'changes']);
    const [rows, sets] = await Promise.all([
      firstValues(tx.objectStore('records').index('byLink'), id, 'prev', TIMELINE_PAGE_SIZE),
      firstValues(tx.objectStore('changes').index('byRecord'), id, 'prev', TIMELINE_PAGE_SIZE),
    ]) as [StoredRecord[], StoredChangeSet[]];
    await Promise.all([
      codec.decodeMany(rows.map((row) => row.body), rows.map(recordAad)),
      codec.decodeMany(sets.map((set) => set.values), sets.map((set) => changeAad(set.hlc))),
    ]);
    return { ms: performance.now() - started, rows: rows.length + sets.length };
  } finally {
    db.close();
  }
};

/** Asks the side panel (open now or opened next) to show record `id`, as a reminder's click does. */
export const openInSidePanel = (id: RecordId): Promise<void> => requestOpen(id);
