import type { Locator, Page } from '@playwright/test';
import { expect, pageErrors, test } from './fixtures';
import {
  DEFAULT_OWNER, POPUP_VIEWPORT, SIDE_PANEL_VIEWPORT, createAccount, createRecord, field, listedCount, lockedHeading,
  recordList, setupHeading, showTab, surfaceElement,
} from './ui';
import { addVirtualAuthenticator } from './vault-helpers';

/**
 * Account cancellation end to end: the settings page's danger zone cancels with the password,
 * every open page then shows only "restore account", and the password brings everything back.
 */

const OPTIONS_VIEWPORT = { width: 960, height: 900 } as const;
const DAY_MS = 24 * 60 * 60 * 1000;
const THROTTLED = /^Too many failed attempts\. Try again in (\d+) s\.$/;

const dangerZone = (page: Page): Locator => page.getByRole('region', { name: 'Danger zone', exact: true });
const cancelledHeading = (page: Page): Locator => page.getByRole('heading', { name: 'This account is cancelled', exact: true });
const restoreForm = (page: Page): Locator => page.getByRole('form', { name: 'Restore account' });

/**
 * Submits a password form and returns its refusal, or '' once `done` shows. A wrong password
 * a moment before may make this attempt wait: like a user, it waits as told and tries again.
 */
const submitPassword = async (form: Locator, label: string, password: string, button: string, done: Locator): Promise<string> => {
  for (;;) {
    await field(form, label).fill(password);
    await form.getByRole('button', { name: button, exact: true }).click();
    const alert = form.getByRole('alert');
    await expect(done.or(alert)).toBeVisible({ timeout: 20_000 });
    if (await done.isVisible()) return '';
    const message = (await alert.textContent())?.trim() ?? '';
    const wait = THROTTLED.exec(message);
    if (!wait) return message;
    await form.page().waitForTimeout(Number(wait[1]) * 1000);
  }
};

const expectCancelled = async (page: Page): Promise<void> => {
  await expect(cancelledHeading(page)).toBeVisible();
  await expect(page.getByText(/It will be deleted for good on .+ \(14 days left\)\./)).toBeVisible();
  await expect(restoreForm(page)).toBeVisible();
  await expect(surfaceElement(page)).toHaveCount(0);
  await expect(lockedHeading(page)).toHaveCount(0);
};

/** Cancels from the settings page's danger zone with the owner's password. */
const cancelAccount = async (options: Page, password = DEFAULT_OWNER.password): Promise<string> => {
  const danger = dangerZone(options);
  const form = danger.getByRole('form', { name: 'Cancel account' });
  if (!(await form.isVisible())) {
    await danger.getByRole('button', { name: 'Cancel account…' }).click();
  }
  return submitPassword(form, 'Current password', password, 'Cancel my account', cancelledHeading(options));
};

/** Opens the account in the options page, the side panel and the popup, with three people in it. */
const accountWithRecords = async (openSurface: (surface: 'options' | 'sidepanel' | 'popup') => Promise<Page>) => {
  const options = await openSurface('options');
  await options.setViewportSize(OPTIONS_VIEWPORT);
  await createAccount(options);
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  for (const [first, last] of [['Ada', 'Lovelace'], ['Grace', 'Hopper'], ['Alan', 'Turing']] as const) {
    await createRecord(panel, 'People', 'person', { 'First name': first, 'Last name': last });
  }
  const popup = await openSurface('popup');
  await popup.setViewportSize(POPUP_VIEWPORT);
  await expect(surfaceElement(popup)).toBeVisible();
  return { options, panel, popup, pages: [options, panel, popup] };
};

test('cancelling hides the account on every page; the password restores it with its records', async ({ openSurface, saveScreenshot }) => {
  test.setTimeout(120_000);
  const { options, panel, popup, pages } = await accountWithRecords(openSurface);

  await test.step('the danger zone says what happens and refuses a wrong password', async () => {
    const danger = dangerZone(options);
    await danger.scrollIntoViewIfNeeded();
    await expect(danger).toContainText('can be undone for 14 days');
    await expect(danger).toContainText('deletes everything for good');
    expect(await cancelAccount(options, 'not my password at all')).toBe('Wrong password.');
    await expect(surfaceElement(options)).toBeVisible();
    await expect(surfaceElement(panel)).toBeVisible();
    await saveScreenshot(options, 'cancel-danger-zone-refused');
  });

  await test.step('cancelled with the password: every page shows only the cancelled screen', async () => {
    expect(await cancelAccount(options)).toBe('');
    for (const page of pages) await expectCancelled(page);
    await expect(panel.getByText('Lovelace')).toHaveCount(0);
    await saveScreenshot(options, 'cancel-options-cancelled');
    await saveScreenshot(panel, 'cancel-sidepanel-cancelled');
    await saveScreenshot(popup, 'cancel-popup-cancelled');
    // A page opened afterwards does too.
    await panel.reload();
    await expectCancelled(panel);
  });

  await test.step('a wrong password does not restore it', async () => {
    const refusal = await submitPassword(restoreForm(popup), 'Password', 'violet tundra harbour 24', 'Restore account', surfaceElement(popup));
    expect(refusal).toBe('Wrong password.');
    for (const page of pages) await expectCancelled(page);
    await saveScreenshot(popup, 'cancel-restore-refused');
  });

  await test.step('the password restores it: every page opens, with the records', async () => {
    expect(await submitPassword(restoreForm(panel), 'Password', DEFAULT_OWNER.password, 'Restore account', surfaceElement(panel))).toBe('');
    for (const page of pages) {
      await expect(surfaceElement(page)).toBeVisible();
      await expect(cancelledHeading(page)).toHaveCount(0);
    }
    await showTab(panel, 'People');
    expect(await listedCount(panel, 'People')).toBe(3);
    await expect(recordList(panel, 'People').getByRole('button', { name: 'Open Ada Lovelace', exact: true })).toBeVisible();
    await saveScreenshot(panel, 'cancel-restored-sidepanel');
  });
  for (const page of pages) expect(pageErrors(page)).toEqual([]);
});

