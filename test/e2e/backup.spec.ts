import { readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, pageErrors, test } from './fixtures';
import {
  DEFAULT_OWNER, SIDE_PANEL_VIEWPORT, createAccount, createRecord, fillFields, listedCount, lockedHeading, moveToTrash,
  openFromList, recordList, showTab, surfaceElement, unlock,
} from './ui';

const BACKUP_PASSWORD = 'copper lantern 7 meadow';
const WRONG_PASSWORD = 'copper lantern 8 meadow';
const PERSON = 'Ada Lovelace';
const ORGANISATION = 'Northwind';
const RENAMED = 'Southwind';
const LATER_PERSON = 'Grace Hopper';

/** What the side panel lists: the names of its people and organisations. */
const listedNames = async (panel: Page): Promise<{ people: string[]; organisations: string[] }> => {
  const names = async (tab: 'People' | 'Organisations'): Promise<string[]> => {
    await showTab(panel, tab);
    await expect(panel.getByRole('main').getByRole('status')).not.toHaveText(/Loading/);
    if ((await listedCount(panel, tab)) === 0) return [];
    const labels = await recordList(panel, tab).getByRole('button', { name: /^Open / }).evaluateAll(
      (buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? button.textContent ?? ''),
    );
    return labels.map((label) => label.replace(/^Open /, '').trim()).sort();
  };
  return { people: await names('People'), organisations: await names('Organisations') };
};

/** Reloads the side panel so it reads the database afresh, unlocking if the reload locked it. */
const reloadPanel = async (panel: Page): Promise<void> => {
  await panel.reload();
  await expect(surfaceElement(panel).or(lockedHeading(panel))).toBeVisible({ timeout: 15_000 });
  if (await lockedHeading(panel).isVisible()) await unlock(panel, DEFAULT_OWNER.password);
};

