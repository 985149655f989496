import type { Locator, Page } from '@playwright/test';
import { expect, pageErrors, test } from './fixtures';
import {
  DEFAULT_OWNER, POPUP_VIEWPORT, SIDE_PANEL_VIEWPORT, createAccount, createRecord, field, linkedSection, lockedHeading,
  surfaceElement, unlock,
} from './ui';
import { addVirtualAuthenticator, backdateLastActivity, rawDatabaseDump } from './vault-helpers';

/**
 * The vault end to end: keys with and without PRF, recovery codes, locking, slowed-down
 * guesses, the login log, password changes, and what IndexedDB holds at rest.
 */

const OPTIONS_VIEWPORT = { width: 960, height: 900 } as const;
const NEW_PASSWORD = 'copper lantern orchard 7';

const securitySection = (page: Page): Locator => page.getByRole('region', { name: 'Security', exact: true });
const addKeyForm = (page: Page): Locator => page.getByRole('form', { name: 'Add a security key or passkey' });
const registeredKey = (page: Page, name: string): Locator =>
  page.getByRole('list', { name: 'Registered keys' }).getByRole('listitem', { name, exact: true });
const loginRows = (page: Page): Locator => page.getByRole('table', { name: /^Recent logins/ }).getByRole('row');
const lockScreenAlert = (page: Page): Locator => page.locator('locket-unlock').getByRole('alert');

const expectLocked = async (page: Page): Promise<void> => {
  await expect(lockedHeading(page)).toBeVisible();
  await expect(surfaceElement(page)).toHaveCount(0);
};

/** Names a key and confirms with the password; the tab's authenticator creates the credential. */
const addKey = async (page: Page, name: string, password = DEFAULT_OWNER.password): Promise<void> => {
  const form = addKeyForm(page);
  await page.bringToFront();
  await form.getByLabel('Key name').fill(name);
  await field(form, 'Current password').fill(password);
  await form.getByRole('button', { name: 'Add key' }).click();
  await expect(registeredKey(page, name)).toBeVisible({ timeout: 20_000 });
  await expect(securitySection(page).getByRole('status').filter({ hasText: `Added “${name}”.` })).toBeVisible();
};

const THROTTLED = /^Too many failed attempts\. Try again in (\d+) s\.$/;

/**
 * Submits the lock screen and returns how long the page took to show its surface. After a
 * refusal a short wait may be running: like a user, it waits as long as the message says.
 */
const timedUnlock = async (page: Page, password: string): Promise<number> => {
  await expect(lockedHeading(page)).toBeVisible();
  // A message left from an earlier attempt would be read as this attempt's answer.
  await expect(lockScreenAlert(page)).toHaveCount(0);
  // WebAuthn answers only the focused tab.
  await page.bringToFront();
  await field(page, 'Password').fill(password);
  for (;;) {
    const started = Date.now();
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(surfaceElement(page).or(lockScreenAlert(page))).toBeVisible({ timeout: 20_000 });
    if (await surfaceElement(page).isVisible()) return Date.now() - started;
    const wait = THROTTLED.exec((await lockScreenAlert(page).textContent()) ?? '');
    if (!wait) throw new Error(`Unlock refused: ${await lockScreenAlert(page).textContent()}`);
    await page.waitForTimeout(Number(wait[1]) * 1000);
  }
};

const submitLockScreen = async (page: Page, password: string, code?: string): Promise<void> => {
  await page.bringToFront();
  await field(page, 'Password').fill(password);
  if (code !== undefined) await field(page, 'Recovery code').fill(code);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
};

const reportTiming = (what: string, ms: number): void => {
  test.info().annotations.push({ type: 'timing', description: `${what}: ${ms} ms` });
  console.log(`[timing] ${what}: ${ms} ms`);
};

