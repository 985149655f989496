import type { Page, Worker } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { backgroundWorker } from './launch';
import { SIDE_PANEL_VIEWPORT, createAccount, createRecord, field, unlock, DEFAULT_OWNER } from './ui';

/** What the background asked the browser to show, recorded by a wrapper around chrome.notifications.create. */
interface ShownNotification { readonly id: string; readonly title: string; readonly message: string }

type ChromeForTest = {
  readonly notifications: {
    create: (id: string, options: { title: string; message: string }) => Promise<string>;
    readonly onClicked: { readonly dispatch: (id: string) => void };
  };
  readonly alarms: {
    readonly get: (name: string) => Promise<{ scheduledTime: number } | undefined>;
    readonly onAlarm: { readonly dispatch: (alarm: object) => void };
  };
};
type WorkerGlobals = { chrome: ChromeForTest; shown: ShownNotification[]; realNow?: () => number };

/** Records every notification the background creates (and still lets the browser show it). */
const watchNotifications = (worker: Worker) => worker.evaluate(() => {
  const scope = globalThis as unknown as WorkerGlobals;
  scope.shown = [];
  const create = scope.chrome.notifications.create.bind(scope.chrome.notifications);
  scope.chrome.notifications.create = (id, options) => {
    scope.shown.push({ id, title: options.title, message: options.message });
    return create(id, options);
  };
});

/** Moves the background's clock `ms` ahead of the real one, then delivers the reminder alarm as the browser would at that time. */
const fireReminderAt = (worker: Worker, ms: number) => worker.evaluate((ahead) => {
  const scope = globalThis as unknown as WorkerGlobals & { Date: DateConstructor };
  scope.realNow ??= Date.now.bind(Date);
  const real = scope.realNow;
  Date.now = () => real() + ahead;
  scope.chrome.alarms.onAlarm.dispatch({ name: 'locket:task-reminder', scheduledTime: Date.now() });
}, ms);

const shown = (worker: Worker) => worker.evaluate(() => (globalThis as unknown as WorkerGlobals).shown);

/** "YYYY-MM-DD" and "HH:MM" in the browser's zone, `minutes` from now. */
const wallTimeIn = (page: Page, minutes: number) => page.evaluate((ahead) => {
  const at = new Date(Date.now() + ahead * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`, time: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
}, minutes);

const addTask = async (panel: Page, description: string, minutes: number) => {
  const due = await wallTimeIn(panel, minutes);
  await panel.getByRole('button', { name: 'Add task', exact: true }).click();
  const form = panel.getByRole('form', { name: 'New task' });
  await field(form, 'What is to be done').fill(description);
  await field(form, 'Due date').fill(due.date);
  await field(form, 'Time (optional)').fill(due.time);
  await form.getByRole('button', { name: 'Save task' }).click();
  await expect(panel.getByRole('region', { name: 'Tasks', exact: true }).getByText(description)).toBeVisible();
};

test('a task due in two minutes reminds by name, opens its record on click, and says only the count while locked', async ({
  openSurface, context, saveScreenshot,
}) => {
  test.setTimeout(120_000);
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(panel);
  const worker = await backgroundWorker(context);
  await watchNotifications(worker);

  await test.step('tasks are added from a person’s page', async () => {
    await createRecord(panel, 'People', 'person', { 'First name': 'Anna', 'Last name': 'Schmidt' });
    // The form keeps whole minutes, so "two minutes on" is due one to two minutes from now: never
    // past before the Tasks view opens, whatever the seconds (a minute on could be due within a second).
    await addTask(panel, 'Call about the offer', 2);
    // Far enough apart that the first round (three minutes on) cannot reach the second, whatever the seconds.
    await addTask(panel, 'Send the contract', 6);
    // The background armed its one alarm for the soonest reminder.
    await expect.poll(async () => (await worker.evaluate(() => (globalThis as unknown as WorkerGlobals).chrome.alarms.get('locket:task-reminder')))?.scheduledTime)
      .toBeGreaterThan(Date.now());
  });

  await test.step('the Tasks view shows them under Today with their record', async () => {
    await panel.getByRole('tab', { name: 'Tasks', exact: true }).click();
    const today = panel.getByRole('region', { name: 'Today', exact: true });
    await expect(today.getByText('Call about the offer')).toBeVisible();
    await expect(today.getByRole('button', { name: 'Anna Schmidt' }).first()).toBeVisible();
    await saveScreenshot(panel, 'tasks-view');
    await expectAccessible(panel, 'the Tasks view');
  });

  await test.step('three minutes on, the reminder names the task and its record', async () => {
    await fireReminderAt(worker, 3 * 60_000);
    await expect.poll(() => shown(worker)).toEqual([
      expect.objectContaining({ title: 'Task due', message: 'Call about the offer — Anna Schmidt' }),
    ]);
  });

  await test.step('clicking it opens Locket on the record', async () => {
    const [notification] = await shown(worker);
    // Without a user gesture the browser refuses to open the side panel, so Locket opens its page in a tab.
    const opened = context.waitForEvent('page', { predicate: (page) => page.url().endsWith('/sidepanel.html') });
    await worker.evaluate((id) => (globalThis as unknown as WorkerGlobals).chrome.notifications.onClicked.dispatch(id), notification!.id);
    const page = await opened;
    await expect(page.getByRole('heading', { level: 2, name: 'Anna Schmidt', exact: true })).toBeVisible();
    await page.close();
  });

  await test.step('locked, the next reminder says only how many tasks are due', async () => {
    await panel.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect(panel.getByRole('heading', { name: 'Locket is locked' })).toBeVisible();
    await fireReminderAt(worker, 7 * 60_000);
    await expect.poll(async () => (await shown(worker)).slice(1)).toEqual([expect.objectContaining({ message: '1 task due' })]);
    expect(JSON.stringify(await shown(worker))).not.toContain('Send the contract');
    await unlock(panel, DEFAULT_OWNER.password);
  });
});
