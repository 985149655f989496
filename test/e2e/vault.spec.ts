import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, pageErrors, test } from './fixtures';
import {
  DEFAULT_OWNER, POPUP_VIEWPORT, SIDE_PANEL_VIEWPORT, createAccount, createRecord, expectFieldError, field, linkedSection,
  lockedHeading, surfaceElement, unlock,
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
 * Submits the lock screen (with a recovery code when given) and waits for its answer: the
 * page unlocked (returns '') or the lock screen idle again (returns its message).
 */
const attemptUnlock = async (page: Page, password: string, code?: string): Promise<string> => {
  // WebAuthn answers only the focused tab.
  await page.bringToFront();
  await field(page, 'Password').fill(password);
  if (code !== undefined) await field(page, 'Recovery code').fill(code);
  const button = page.getByRole('button', { name: 'Unlock', exact: true });
  await button.click();
  // While an attempt runs the button reads "Unlocking…", so "Unlock" again means it is answered.
  await expect(surfaceElement(page).or(button)).toBeVisible({ timeout: 20_000 });
  // Answered: a refusal is on screen already; a success shows the surface a moment later.
  await expect(surfaceElement(page).or(lockScreenAlert(page))).toBeVisible();
  return (await surfaceElement(page).isVisible()) ? '' : (await lockScreenAlert(page).textContent()) ?? '';
};

/**
 * Unlocks and returns how long the page took to show its surface. After a refusal a short
 * wait may be running: like a user, it waits as long as the message says, then tries again.
 */
const timedUnlock = async (page: Page, password: string): Promise<number> => {
  await expect(lockedHeading(page)).toBeVisible();
  for (;;) {
    const started = Date.now();
    const refusal = await attemptUnlock(page, password);
    if (!refusal) return Date.now() - started;
    const wait = THROTTLED.exec(refusal);
    if (!wait) throw new Error(`Unlock refused: ${refusal}`);
    await page.waitForTimeout(Number(wait[1]) * 1000);
  }
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
    await expect(box.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
    codes = await box.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents();
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    expect(new Set(codes).size).toBe(10);
    const [download] = await Promise.all([options.waitForEvent('download'), box.getByRole('button', { name: 'Download as text' }).click()]);
    expect(download.suggestedFilename()).toBe('locket-recovery-codes.txt');
    const saved = await readFile(await download.path(), 'utf8');
    for (const code of codes) expect(saved).toContain(code);
  });

  await test.step('a second key needs a name of its own; the refusal keeps what was typed', async () => {
    const form = addKeyForm(options);
    await form.getByLabel('Key name').fill('Laptop passkey');
    await field(form, 'Current password').fill(DEFAULT_OWNER.password);
    await form.getByRole('button', { name: 'Add key' }).click();
    await expectFieldError(form, 'Key name', 'Another key already has this name.');
    await expect(form.getByLabel('Key name')).toHaveValue('Laptop passkey');
    await expect(field(form, 'Current password')).toHaveValue(DEFAULT_OWNER.password);
  });

  await test.step('a second key without PRF is added only after a warning and a touch of the first key', async () => {
    const form = addKeyForm(options);
    await form.getByLabel('Key name').fill('Blue YubiKey');
    await field(form, 'Current password').fill(DEFAULT_OWNER.password);
    await passkey.setAnswering(false);
    await form.getByRole('button', { name: 'Add key' }).click();
    const warning = form.getByRole('alert').filter({ hasText: 'This key has no PRF' });
    await expect(warning).toContainText('your data can be opened with the password alone', { timeout: 20_000 });
    expect(await usbKey.credentials()).toHaveLength(1);
    await expect(registeredKey(options, 'Blue YubiKey')).toHaveCount(0);
    await saveScreenshot(options, 'vault-key-without-prf-warning');
    // The confirming touch must come from a key already registered: the passkey.
    await usbKey.setAnswering(false);
    await passkey.setAnswering(true);
    await warning.getByRole('button', { name: 'Add it anyway' }).click();
    await expect(registeredKey(options, 'Blue YubiKey')).toBeVisible({ timeout: 20_000 });
    await usbKey.setAnswering(true);
    // No second credential was made on the USB key for the same addition.
    expect(await usbKey.credentials()).toHaveLength(1);
  });

  await test.step('a mixed-key vault shows the weaker status on every key; no new codes appear', async () => {
    const weaker = 'Your data can be opened with the password alone while a key without PRF is registered.';
    for (const name of ['Laptop passkey', 'Blue YubiKey']) {
      await expect(registeredKey(options, name)).toContainText('Checked at unlock');
      await expect(registeredKey(options, name)).not.toContainText('Protects the data itself');
      await expect(registeredKey(options, name)).toContainText(weaker);
    }
    await expect(securitySection(options)).toContainText('Two-factor: on, checked at unlock');
    await expect(securitySection(options)).toContainText(weaker);
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
    expect(await attemptUnlock(panel, DEFAULT_OWNER.password)).toBe('The security key request was cancelled or timed out. Please try again.');
    await expectLocked(panel);
    await expectLocked(options);
    await panel.close();
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
    // Typed the way people copy codes: lower case, spaces for dashes.
    expect(await attemptUnlock(options, DEFAULT_OWNER.password, code.toLowerCase().replace(/-/g, ' '))).toBe('');
    await expect(securitySection(options)).toContainText('9 of 10 recovery codes unused.');

    await options.getByRole('button', { name: 'Lock now' }).click();
    await expectLocked(options);
    await options.getByRole('button', { name: 'Use a recovery code' }).click();
    expect(await attemptUnlock(options, DEFAULT_OWNER.password, code)).toBe('That recovery code was used before; each works once.');
    await expectLocked(options);
    // Nothing typed is lost on a refusal.
    await expect(field(options, 'Recovery code')).toHaveValue(code);
  });

  await test.step('new recovery codes are shown once and the old ones stop working', async () => {
    await options.getByRole('button', { name: 'Use my security key' }).click();
    await usbKey.setAnswering(false);
    await timedUnlock(options, DEFAULT_OWNER.password);
    await usbKey.setAnswering(true);
    await securitySection(options).getByRole('button', { name: 'New recovery codes' }).click();
    const replace = securitySection(options).getByRole('form', { name: 'Replace recovery codes' });
    await field(replace, 'Current password').fill(DEFAULT_OWNER.password);
    // A touch of a registered key confirms: the password alone does not replace the codes.
    await usbKey.setAnswering(false);
    await replace.getByRole('button', { name: 'Replace my recovery codes' }).click();
    const freshItems = options.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect(freshItems).toHaveCount(10);
    const fresh = await freshItems.allTextContents();
    expect(fresh.filter((code) => codes.includes(code))).toEqual([]);
    await usbKey.setAnswering(true);
    await expect(securitySection(options)).toContainText('10 of 10 recovery codes unused.');
    await options.getByRole('button', { name: 'I have saved these codes' }).click();

    await options.getByRole('button', { name: 'Lock now' }).click();
    await options.getByRole('button', { name: 'Use a recovery code' }).click();
    let refusal = await attemptUnlock(options, DEFAULT_OWNER.password, codes[5]);
    // The refusal of the used code a moment ago may still be making this attempt wait.
    while (THROTTLED.test(refusal)) {
      await options.waitForTimeout(1000);
      refusal = await attemptUnlock(options, DEFAULT_OWNER.password, codes[5]);
    }
    expect(refusal).toBe('Wrong password or recovery code.');
    await expectLocked(options);
    await options.getByRole('button', { name: 'Use my security key' }).click();
    await usbKey.setAnswering(false);
    await timedUnlock(options, DEFAULT_OWNER.password);
    await usbKey.setAnswering(true);
  });

  await test.step('recent logins list every attempt with its factors', async () => {
    const rows = loginRows(options);
    const refusedCodes = rows.filter({ hasText: 'Refused' }).filter({ hasText: 'Password, Recovery code' });
    await expect(refusedCodes.filter({ hasText: 'That recovery code was used before' })).toHaveCount(1);
    await expect(refusedCodes.filter({ hasText: 'Wrong password or recovery code.' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Unlocked' }).filter({ hasText: 'Password, Recovery code' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Refused' }).filter({ hasText: 'Password, Security key' }))
      .toContainText('The security key request was cancelled or timed out.');
    await expect(rows.filter({ hasText: 'Unlocked' }).filter({ hasText: 'Security key “Laptop passkey”' })).toHaveCount(3);
    await expect(rows.filter({ hasText: 'Unlocked' }).filter({ hasText: 'Security key “Blue YubiKey”' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Account created' })).toContainText('Chromium');
    await options.getByRole('heading', { name: 'Recent logins', level: 2 }).scrollIntoViewIfNeeded();
    await saveScreenshot(options, 'vault-recent-logins');
  });

  await test.step('removing the key without PRF, confirmed by the other key, gives the data the keys’ protection again', async () => {
    await registeredKey(options, 'Blue YubiKey').getByRole('button', { name: 'Remove Blue YubiKey' }).click();
    const remove = options.getByRole('form', { name: 'Remove Blue YubiKey' });
    await field(remove, 'Current password').fill(DEFAULT_OWNER.password);
    await usbKey.setAnswering(false);
    await remove.getByRole('button', { name: 'Remove key' }).click();
    await expect(registeredKey(options, 'Blue YubiKey')).toHaveCount(0, { timeout: 20_000 });
    await usbKey.setAnswering(true);
    await expect(registeredKey(options, 'Laptop passkey')).toContainText('Protects the data itself');
    await expect(securitySection(options)).toContainText('Your data cannot be decrypted without one of your keys or a recovery code.');
    await options.getByRole('button', { name: 'Lock now' }).click();
    await usbKey.setAnswering(false);
    await timedUnlock(options, DEFAULT_OWNER.password);
    await usbKey.setAnswering(true);
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
    expect(await attemptUnlock(options, DEFAULT_OWNER.password)).toContain('use counter went backwards');
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

test('failed attempts slow down, and recent logins show each refusal and why', async ({ openSurface }) => {
  const options = await openSurface('options');
  await options.setViewportSize(OPTIONS_VIEWPORT);
  await createAccount(options);
  await options.getByRole('button', { name: 'Lock now' }).click();
  await expectLocked(options);

  const refusals: string[] = [];
  // Each failure waits longer (250 ms × n²), so a quick second or third try meets the wait.
  for (let attempt = 0; attempt < 4 && !refusals.some((message) => THROTTLED.test(message)); attempt++) {
    refusals.push(await attemptUnlock(options, 'tundra violet 42 harbour'));
  }
  expect(refusals[0]).toBe('Wrong password.');
  expect(refusals.find((message) => THROTTLED.test(message))).toBeDefined();
  await expectLocked(options);
  // The password typed stays, so the owner can correct it rather than retype it.
  await expect(field(options, 'Password')).toHaveValue('tundra violet 42 harbour');

  reportTiming('unlock with the password alone (account without a key)', await timedUnlock(options, DEFAULT_OWNER.password));
  const rows = loginRows(options);
  await expect(rows.filter({ hasText: 'Refused' }).filter({ hasText: 'Wrong password.' }))
    .toHaveCount(refusals.filter((message) => message === 'Wrong password.').length);
  await expect(rows.filter({ hasText: 'Slowed down' }).first()).toContainText('Too many failed attempts');
  await expect(rows.nth(1)).toContainText(/Unlocked\s*Password/);
  expect(pageErrors(options)).toEqual([]);
});

test('auto-lock after the idle time chosen, and “Lock now” and “Lock” lock every open surface at once', async ({
  context, openSurface,
}) => {
  const options = await openSurface('options');
  await options.setViewportSize(OPTIONS_VIEWPORT);
  await createAccount(options);
  await options.getByRole('radio', { name: 'After 1 minute' }).check();
  await expect(securitySection(options).getByRole('status').filter({ hasText: 'Saved: After 1 minute.' })).toBeVisible();

  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  const popup = await openSurface('popup');
  await popup.setViewportSize(POPUP_VIEWPORT);
  const pages = [options, panel, popup];
  const expectAll = async (state: 'locked' | 'unlocked') => {
    for (const page of pages) {
      if (state === 'locked') await expectLocked(page);
      else await expect(surfaceElement(page)).toBeVisible();
    }
  };
  await expectAll('unlocked');

  await test.step('a page opened within the idle time stays unlocked; after it, it opens locked', async () => {
    await options.reload();
    await expect(surfaceElement(options)).toBeVisible();
    await backdateLastActivity(context, 2);
    await options.reload();
    await expectAll('locked');
    await unlock(options, DEFAULT_OWNER.password);
    await expectAll('unlocked');
    await expect(options.getByRole('radio', { name: 'After 1 minute' })).toBeChecked();
  });

  await test.step('“Only when the browser restarts” ignores idleness', async () => {
    await options.getByRole('radio', { name: 'Only when the browser restarts' }).check();
    await expect(securitySection(options).getByRole('status').filter({ hasText: 'Saved: Only when the browser restarts.' })).toBeVisible();
    await backdateLastActivity(context, 120);
    await options.reload();
    await expect(surfaceElement(options)).toBeVisible();
  });

  await test.step('“Lock now” in the settings locks every surface', async () => {
    await options.getByRole('button', { name: 'Lock now' }).click();
    await expectAll('locked');
    await unlock(panel, DEFAULT_OWNER.password);
    await expectAll('unlocked');
  });

  await test.step('“Lock” in the side panel and in the popup does the same', async () => {
    await surfaceElement(panel).getByRole('button', { name: 'Lock', exact: true }).click();
    await expectAll('locked');
    await unlock(popup, DEFAULT_OWNER.password);
    await expectAll('unlocked');
    await surfaceElement(popup).getByRole('button', { name: 'Lock', exact: true }).click();
    await expectAll('locked');
  });
  for (const page of pages) expect(pageErrors(page)).toEqual([]);
});

/** Seeded data that must never be readable from the raw database. */
const PLAINTEXT = ['Ada', 'Lovelace', 'ada@example.org', 'Called about the renewal', 'renewal', DEFAULT_OWNER.name, DEFAULT_OWNER.email];

interface RawRecord {
  readonly id: string;
  readonly kind: string;
  readonly links: readonly string[];
}

const rawRecords = (dump: string): RawRecord[] => {
  const parsed: unknown = JSON.parse(dump);
  const records = typeof parsed === 'object' && parsed !== null && 'records' in parsed && Array.isArray(parsed.records) ? parsed.records : [];
  return records.map((row: unknown) => {
    const value = typeof row === 'object' && row !== null ? row : {};
    return {
      id: 'id' in value && typeof value.id === 'string' ? value.id : '',
      kind: 'kind' in value && typeof value.kind === 'string' ? value.kind : '',
      links: 'links' in value && Array.isArray(value.links) ? value.links.filter((link): link is string => typeof link === 'string') : [],
    };
  });
};

/**
 * Ciphertext is stored as base64, where a short name such as "Ada" turns up by chance (one
 * run in a few dozen): searched without the base64 payloads, a match is real plaintext.
 */
const expectNoPlaintext = (dump: string): void => {
  const withoutCiphertext = dump.replace(/"base64":"[A-Za-z0-9+/=]*"/g, '"base64":""');
  expect(withoutCiphertext).toContain(`"kind":"person"`);
  for (const text of PLAINTEXT) expect(withoutCiphertext, `raw IndexedDB contains “${text}”`).not.toContain(text);
};

test('changing the password keeps the data; IndexedDB holds ids and kinds but no names, emails or notes', async ({
  context, openSurface, saveScreenshot,
}) => {
  test.setTimeout(90_000);
  const options = await openSurface('options');
  await options.setViewportSize(OPTIONS_VIEWPORT);
  await createAccount(options);
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createRecord(panel, 'People', 'person', { 'First name': 'Ada', 'Last name': 'Lovelace', Emails: 'ada@example.org' });
  const notes = linkedSection(panel, 'Notes');
  await notes.getByLabel('New note').fill('Called about the renewal');
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect(notes.getByRole('listitem').filter({ hasText: 'Called about the renewal' })).toBeVisible();

  await test.step('the raw database keeps ids, kinds and links, and no plaintext', async () => {
    const dump = await rawDatabaseDump(panel);
    expectNoPlaintext(dump);
    const records = rawRecords(dump);
    const person = records.find((record) => record.kind === 'person');
    const note = records.find((record) => record.kind === 'note');
    expect(records.map((record) => record.kind).sort()).toEqual(['note', 'person']);
    for (const record of records) expect(record.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(note?.links).toContain(person?.id);
    expect(dump).toContain(`"vault"`);
    expect(dump).toContain(`"logins"`);
  });

  await test.step('a refused change says why next to the field and keeps what was typed', async () => {
    await addVirtualAuthenticator(context, options, { prf: false });
    await addKey(options, 'Desk key');
    await options.getByRole('button', { name: 'I have saved these codes' }).click();
    const form = options.getByRole('form', { name: 'Change password' });
    await field(form, 'Current password').fill('not the password');
    await field(form, 'New password').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(field(form, 'Current password')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByRole('alert')).toHaveText('Wrong password.');
    await expect(field(form, 'Current password')).toHaveValue('not the password');
    await expect(field(form, 'New password')).toHaveValue(NEW_PASSWORD);

    await field(form, 'Current password').fill(DEFAULT_OWNER.password);
    await field(form, 'New password').fill('maria.schmidt');
    await expect(form.getByRole('meter', { name: 'Password strength' })).toBeVisible();
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(field(form, 'New password')).toHaveAttribute('aria-invalid', 'true');
    await saveScreenshot(options, 'vault-change-password-refused');

    await field(form, 'New password').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(form.getByRole('status')).toHaveText('Password changed. Use the new one the next time you unlock.');
    await expect(field(form, 'Current password')).toHaveValue('');
  });

  await test.step('the old password is refused, the new one (with the key) opens the same data', async () => {
    await options.getByRole('button', { name: 'Lock now' }).click();
    await expectLocked(panel);
    expect(await attemptUnlock(options, DEFAULT_OWNER.password)).toBe('Wrong password.');
    await expectLocked(options);
    await timedUnlock(options, NEW_PASSWORD);
    await expect(loginRows(options).nth(1)).toContainText('Password, Security key “Desk key”');
    await expect(surfaceElement(panel)).toBeVisible();
    await panel.bringToFront();
    await expect(panel.getByRole('list', { name: 'People', exact: true }).getByRole('button', { name: 'Open Ada Lovelace' })).toBeVisible();
    await panel.getByRole('button', { name: 'Open Ada Lovelace' }).click();
    await expect(linkedSection(panel, 'Notes').getByRole('listitem').filter({ hasText: 'Called about the renewal' })).toBeVisible();
    expectNoPlaintext(await rawDatabaseDump(panel));
  });
  expect(pageErrors(options)).toEqual([]);
  expect(pageErrors(panel)).toEqual([]);
});
