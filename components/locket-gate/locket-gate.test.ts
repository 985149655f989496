import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { delayAfterFailure } from '../../core/security/unlock-throttle';
import { LOCKET_DB_NAME } from '../../core/db/db-name';
import { lockSession } from '../../platform/session/session';
import { mount, visibleText } from '../../test/elements/mount';
import './locket-gate';
import '../locket-popup/locket-popup';

/**
 * The gate runs on the page's real IndexedDB and (fake, in-memory) extension storage: these
 * tests walk it through its phases as an owner would, from first run to the lock screen.
 */
const PASSWORD = 'correct horse battery staple lantern';

const deleteAccountDatabase = (): Promise<void> => new Promise((resolve, reject) => {
  const request = indexedDB.deleteDatabase(LOCKET_DB_NAME);
  request.onsuccess = () => resolve();
  request.onerror = () => reject(request.error);
});

const createAccount = async (): Promise<void> => {
  await userEvent.fill(page.getByLabelText('Your name'), 'Ada Lovelace');
  await userEvent.fill(page.getByLabelText('Email'), 'ada@example.com');
  await userEvent.fill(page.getByLabelText('Password', { exact: true }), PASSWORD);
  await userEvent.click(page.getByRole('button', { name: 'Create account' }));
};

/** Account creation and unlock derive keys at production strength: slow on a loaded machine. */
const showsSurface = () => vi.waitFor(() => {
  expect(visibleText(document.querySelector('locket-gate')!)).toContain('Capture this page');
}, { timeout: 45_000, interval: 100 });

describe('locket-gate', () => {
  // The password policy's dictionaries are large; loaded once here, not inside a test's time.
  beforeAll(async () => { await import('../../core/security/password-policy'); }, 60_000);
  beforeEach(deleteAccountDatabase);

  it('shows first-run setup on a device without an account, and nothing of a surface', async () => {
    await mount('locket-gate', { surface: 'locket-popup' });
    await expect.element(page.getByRole('heading', { name: 'Set up Locket' })).toBeVisible();
    expect(page.getByRole('heading', { name: 'Locket is locked' }).query()).toBeNull();
    expect(document.querySelector('locket-gate')!.shadowRoot!.querySelector('locket-popup')).toBeNull();
  });

  it('opens the surface once the account is created, shows the lock screen when the session locks, and opens again with the password', { timeout: 120_000 }, async () => {
    await mount('locket-gate', { surface: 'locket-popup' });
    await createAccount();
    await showsSurface();

    await lockSession();
    await expect.element(page.getByRole('heading', { name: 'Locket is locked' })).toBeVisible();
    expect(page.getByRole('button', { name: 'Capture this page' }).query()).toBeNull();

    await userEvent.fill(page.getByLabelText('Password', { exact: true }), 'not the password at all');
    await userEvent.click(page.getByRole('button', { name: 'Unlock' }));
    await expect.element(page.getByRole('alert')).toBeVisible();
    await expect.element(page.getByRole('heading', { name: 'Locket is locked' })).toBeVisible();

    // After one failure the throttle takes no attempt for 250 ms (unlock-throttle.ts); an owner would retype meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 2 * delayAfterFailure(1)));
    await userEvent.fill(page.getByLabelText('Password', { exact: true }), PASSWORD);
    await userEvent.click(page.getByRole('button', { name: 'Unlock' }));
    await showsSurface();
  });

  it('keeps the owner on setup with the reason when the password is refused', async () => {
    await mount('locket-gate', { surface: 'locket-popup' });
    await userEvent.fill(page.getByLabelText('Your name'), 'Ada Lovelace');
    await userEvent.fill(page.getByLabelText('Email'), 'ada@example.com');
    await userEvent.fill(page.getByLabelText('Password', { exact: true }), 'password');
    await userEvent.click(page.getByRole('button', { name: 'Create account' }));
    await expect.element(page.getByLabelText('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect.element(page.getByText('This password is too common', { exact: false })).toBeVisible();
    await expect.element(page.getByRole('heading', { name: 'Set up Locket' })).toBeVisible();
  });
});
