import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { LockPolicy } from '../../core/security/auto-lock';
import type { SecurityServices } from '../../platform/page-services/services';
import { fakeWith } from '../../test/elements/fakes';
import { mount } from '../../test/elements/mount';
import './locket-auto-lock-setting';

const mountSetting = async (write: (policy: LockPolicy) => Promise<void>) => {
  const lockNow = vi.fn(async () => undefined);
  const security = fakeWith<SecurityServices>('security', {
    lockPolicy: { read: async () => ({ idleMinutes: 15 }), write }, lockNow,
  });
  await mount('locket-auto-lock-setting', { security });
  return { lockNow };
};

describe('locket-auto-lock-setting', () => {
  it('shows the stored choice and saves a new one', async () => {
    const write = vi.fn(async () => undefined);
    await mountSetting(write);
    await expect.element(page.getByRole('radio', { name: 'After 15 minutes' })).toBeChecked();
    await userEvent.click(page.getByRole('radio', { name: 'After 1 minute' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Saved: After 1 minute.');
    expect(write).toHaveBeenCalledWith({ idleMinutes: 1 });
  });

  it('says when a choice was not saved', async () => {
    await mountSetting(async () => { throw new Error('storage is gone'); });
    await userEvent.click(page.getByRole('radio', { name: 'After 5 minutes' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('The choice was not saved: storage is gone');
    expect(page.getByRole('status').query()).toBeNull();
  });

  it('locks now on request', async () => {
    const { lockNow } = await mountSetting(async () => undefined);
    await userEvent.click(page.getByRole('button', { name: 'Lock now' }));
    expect(lockNow).toHaveBeenCalledOnce();
  });
});