/**
 * Moves the cancellation back in time, as if it had been made `days` ago, and the account's
 * creation a day before that: a cancellation dated before the account existed counts as made now.
 */
const backdateCancellation = (page: Page, days: number): Promise<void> =>
  page.evaluate(async ({ cancelledAt, dayMs }) => {
    const request = <T>(req: IDBRequest<T>): Promise<T> => new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const db = await request(indexedDB.open('locket'));
    try {
      const tx = db.transaction(['meta', 'vault'], 'readwrite');
      const vault = await request(tx.objectStore('vault').get('vault')) as Record<string, unknown>;
      await request(tx.objectStore('vault').put({ ...vault, createdAt: cancelledAt - dayMs }, 'vault'));
      await request(tx.objectStore('meta').put({ cancelledAt }, 'account-cancellation'));
    } finally {
      db.close();
    }
  }, { cancelledAt: Date.now() - days * DAY_MS, dayMs: DAY_MS });

test('after 14 days nothing can be restored; once the database is deleted every page offers setup', async ({ openSurface, saveScreenshot }) => {
  test.setTimeout(120_000);
  const { options, panel, popup, pages } = await accountWithRecords(openSurface);
  expect(await cancelAccount(options)).toBe('');
  for (const page of pages) await expectCancelled(page);

  await test.step('on day 15 the cancelled screen offers no restore', async () => {
    await backdateCancellation(panel, 15);
    await panel.reload();
    await expect(cancelledHeading(panel)).toBeVisible();
    await expect(panel.getByText(/The 14 days to restore it have passed/)).toBeVisible();
    await expect(restoreForm(panel)).toHaveCount(0);
    await saveScreenshot(panel, 'cancel-day-15');
  });

  await test.step('the database deleted under open pages: each opens a fresh one and shows setup', async () => {
    // What the sweep does after 14 days; open connections close themselves on versionchange.
    await panel.evaluate(() => new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase('locket');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    }));
    for (const page of pages) {
      await expect(setupHeading(page)).toBeVisible();
      await expect(cancelledHeading(page)).toHaveCount(0);
    }
    await saveScreenshot(popup, 'cancel-deleted-setup');
  });
  for (const page of pages) expect(pageErrors(page)).toEqual([]);
});

test('with two-factor on, cancelling and restoring each need the security key too', async ({ context, openSurface, saveScreenshot }) => {
  test.setTimeout(120_000);
  const options = await openSurface('options');
  await options.setViewportSize(OPTIONS_VIEWPORT);
  await createAccount(options);
  // The virtual authenticator answers in this tab only: the cancel and the restore happen here.
  await addVirtualAuthenticator(context, options, { prf: true });
  const addKey = options.getByRole('form', { name: 'Add a security key or passkey' });
  await addKey.getByLabel('Key name').fill('Laptop passkey');
  await field(addKey, 'Current password').fill(DEFAULT_OWNER.password);
  await addKey.getByRole('button', { name: 'Add key' }).click();
  await options.getByRole('button', { name: 'I have saved these codes' }).click({ timeout: 20_000 });

  await test.step('password and key cancel it; the cancelled screen asks for both back', async () => {
    await dangerZone(options).getByRole('button', { name: 'Cancel account…' }).click();
    await expect(dangerZone(options)).toContainText('Confirm with your password, then your security key.');
    expect(await cancelAccount(options)).toBe('');
    await expectCancelled(options);
    await expect(options.getByText('After your password, Locket asks for your security key.')).toBeVisible();
    await saveScreenshot(options, 'cancel-two-factor-cancelled');
  });

  await test.step('password and key restore it', async () => {
    expect(await submitPassword(restoreForm(options), 'Password', DEFAULT_OWNER.password, 'Restore account', surfaceElement(options))).toBe('');
    await expect(cancelledHeading(options)).toHaveCount(0);
  });
  expect(pageErrors(options)).toEqual([]);
});
