/**
 * The background's reminders. One `chrome.alarms` alarm waits for the next reminder instant,
 * read from the clear `remind` index (no key needed), and is set again after every round, on
 * startup, on unlock and whenever a page announces a task change. A second alarm shows the
 * morning summary. Names appear only while unlocked: the session key decrypts the task; locked,
 * a notification says only how many tasks are due.
 */
import { browser } from 'wxt/browser';
import { createBroadcastBus } from '../../core/db/broadcast-bus';
import { LOCKET_DB_NAME } from '../../core/db/db-name';
import { openLocketDb, type LocketDatabase } from '../../core/db/schema';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import { dueByEndOfToday, MAX_NAMED_REMINDERS, nextSummaryAt, reminderRound } from '../../core/tasks/reminder-plan';
import { onSessionChange, readSessionKeys } from '../session/session';
import { requestOpen } from '../side-panel/open-requests';
import { openSidePanel } from '../side-panel/open-side-panel';
import { namedReminder, lockedReminder, type ReminderNote, type ReminderWords } from './reminder-text';
import { onMorningSummaryChange, readMorningSummary } from './morning-summary-setting';
import { deviceTimeZone } from '../../core/tasks/device-zone';

export const REMINDER_ALARM = 'locket:task-reminder';
export const SUMMARY_ALARM = 'locket:task-summary';
/** Notification ids: a reminder carries the record a click opens. */
const REMINDER_PREFIX = 'locket-task:';
const SUMMARY_ID = 'locket-task-summary';
/** Where the last round stopped: reminders up to here were shown (local storage, a time only). */
const REMINDED_THROUGH_KEY = 'locket:reminded-through';
/** The notification's picture (public/): Chromium refuses a basic notification without one. */
const ICON = '/notification-icon.png';


const withDb = async <T>(work: (db: LocketDatabase) => Promise<T>): Promise<T> => {
  // Opened per round and closed after it, so the background never holds up a page's schema upgrade.
  const db = await openLocketDb(indexedDB, LOCKET_DB_NAME);
  try {
    return await work(db);
  } finally {
    db.close();
  }
};

const show = async (id: string, note: ReminderNote): Promise<void> => {
  await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL(ICON), title: note.title, message: note.message });
};

/** Names each reminder while unlocked (up to a few, then a count); locked, only the count. */
const notifyDue = async (db: LocketDatabase, due: readonly string[], words: ReminderWords): Promise<void> => {
  const keys = await readSessionKeys();
  if (!keys) {
    await show(`${REMINDER_PREFIX}`, lockedReminder(due.length, words));
    return;
  }
  const codec = createAesGcmCodec(keys.accountKey);
  for (const id of due.slice(0, MAX_NAMED_REMINDERS)) {
    const note = await namedReminder(db, codec, id, words);
    if (note) await show(`${REMINDER_PREFIX}${note.recordId ?? ''}:${id}`, note);
  }
  if (due.length > MAX_NAMED_REMINDERS) await show(`${REMINDER_PREFIX}more`, lockedReminder(due.length - MAX_NAMED_REMINDERS, words));
};

/**
 * One round: shows what fell due since the last one, then arms the alarm for the next reminder.
 * Exported for the bench, which times it as the background runs it after unlock.
 */
export const runReminderRound = async (words: ReminderWords): Promise<void> => {
  const now = Date.now();
  const stored = (await browser.storage.local.get(REMINDED_THROUGH_KEY))[REMINDED_THROUGH_KEY];
  // A first round ever reminds of nothing past: it only arms the next.
  const through = typeof stored === 'number' && stored <= now ? stored : now;
  await withDb(async (db) => {
    const { due, nextAt } = await reminderRound(db, through, now);
    await browser.storage.local.set({ [REMINDED_THROUGH_KEY]: now });
    if (due.length > 0) await notifyDue(db, due, words);
    if (nextAt === null) await browser.alarms.clear(REMINDER_ALARM);
    else await browser.alarms.create(REMINDER_ALARM, { when: nextAt });
  });
};

const summaryRound = async (fire: boolean, words: ReminderWords): Promise<void> => {
  const setting = await readMorningSummary();
  if (fire && setting.enabled) {
    const counts = await withDb((db) => dueByEndOfToday(db, Date.now(), deviceTimeZone()));
    if (counts.overdue + counts.today > 0) {
      await show(SUMMARY_ID, { recordId: null, title: words.tasks, message: words.morningSummary(counts.overdue, counts.today) });
    }
  }
  if (setting.enabled) await browser.alarms.create(SUMMARY_ALARM, { when: nextSummaryAt(setting.time, Date.now(), deviceTimeZone()) });
  else await browser.alarms.clear(SUMMARY_ALARM);
};

/** The window a click opens the side panel in: the last one focused, known before the click (the open must not wait). */
let lastWindowId: number | undefined;

/** A click opens the side panel on the task's record; where the browser refuses (no gesture), a tab with the same page. */
const openFromNotification = (notificationId: string): void => {
  const recordId = notificationId.startsWith(REMINDER_PREFIX) ? notificationId.slice(REMINDER_PREFIX.length).split(':')[0] ?? '' : '';
  const opening = lastWindowId === undefined ? Promise.reject(new Error('no window')) : openSidePanel(lastWindowId);
  void Promise.allSettled([opening, recordId && recordId !== 'more' ? requestOpen(recordId) : undefined]).then(async ([opened]) => {
    if (opened.status === 'rejected') await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
    await browser.notifications.clear(notificationId);
  });
};

export const startTaskReminders = (words: ReminderWords): void => {
  let running: Promise<void> | null = null;
  let again = false;
  /** Rounds never overlap; a change during one runs one more after it. */
  const remind = (): void => {
    if (running) { again = true; return; }
    running = runReminderRound(words)
      .catch((error: unknown) => console.warn('Locket reminders did not run:', error))
      .finally(() => {
        running = null;
        if (again) { again = false; remind(); }
      });
  };
  const summary = (fire: boolean): void => { void summaryRound(fire, words).catch((error: unknown) => console.warn('Locket morning summary did not run:', error)); };

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) remind();
    if (alarm.name === SUMMARY_ALARM) summary(true);
  });
  browser.notifications.onClicked.addListener(openFromNotification);
  browser.windows.onFocusChanged.addListener((windowId) => { if (windowId !== browser.windows.WINDOW_ID_NONE) lastWindowId = windowId; });
  void browser.windows.getLastFocused().then((window) => { lastWindowId ??= window.id; }).catch(() => undefined);
  // A page's task write announces itself on the change channel: the next reminder may have moved.
  createBroadcastBus().subscribe((change) => { if (change.kinds.includes('task') || change.purged) remind(); });
  // Unlocked, names become available; a restore or a sync while away may have brought tasks.
  onSessionChange(remind);
  onMorningSummaryChange(() => summary(false));
  remind();
  summary(false);
};
