import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, pageErrors, test } from './fixtures';
import { extensionIdOf, launchWithExtension, openSurfaceIn } from './launch';
import {
  DEFAULT_OWNER, SIDE_PANEL_VIEWPORT, type Owner, createAccount, createRecord, field, linkedSection, lockedHeading,
  moveToTrash, openFromList, openTrash, recordList, setupHeading, showTab, surfaceElement, trashList, unlock,
} from './ui';

/**
 * Moving to a new device: the owner creates an account there (any password), then restores
 * the old device's backup. The data and settings come from the backup; the new vault stays.
 */

const BACKUP_PASSWORD = 'copper lantern 7 meadow';
const PERSON = 'Ada Lovelace';
const NOTE = 'Prefers calls before noon.';
const ORGANISATION = 'Northwind Traders';
const CASE = 'Billing dispute';
const TRASHED = 'Grace Hopper';
const NEW_DEVICE_OWNER: Owner = {
  name: 'Jonas Weber',
  email: 'jonas.weber@example.org',
  password: 'granite orchard 19 lantern',
};
const OPTIONS_VIEWPORT = { width: 1000, height: 900 } as const;

const backupSection = (options: Page): Locator => options.getByRole('region', { name: 'Backup', exact: true });
const generalSettings = (options: Page): Locator => options.getByRole('form', { name: 'General settings' });

/** The old device: an account with a little of everything, then a backup saved to `backupPath`. */
const makeBackupOnOldDevice = async (
  openSurface: (surface: 'options' | 'sidepanel') => Promise<Page>, backupPath: string,
): Promise<void> => {
  const options = await openSurface('options');
  await options.setViewportSize(OPTIONS_VIEWPORT);
  await createAccount(options);
  const general = generalSettings(options);
  await general.getByLabel('Default currency').fill('GBP');
  await general.getByRole('button', { name: 'Save settings' }).click();
  await expect(general.getByRole('status')).toHaveText('Settings saved.');

  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createRecord(panel, 'People', 'person', { 'First name': 'Ada', 'Last name': 'Lovelace', Emails: 'ada@example.com' });
  const notes = linkedSection(panel, 'Notes');
  await notes.getByLabel('New note').fill(NOTE);
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect(notes.getByRole('listitem').filter({ hasText: NOTE })).toBeVisible();
  await createRecord(panel, 'Organisations', 'organisation', { Name: ORGANISATION });
  await createRecord(panel, 'Cases', 'case', { Name: CASE });
  await createRecord(panel, 'People', 'person', { 'First name': 'Grace', 'Last name': 'Hopper' });
  await moveToTrash(panel);

  await options.bringToFront();
  await options.getByRole('link', { name: 'Backup', exact: true }).click();
  const download = backupSection(options).getByRole('form', { name: 'Download backup' });
  await download.getByLabel('Backup password', { exact: true }).fill(BACKUP_PASSWORD);
  await download.getByLabel('Backup password again', { exact: true }).fill(BACKUP_PASSWORD);
  const downloading = options.waitForEvent('download');
  await download.getByRole('button', { name: 'Download backup' }).click();
  await (await downloading).saveAs(backupPath);
  await expect(download.getByRole('status')).toHaveText(/^Saved locket-\d{4}-\d{2}-\d{2}\.locket-backup\./);
  expect(pageErrors(options)).toEqual([]);
  expect(pageErrors(panel)).toEqual([]);
};