const restoreWith = async (form: Locator, file: string, password: string, beforeConfirming?: () => Promise<void>): Promise<void> => {
  await form.getByLabel('Backup file').setInputFiles(file);
  await form.getByLabel('Password of the backup', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Restore backup…' }).click();
  const confirm = form.getByRole('alertdialog');
  await expect(confirm).toContainText('This replaces all records, notes, the trash and settings on this device with the backup’s.');
  await beforeConfirming?.();
  await confirm.getByRole('button', { name: 'Replace my data' }).click();
};

test('a backup downloads encrypted and restores the data as it was; a wrong password or a changed file is refused',
  async ({ openSurface, saveScreenshot }) => {
    const options = await openSurface('options');
    await options.setViewportSize({ width: 1000, height: 900 });
    await createAccount(options);
    const panel = await openSurface('sidepanel');
    await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
    await createRecord(panel, 'Organisations', 'organisation', { Name: ORGANISATION, Domain: 'northwind.example' });
    await createRecord(panel, 'People', 'person', { 'First name': 'Ada', 'Last name': 'Lovelace', Emails: 'ada@example.com' });
    const before = await listedNames(panel);
    expect(before).toEqual({ people: [PERSON], organisations: [ORGANISATION] });

    await options.bringToFront();
    await options.getByRole('link', { name: 'Backup', exact: true }).click();
    const section = options.getByRole('region', { name: 'Backup', exact: true });
    const download = section.getByRole('form', { name: 'Download backup' });
    const restore = section.getByRole('form', { name: 'Restore backup' });
    const backupPath = test.info().outputPath('backup.locket-backup');

    await test.step('a short, common or mistyped backup password is refused next to its field', async () => {
      await expect(download).toContainText('Locket does not store this password');
      await download.getByLabel('Backup password', { exact: true }).fill('short');
      await download.getByLabel('Backup password again', { exact: true }).fill('short');
      await download.getByRole('button', { name: 'Download backup' }).click();
      // The account's policy and strength meter, not just a length: the file leaves the device.
      await expect(download.getByLabel('Backup password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await expect(download.getByRole('listitem').filter({ hasText: 'Use at least 8 characters.' })).toBeVisible();
      await download.getByLabel('Backup password', { exact: true }).fill('password123');
      await download.getByLabel('Backup password again', { exact: true }).fill('password123');
      await expect(download.getByRole('meter', { name: 'Password strength' })).toBeVisible();
      await download.getByRole('button', { name: 'Download backup' }).click();
      await expect(download.getByRole('listitem').filter({ hasText: 'This password is too common' })).toBeVisible();
      await expect(download.getByLabel('Backup password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await expect(download.getByRole('status')).toHaveCount(0);
      await download.getByLabel('Backup password', { exact: true }).fill(BACKUP_PASSWORD);
      await download.getByLabel('Backup password again', { exact: true }).fill(`${BACKUP_PASSWORD}!`);
      await download.getByRole('button', { name: 'Download backup' }).click();
      await expect(download.getByRole('alert')).toHaveText(/The two passwords are not the same/);
      await expect(download.getByLabel('Backup password again', { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await saveScreenshot(options, 'backup-password-mismatch');
    });

    await test.step('the backup downloads as one encrypted file', async () => {
      await download.getByLabel('Backup password again', { exact: true }).fill(BACKUP_PASSWORD);
      const downloading = options.waitForEvent('download');
      await download.getByRole('button', { name: 'Download backup' }).click();
      const file = await downloading;
      expect(file.suggestedFilename()).toMatch(/^locket-\d{4}-\d{2}-\d{2}\.locket-backup$/);
      await file.saveAs(backupPath);
      await expect(download.getByRole('status')).toHaveText(/^Saved locket-\d{4}-\d{2}-\d{2}\.locket-backup\./);
      // The form starts empty again: the password is not kept on the page.
      await expect(download.getByLabel('Backup password', { exact: true })).toHaveValue('');
      const text = new TextDecoder().decode(await readFile(backupPath));
      const header: unknown = JSON.parse(text.slice(0, text.indexOf('\n')));
      expect(header).toMatchObject({ format: 'locket-backup', version: 1 });
      expect(text).not.toContain('Lovelace');
      expect(text).not.toContain('ada@example.com');
    });

    await test.step('the data changes after the backup', async () => {
      await panel.bringToFront();
      await openFromList(panel, 'People', PERSON);
      await moveToTrash(panel);
      await openFromList(panel, 'Organisations', ORGANISATION);
      await panel.getByRole('button', { name: 'Edit', exact: true }).click();
      const form = panel.getByRole('form', { name: 'Edit organisation' });
      await fillFields(form, { Name: RENAMED });
      await form.getByRole('button', { name: 'Save changes' }).click();
      await expect(panel.getByRole('heading', { level: 2, name: RENAMED })).toBeVisible();
      await createRecord(panel, 'People', 'person', { 'First name': 'Grace', 'Last name': 'Hopper' });
    });
    const changed = { people: [LATER_PERSON], organisations: [RENAMED] };
    expect(await listedNames(panel)).toEqual(changed);

    await test.step('a wrong password is refused and changes nothing', async () => {
      await options.bringToFront();
      await restoreWith(restore, backupPath, WRONG_PASSWORD);
      await expect(restore.getByRole('alert')).toHaveText('This password does not open this backup.');
      await saveScreenshot(options, 'backup-restore-wrong-password');
      await panel.bringToFront();
      await reloadPanel(panel);
      expect(await listedNames(panel)).toEqual(changed);
    });

    await test.step('a changed file is refused as damaged and changes nothing', async () => {
      const bytes = new Uint8Array(await readFile(backupPath));
      const at = bytes.length - 20;
      bytes[at] = (bytes[at] ?? 0) ^ 0x01;
      const tamperedPath = test.info().outputPath('tampered.locket-backup');
      await writeFile(tamperedPath, bytes);
      await options.bringToFront();
      await restoreWith(restore, tamperedPath, BACKUP_PASSWORD);
      await expect(restore.getByRole('alert')).toHaveText('This backup file is damaged or was changed.');
      await panel.bringToFront();
      await reloadPanel(panel);
      expect(await listedNames(panel)).toEqual(changed);
    });

    await test.step('the right password restores the records as they were at the backup', async () => {
      await options.bringToFront();
      await restoreWith(restore, backupPath, BACKUP_PASSWORD, () => saveScreenshot(options, 'backup-restore-confirm'));
      const summary = restore.getByRole('status');
      await expect(summary).toContainText('Backup restored.');
      await expect(restore.getByRole('list', { name: 'Restored from the backup' }).getByRole('listitem'))
        .toContainText(['1 person', '1 organisation', 'The settings', /audit log entr/, '0 erased records left out']);
      await expect(restore.getByRole('alert')).toHaveCount(0);
      await saveScreenshot(options, 'backup-restored');
      await panel.bringToFront();
      await reloadPanel(panel);
      expect(await listedNames(panel)).toEqual(before);
      await openFromList(panel, 'People', PERSON);
      await expect(panel.getByRole('main').getByText('ada@example.com', { exact: true })).toBeVisible();
    });
    expect(pageErrors(options)).toEqual([]);
  });