test('keys with and without PRF each unlock, the password alone does not, and a recovery code works once', async ({
  context, openSurface, saveScreenshot,
}) => {
  test.setTimeout(120_000);
  const options = await openSurface('options');
  await options.setViewportSize(OPTIONS_VIEWPORT);
  await createAccount(options);
  const users = options.getByRole('region', { name: 'Users', exact: true });
  await expect(users.getByRole('row', { name: /Maria Schmidt/ })).toContainText('maria.schmidt@example.com');
  await expect(users.getByRole('row', { name: /Maria Schmidt/ })).toContainText(/Owner\s*Off/);
  await expect(securitySection(options)).toContainText('Two-factor: off');

  // Chromium allows one built-in authenticator per tab, so the key without PRF is a USB one.
  const passkey = await addVirtualAuthenticator(context, options, { prf: true });
  const usbKey = await addVirtualAuthenticator(context, options, { prf: false, transport: 'usb' });
  let codes: string[] = [];

  await test.step('the first key (with PRF) turns two-factor on and shows ten recovery codes once', async () => {
    await usbKey.setAnswering(false);
    await addKey(options, 'Laptop passkey');
    await usbKey.setAnswering(true);
    expect(await passkey.credentials()).toHaveLength(1);
    expect(await usbKey.credentials()).toHaveLength(0);
    await expect(registeredKey(options, 'Laptop passkey')).toContainText('Protects the data itself');
    await expect(securitySection(options)).toContainText('Two-factor: on');
    const box = options.getByRole('region', { name: 'Your recovery codes' });
    await expect(box).toContainText('Shown only this once');
    codes = await box.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents();
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    expect(new Set(codes).size).toBe(10);
    const [download] = await Promise.all([options.waitForEvent('download'), box.getByRole('button', { name: 'Download as text' }).click()]);
    expect(download.suggestedFilename()).toBe('locket-recovery-codes.txt');
    const saved = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks).toString('utf8');
    });
    for (const code of codes) expect(saved).toContain(code);
  });

  await test.step('a second key (without PRF) is checked at unlock; no new codes appear', async () => {
    await passkey.setAnswering(false);
    await addKey(options, 'Blue YubiKey');
    await passkey.setAnswering(true);
    expect(await usbKey.credentials()).toHaveLength(1);
    await expect(registeredKey(options, 'Blue YubiKey')).toContainText('Checked at unlock');
    await expect(registeredKey(options, 'Blue YubiKey')).toContainText('Not used yet');
    await expect(options.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveText(codes);
    await expect(securitySection(options)).toContainText('10 of 10 recovery codes unused.');
    await saveScreenshot(options, 'vault-security-keys-and-codes');
    await options.getByRole('button', { name: 'I have saved these codes' }).click();
    await expect(options.getByRole('region', { name: 'Your recovery codes' })).toHaveCount(0);
    await options.reload();
    await expect(registeredKey(options, 'Blue YubiKey')).toBeVisible();
    await expect(options.getByRole('region', { name: 'Your recovery codes' })).toHaveCount(0);
    await expect(users.getByRole('row', { name: /Maria Schmidt/ })).toContainText('On (2 keys)');
    await saveScreenshot(options, 'vault-users');
  });

  await test.step('with a key registered, the password alone is refused', async () => {
    await options.getByRole('button', { name: 'Lock now' }).click();
    await expectLocked(options);
    await expect(options.getByText('After your password, Locket asks for your security key.')).toBeVisible();
    await saveScreenshot(options, 'vault-lock-screen-with-key');
    // A tab whose only authenticator holds none of the account's keys: the key prompt fails.
    const panel = await openSurface('sidepanel');
    await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
    await addVirtualAuthenticator(context, panel, { prf: true });
    await submitLockScreen(panel, DEFAULT_OWNER.password);
    await expect(lockScreenAlert(panel)).toHaveText('The security key request was cancelled or timed out. Please try again.');
    await expectLocked(panel);
    // A registered key that cannot verify its user is refused the same way.
    await passkey.setUserVerified(false);
    await usbKey.setUserVerified(false);
    await options.bringToFront();
    await submitLockScreen(options, DEFAULT_OWNER.password);
    await expect(lockScreenAlert(options)).toHaveText('The security key request was cancelled or timed out. Please try again.');
    await expectLocked(options);
    await passkey.setUserVerified(true);
    await usbKey.setUserVerified(true);
    await panel.close();
    await options.reload();
  });

  await test.step('each key unlocks on its own', async () => {
    await usbKey.setAnswering(false);
    reportTiming('unlock with password + PRF passkey', await timedUnlock(options, DEFAULT_OWNER.password));
    await usbKey.setAnswering(true);
    await expect(loginRows(options).nth(1)).toContainText('Password, Security key “Laptop passkey”');
    await expect(registeredKey(options, 'Laptop passkey')).toContainText('Last used');
    await expect(registeredKey(options, 'Blue YubiKey')).toContainText('Not used yet');

    await options.getByRole('button', { name: 'Lock now' }).click();
    await passkey.setAnswering(false);
    reportTiming('unlock with password + security key without PRF', await timedUnlock(options, DEFAULT_OWNER.password));
    await passkey.setAnswering(true);
    await expect(loginRows(options).nth(1)).toContainText('Password, Security key “Blue YubiKey”');
    await expect(registeredKey(options, 'Blue YubiKey')).toContainText('Last used');
  });

  await test.step('a recovery code unlocks once; the same code is refused the second time', async () => {
    const code = codes[3]!;
    await options.getByRole('button', { name: 'Lock now' }).click();
    await expectLocked(options);
    await options.getByRole('button', { name: 'Use a recovery code' }).click();
    await submitLockScreen(options, DEFAULT_OWNER.password, code.toLowerCase());
    await expect(surfaceElement(options)).toBeVisible();
    await expect(securitySection(options)).toContainText('9 of 10 recovery codes unused.');

    await options.getByRole('button', { name: 'Lock now' }).click();
    await expectLocked(options);
    await options.getByRole('button', { name: 'Use a recovery code' }).click();
    await submitLockScreen(options, DEFAULT_OWNER.password, code);
    await expect(lockScreenAlert(options)).toHaveText('That recovery code was used before; each works once.');
    await expectLocked(options);
    // Nothing typed is lost on a refusal.
    await expect(field(options, 'Recovery code')).toHaveValue(code);
  });

  await test.step('recent logins list every attempt with its factors', async () => {
    await options.getByRole('button', { name: 'Use my security key' }).click();
    await usbKey.setAnswering(false);
    await timedUnlock(options, DEFAULT_OWNER.password);
    await usbKey.setAnswering(true);
    const rows = loginRows(options);
    await expect(rows.filter({ hasText: 'Refused' }).filter({ hasText: 'Password, Recovery code' }))
      .toContainText('That recovery code was used before');
    await expect(rows.filter({ hasText: 'Unlocked' }).filter({ hasText: 'Password, Recovery code' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Refused' }).filter({ hasText: 'Password, Security key' })).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Unlocked' }).filter({ hasText: 'Security key “Laptop passkey”' })).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Unlocked' }).filter({ hasText: 'Security key “Blue YubiKey”' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Account created' })).toContainText('Chromium');
    await options.getByRole('heading', { name: 'Recent logins', level: 2 }).scrollIntoViewIfNeeded();
    await saveScreenshot(options, 'vault-recent-logins');
  });
  expect(pageErrors(options)).toEqual([]);
});

