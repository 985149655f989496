import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { ExportedFile, RestoreOutcome } from '../../worker/contract';
import { offeredDownloads } from '../../test/elements/downloads';
import { controlled } from '../../test/elements/fakes';
import { mount } from '../../test/elements/mount';
import { createTestServices, realPasswordPolicy } from '../../test/elements/test-services';
import './locket-backup-settings';

type Progress = (done: number, total: number) => void;
const STRONG = 'correct horse battery staple lantern';

const mountBackup = async () => {
  const createBackup = controlled<[string, Progress], ExportedFile>();
  const restoreBackup = controlled<[Uint8Array, string, Progress], RestoreOutcome>();
  const { services } = await createTestServices({
    security: { passwordPolicy: realPasswordPolicy },
    archives: { createBackup: createBackup.fn, restoreBackup: restoreBackup.fn },
  });
  await mount('locket-backup-settings', { services });
  return { createBackup, restoreBackup };
};

const download = () => page.getByRole('form', { name: 'Download backup' });
const restoreForm = () => page.getByRole('form', { name: 'Restore backup' });
const backupFile = () => new File([new Uint8Array([1, 2, 3])], 'locket.locket-backup');

describe('locket-backup-settings', () => {
  it('makes a backup under a password typed twice, with progress, and offers the file', async () => {
    const { createBackup } = await mountBackup();
    await userEvent.fill(download().getByLabelText('Backup password', { exact: true }), STRONG);
    await userEvent.fill(download().getByLabelText('Backup password again', { exact: true }), STRONG);
    await userEvent.click(page.getByRole('button', { name: 'Download backup' }));
    await expect.poll(() => createBackup.calls.length).toBe(1);
    expect(createBackup.calls[0]!.args[0]).toBe(STRONG);
    createBackup.calls[0]!.args[1](1, 4);
    await expect.element(page.getByText('25% done')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Download backup' })).toBeDisabled();
    createBackup.calls[0]!.resolve({ fileName: 'locket.locket-backup', mimeType: 'application/octet-stream', bytes: new Uint8Array([1]), rows: {} } as ExportedFile);
    await expect.element(download().getByRole('status')).toHaveTextContent('Saved locket.locket-backup.');
    expect(offeredDownloads()).toEqual(['locket.locket-backup']);
    await expect.element(download().getByLabelText('Backup password', { exact: true })).toHaveValue('');
  });

  it('refuses a weak password or a repeat that differs, before any backup runs', async () => {
    const { createBackup } = await mountBackup();
    await userEvent.fill(download().getByLabelText('Backup password', { exact: true }), STRONG);
    await userEvent.fill(download().getByLabelText('Backup password again', { exact: true }), `${STRONG}!`);
    await userEvent.click(page.getByRole('button', { name: 'Download backup' }));
    await expect.element(download().getByLabelText('Backup password again', { exact: true }))
      .toHaveAccessibleDescription('The two passwords are not the same. Type the backup password again.');
    expect(createBackup.calls).toHaveLength(0);
  });

  it('says why a backup failed', async () => {
    const { createBackup } = await mountBackup();
    await userEvent.fill(download().getByLabelText('Backup password', { exact: true }), STRONG);
    await userEvent.fill(download().getByLabelText('Backup password again', { exact: true }), STRONG);
    await userEvent.click(page.getByRole('button', { name: 'Download backup' }));
    await expect.poll(() => createBackup.calls.length).toBe(1);
    createBackup.calls[0]!.reject(new Error('the worker stopped'));
    await expect.element(download().getByRole('alert')).toHaveTextContent('The backup failed: the worker stopped');
    expect(offeredDownloads()).toEqual([]);
  });

  it('asks for a file and a password, then for confirmation, before replacing the data', async () => {
    const { restoreBackup } = await mountBackup();
    await userEvent.click(page.getByRole('button', { name: 'Restore backup…' }));
    await expect.element(restoreForm().getByText('Choose a backup file (.locket-backup).')).toBeVisible();
    await expect.element(restoreForm().getByText('Enter the password this backup was made with.')).toBeVisible();

    await userEvent.upload(restoreForm().getByLabelText('Backup file'), backupFile());
    await userEvent.fill(restoreForm().getByLabelText('Password of the backup', { exact: true }), 'backup secret');
    await userEvent.click(page.getByRole('button', { name: 'Restore backup…' }));
    await expect.element(page.getByRole('alertdialog')).toHaveTextContent('This replaces all records');
    expect(restoreBackup.calls).toHaveLength(0);
    await userEvent.click(page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }));
    expect(page.getByRole('alertdialog').query()).toBeNull();
    expect(restoreBackup.calls).toHaveLength(0);

    await userEvent.click(page.getByRole('button', { name: 'Restore backup…' }));
    await userEvent.click(page.getByRole('button', { name: 'Replace my data' }));
    await expect.poll(() => restoreBackup.calls.length).toBe(1);
    expect([...restoreBackup.calls[0]!.args[0]]).toEqual([1, 2, 3]);
    expect(restoreBackup.calls[0]!.args[1]).toBe('backup secret');
    restoreBackup.calls[0]!.resolve({ ok: true, value: { records: { person: 2 }, settings: true, auditEntries: 1, skippedErased: 0, safetySnapshotId: 's' } });
    await expect.element(page.getByRole('list', { name: 'Restored from the backup' })).toHaveTextContent('2 people');
  });

  it('shows a refused restore as an alert and keeps the data', async () => {
    const { restoreBackup } = await mountBackup();
    await userEvent.upload(restoreForm().getByLabelText('Backup file'), backupFile());
    await userEvent.fill(restoreForm().getByLabelText('Password of the backup', { exact: true }), 'wrong');
    await userEvent.click(page.getByRole('button', { name: 'Restore backup…' }));
    await userEvent.click(page.getByRole('button', { name: 'Replace my data' }));
    await expect.poll(() => restoreBackup.calls.length).toBe(1);
    restoreBackup.calls[0]!.resolve({ ok: false, error: { type: 'backup-wrong-password' } });
    await expect.element(restoreForm().getByRole('alert')).toHaveTextContent('This password does not open this backup.');
  });
});
