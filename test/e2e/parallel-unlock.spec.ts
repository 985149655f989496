import type { Locator, Page } from '@playwright/test';
import { expect, pageErrors, test } from './fixtures';
import { DEFAULT_OWNER, createAccount, field, lockedHeading, surfaceElement, unlock } from './ui';
import { recordedFailures } from './vault-helpers';

/**
 * Wrong passwords sent at the same moment from several of Locket's pages: each page unlocks
 * on its own, so only a lock across the whole profile keeps them from all being checked
 * against the same failure count.
 */

const WRONG = 'tundra violet 42 harbour';
const THROTTLED = /^Too many failed attempts\. Try again in \d+ s\.$/;

const lockScreenAlert = (page: Page): Locator => page.locator('locket-unlock').getByRole('alert');
const unlockButton = (page: Page): Locator => page.getByRole('button', { name: 'Unlock', exact: true });
const loginRows = (page: Page): Locator => page.getByRole('table', { name: /^Recent logins/ }).getByRole('row');

/** Waits until the lock screen has answered (the button reads "Unlock" again) and returns its message. */
const answerOf = async (page: Page): Promise<string> => {
  await expect(unlockButton(page)).toBeEnabled({ timeout: 30_000 });
  await expect(lockScreenAlert(page)).toBeVisible();
  return (await lockScreenAlert(page).textContent())?.trim() ?? '';
};

test('wrong passwords sent at once from several pages are each counted, or refused unchecked', async ({ openSurface }) => {
  const options = await openSurface('options');
  await createAccount(options);
  await options.getByRole('button', { name: 'Lock now' }).click();
  await expect(lockedHeading(options)).toBeVisible();
  const pages = [options, await openSurface('options'), await openSurface('popup'), await openSurface('sidepanel')];

  const answers = await test.step('every page sends a wrong password at the same moment', async () => {
    for (const page of pages) {
      await expect(lockedHeading(page)).toBeVisible();
      await field(page, 'Password').fill(WRONG);
    }
    // A plain click event: an ordinary click waits for each background tab's next frame, which
    // would spread the attempts out over a second or more.
    await Promise.all(pages.map((page) => unlockButton(page).dispatchEvent('click')));
    return Promise.all(pages.map(answerOf));
  });
  const checked = answers.filter((answer) => answer === 'Wrong password.').length;
  const slowed = answers.filter((answer) => THROTTLED.test(answer)).length;

  await test.step('one password is checked and counted; the others wait their turn and meet its wait', async () => {
    expect(checked + slowed).toBe(pages.length);
    expect(checked).toBe(1);
    expect(await recordedFailures(options.context())).toBe(checked);
  });

  await test.step('recent logins list every attempt', async () => {
    // The wait after one failure is 250 ms.
    await options.waitForTimeout(1000);
    await unlock(options, DEFAULT_OWNER.password);
    await expect(surfaceElement(options)).toBeVisible();
    const rows = loginRows(options);
    await expect(rows.filter({ hasText: 'Wrong password.' })).toHaveCount(checked);
    await expect(rows.filter({ hasText: 'Slowed down' })).toHaveCount(slowed);
    expect(await recordedFailures(options.context())).toBe(0);
  });
  for (const page of pages) expect(pageErrors(page)).toEqual([]);
});