test('a copied key whose signature counter went backwards is refused and flagged', async ({ context, openSurface, saveScreenshot }) => {
  const options = await openSurface('options');
  await options.setViewportSize(OPTIONS_VIEWPORT);
  await createAccount(options);
  const key = await addVirtualAuthenticator(context, options, { prf: false });
  await addKey(options, 'Office key');
  await options.getByRole('button', { name: 'I have saved these codes' }).click();
  await options.getByRole('button', { name: 'Lock now' }).click();
  await timedUnlock(options, DEFAULT_OWNER.password);
  await expect(registeredKey(options, 'Office key')).not.toContainText('went backwards');

  await test.step('an older counter is refused', async () => {
    await key.setSignCount(0);
    await options.getByRole('button', { name: 'Lock now' }).click();
    await submitLockScreen(options, DEFAULT_OWNER.password);
    await expect(lockScreenAlert(options)).toContainText('use counter went backwards');
    await expectLocked(options);
  });

  await test.step('the owner sees the warning on the key once in', async () => {
    const stored = (await key.credentials())[0]?.signCount ?? 0;
    await key.setSignCount(stored + 100);
    await timedUnlock(options, DEFAULT_OWNER.password);
    await expect(registeredKey(options, 'Office key')).toContainText(
      'This key’s signature counter went backwards — it may have been copied. Remove it if you don’t recognise this.');
    await saveScreenshot(options, 'vault-key-counter-warning');
  });

  await test.step('removing a key asks for the password; a wrong one keeps it and what was typed', async () => {
    await registeredKey(options, 'Office key').getByRole('button', { name: 'Remove Office key' }).click();
    const form = options.getByRole('form', { name: 'Remove Office key' });
    await field(form, 'Current password').fill('not my password');
    await form.getByRole('button', { name: 'Remove key' }).click();
    await expect(form.getByRole('alert')).toHaveText('Wrong password.');
    await expect(field(form, 'Current password')).toHaveAttribute('aria-invalid', 'true');
    await expect(field(form, 'Current password')).toHaveValue('not my password');
    await field(form, 'Current password').fill(DEFAULT_OWNER.password);
    await form.getByRole('button', { name: 'Remove key' }).click();
    await expect(registeredKey(options, 'Office key')).toHaveCount(0);
    await expect(securitySection(options)).toContainText('Two-factor: off');
  });
  expect(pageErrors(options)).toEqual([]);
});