test('a backup restores into a fresh install: the data and settings come from the backup, the new password stays',
  async ({ openSurface, saveScreenshot }) => {
    test.setTimeout(120_000);
    const backupPath = test.info().outputPath('old-device.locket-backup');
    await test.step('the old device makes a backup', () => makeBackupOnOldDevice(openSurface, backupPath));

    // The new device: a second, empty profile in a browser of its own.
    const newProfile = await mkdtemp(join(tmpdir(), 'locket-e2e-new-device-'));
    let newDevice: BrowserContext | undefined;
    try {
      newDevice = await launchWithExtension(newProfile);
      const extensionId = await extensionIdOf(newDevice);
      const options = await openSurfaceIn(newDevice, extensionId, 'options');
      await options.setViewportSize(OPTIONS_VIEWPORT);

      await test.step('first run says how to move from another device, then the account is created', async () => {
        await expect(setupHeading(options)).toBeVisible();
        await expect(options.getByText(
          'Moving Locket from another device? Create your account here, then restore your backup from Settings → Backup.',
        )).toBeVisible();
        await saveScreenshot(options, 'backup-fresh-install-setup');
        await createAccount(options, NEW_DEVICE_OWNER);
        await expect(generalSettings(options).getByLabel('Owner’s name')).toHaveValue(NEW_DEVICE_OWNER.name);
      });

      await test.step('the backup restores after the confirmation', async () => {
        await options.getByRole('link', { name: 'Backup', exact: true }).click();
        const restore = backupSection(options).getByRole('form', { name: 'Restore backup' });
        await restore.getByLabel('Backup file').setInputFiles(backupPath);
        await restore.getByLabel('Password of the backup', { exact: true }).fill(BACKUP_PASSWORD);
        await restore.getByRole('button', { name: 'Restore backup…' }).click();
        await restore.getByRole('alertdialog').getByRole('button', { name: 'Replace my data' }).click();
        await expect(restore.getByRole('status')).toContainText('Backup restored.', { timeout: 20_000 });
        await expect(restore.getByRole('list', { name: 'Restored from the backup' }).getByRole('listitem'))
          .toContainText(['2 people', '1 organisation', '1 case', '1 note', 'The settings', /audit log entr/, '0 erased records left out']);
        await saveScreenshot(options, 'backup-fresh-install-restored');
      });

      const panel = await openSurfaceIn(newDevice, extensionId, 'sidepanel');
      await panel.setViewportSize(SIDE_PANEL_VIEWPORT);

      await test.step('the side panel lists the backup’s records, the note and the trash', async () => {
        await expect(surfaceElement(panel)).toBeVisible({ timeout: 15_000 });
        for (const [tab, title] of [['People', PERSON], ['Organisations', ORGANISATION], ['Cases', CASE]] as const) {
          await showTab(panel, tab);
          await expect(recordList(panel, tab).getByRole('button', { name: `Open ${title}`, exact: true })).toBeVisible();
        }
        await showTab(panel, 'People');
        await expect(recordList(panel, 'People').getByRole('button', { name: /^Open / })).toHaveCount(1);
        await saveScreenshot(panel, 'backup-fresh-install-panel-people');
        await openFromList(panel, 'People', PERSON);
        await expect(panel.getByRole('main').getByText('ada@example.com', { exact: true })).toBeVisible();
        await expect(linkedSection(panel, 'Notes').getByRole('listitem').filter({ hasText: NOTE })).toBeVisible();
        await saveScreenshot(panel, 'backup-fresh-install-panel-person');
        await openTrash(panel);
        const trashed = trashList(panel).getByRole('listitem');
        await expect(trashed).toHaveCount(1);
        await expect(trashed).toContainText(TRASHED);
        // Deleted on the old device, by the owner the backup names.
        await expect(trashed).toContainText(`Deleted by ${DEFAULT_OWNER.name} on`);
        await saveScreenshot(panel, 'backup-fresh-install-panel-trash');
      });

      await test.step('the settings and the audit log are the backup’s, without reloading the page', async () => {
        const general = generalSettings(options);
        await expect(general.getByLabel('Owner’s name')).toHaveValue(DEFAULT_OWNER.name);
        await expect(general.getByLabel('Default currency')).toHaveValue('GBP');
        const owner = options.getByRole('region', { name: 'Users', exact: true }).getByRole('row', { name: new RegExp(DEFAULT_OWNER.name) });
        await expect(owner).toContainText(DEFAULT_OWNER.email);

        await options.getByRole('link', { name: 'Audit log', exact: true }).click();
        const audit = options.getByRole('region', { name: 'Audit log', exact: true });
        await audit.getByRole('button', { name: 'Refresh' }).click();
        const rows = audit.getByRole('table', { name: /^Audit log entries/ }).getByRole('row');
        // The trashing and the currency change happened on the old device only.
        await expect(rows.filter({ hasText: 'Record moved to the trash' })).toHaveCount(1);
        await expect(rows.filter({ hasText: 'Settings changed' })).not.toHaveCount(0);
        await expect(rows.filter({ hasText: 'Backup restored' })).toHaveCount(1);
        await audit.getByRole('button', { name: 'Verify chain' }).click();
        await expect(audit.getByRole('status')).toHaveText(/^The log is intact: \d+ entries/);
      });

      await test.step('the new device’s password still unlocks: the vault was not replaced', async () => {
        await options.getByRole('button', { name: 'Lock now' }).click();
        await expect(lockedHeading(options)).toBeVisible();
        await expect(lockedHeading(panel)).toBeVisible();
        // The old device's password opens nothing here.
        await field(options, 'Password').fill(DEFAULT_OWNER.password);
        await options.getByRole('button', { name: 'Unlock', exact: true }).click();
        await expect(options.locator('locket-unlock').getByRole('alert')).toHaveText('Wrong password.', { timeout: 20_000 });
        await unlock(options, NEW_DEVICE_OWNER.password);
        await expect(surfaceElement(panel)).toBeVisible({ timeout: 15_000 });
        await showTab(panel, 'People');
        await expect(recordList(panel, 'People').getByRole('button', { name: `Open ${PERSON}`, exact: true })).toBeVisible();
        await saveScreenshot(panel, 'backup-fresh-install-panel-unlocked');
      });
      expect(pageErrors(options)).toEqual([]);
      expect(pageErrors(panel)).toEqual([]);
    } finally {
      await newDevice?.close();
      await rm(newProfile, { recursive: true, force: true, maxRetries: 3 });
    }
  });
