import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { StorageStatus } from '../../platform/retention/storage-status';
import { mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-storage-use';

describe('locket-storage-use', () => {
  it('says how much is used and that the browser keeps it', async () => {
    const { services } = await createTestServices({ retention: { storageStatus: async () => ({ usage: null, kept: true }) } });
    await mount('locket-storage-use', { retention: services.retention });
    await expect.element(page.getByText('The browser does not say how much space Locket uses.')).toBeVisible();
    await expect.element(page.getByText('The browser keeps Locket’s data even when the disk runs low.')).toBeVisible();
    expect(page.getByRole('button', { name: 'Ask the browser to keep Locket’s data' }).query()).toBeNull();
  });

  it('asks the browser to keep the data when it may not, and says when it refused', async () => {
    let status: StorageStatus = { usage: 2_048, kept: false };
    const keepData = vi.fn(async () => false);
    const { services } = await createTestServices({ retention: { storageStatus: async () => status, keepData } });
    await mount('locket-storage-use', { retention: services.retention });
    await expect.element(page.getByText('this device holds the only copy', { exact: false })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Ask the browser to keep Locket’s data' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('The browser did not agree this time.');

    keepData.mockResolvedValueOnce(true);
    status = { usage: 2_048, kept: true };
    await userEvent.click(page.getByRole('button', { name: 'Ask the browser to keep Locket’s data' }));
    await expect.element(page.getByText('The browser keeps Locket’s data even when the disk runs low.')).toBeVisible();
  });

  it('says when the use could not be read', async () => {
    const { services } = await createTestServices({ retention: { storageStatus: async () => { throw new Error('no estimate'); } } });
    await mount('locket-storage-use', { retention: services.retention });
    await expect.element(page.getByRole('alert')).toHaveTextContent('The storage use could not be read: no estimate');
  });
});
