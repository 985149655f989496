import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { SyncPageServices } from '../../../core/sync/ports';
import { controlled } from '../../../test/elements/fakes';
import { mount } from '../../../test/elements/mount';
import { createFakeSync } from '../../../test/elements/sync-fakes';
import './locket-sync-fingerprint';

const WORDS = ['orbit', 'maple', 'quartz', 'lantern'];

const mountFingerprint = async () => {
  const confirm = controlled<Parameters<SyncPageServices['confirmPairing']>, undefined>();
  const { services } = createFakeSync({ confirmPairing: confirm.fn });
  const element = await mount('locket-sync-fingerprint', { services, step: { phase: 'confirm', fingerprint: WORDS } });
  return { element, confirm };
};

describe('locket-sync-fingerprint', () => {
  it('shows the words in order and sends the owner’s answer once', async () => {
    const { confirm } = await mountFingerprint();
    await expect.element(page.getByRole('list', { name: 'Fingerprint words' })).toHaveTextContent('orbit maple quartz lantern');
    await userEvent.click(page.getByRole('button', { name: 'They match' }));
    await expect.element(page.getByRole('button', { name: 'They differ' })).toBeDisabled();
    confirm.calls[0]!.resolve(undefined);
    await expect.element(page.getByRole('status')).toHaveTextContent('Waiting for the other device to confirm…');
    expect(confirm.calls.map((call) => call.args)).toEqual([[true]]);
    expect(page.getByRole('button', { name: 'They match' }).query()).toBeNull();
  });

  it('asks again for new words, and says why a pairing failed', async () => {
    const { element, confirm } = await mountFingerprint();
    await userEvent.click(page.getByRole('button', { name: 'They differ' }));
    confirm.calls[0]!.resolve(undefined);
    await expect.element(page.getByRole('status')).toHaveTextContent('Stopping the pairing…');
    element.step = { phase: 'confirm', fingerprint: ['cedar', 'harbor', 'violet', 'piano'] };
    await expect.element(page.getByRole('button', { name: 'They match' })).toBeVisible();
    element.step = { phase: 'failed', problem: { type: 'pairing-expired' } };
    await expect.element(page.getByRole('alert')).toHaveTextContent('This pairing code has expired.');
  });
});
