import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { SyncPageServices } from '../../../core/sync/ports';
import { controlled } from '../../../test/elements/fakes';
import { mount } from '../../../test/elements/mount';
import { createFakeSync } from '../../../test/elements/sync-fakes';
import { TEST_START } from '../../../test/elements/test-services';
import './locket-sync-pairing';

type Offer = SyncPageServices['offerPairing'];

const mountPairing = async () => {
  const offer = controlled<Parameters<Offer>, Awaited<ReturnType<Offer>>>();
  const answers: boolean[] = [];
  const fake = createFakeSync({ offerPairing: offer.fn, confirmPairing: async (same) => { answers.push(same); } });
  await mount('locket-sync-pairing', { services: fake.services, now: TEST_START });
  return { ...fake, offer, answers };
};

const addDevice = () => page.getByRole('group', { name: 'Add a device' });

describe('locket-sync-pairing', () => {
  it('shows the one-time code in groups and as a QR image, with its expiry, then the words, then done', async () => {
    const { offer, sendStep, answers } = await mountPairing();
    await userEvent.click(page.getByRole('button', { name: 'Add a device' }));
    await expect.element(page.getByRole('button', { name: 'Preparing a code…' })).toBeDisabled();
    offer.calls[0]!.resolve({ ok: true, value: { code: 'ABCDEFGH2345', expiresAt: TEST_START + 10 * 60_000 } });

    await expect.element(addDevice().getByLabelText('Pairing code', { exact: true })).toHaveTextContent('ABCD EFGH 2345');
    await expect.element(addDevice().getByRole('img', { name: 'Pairing code as a QR image' })).toBeVisible();
    await expect.element(addDevice()).toHaveTextContent('The code works once and expires in 10 minutes.');

    sendStep({ phase: 'confirm', fingerprint: ['orbit', 'maple', 'quartz', 'lantern'] });
    await expect.element(addDevice().getByRole('list', { name: 'Fingerprint words' })).toHaveTextContent('orbit maple quartz lantern');
    // The code has done its part once the other device answered.
    expect(addDevice().getByLabelText('Pairing code', { exact: true }).query()).toBeNull();
    await userEvent.click(page.getByRole('button', { name: 'They match' }));
    expect(answers).toEqual([true]);
    sendStep({ phase: 'done' });
    await expect.element(addDevice().getByRole('status')).toHaveTextContent('The devices are paired.');
    await userEvent.click(page.getByRole('button', { name: 'Done' }));
    await expect.element(page.getByRole('button', { name: 'Add a device' })).toBeVisible();
    expect(addDevice().query()).toBeNull();
  });

  it('stops when the owner sees different words, and says so', async () => {
    const { offer, sendStep, answers } = await mountPairing();
    await userEvent.click(page.getByRole('button', { name: 'Add a device' }));
    offer.calls[0]!.resolve({ ok: true, value: { code: 'ABCDEFGH2345', expiresAt: TEST_START + 10 * 60_000 } });
    sendStep({ phase: 'confirm', fingerprint: ['orbit', 'maple', 'quartz', 'lantern'] });
    await userEvent.click(page.getByRole('button', { name: 'They differ' }));
    expect(answers).toEqual([false]);
    sendStep({ phase: 'failed', problem: { type: 'pairing-declined' } });
    await expect.element(addDevice().getByRole('alert')).toHaveTextContent('The pairing was stopped because the words did not match.');
  });

  it('says why no code could be made, and stops watching', async () => {
    const { offer, watchingPairing } = await mountPairing();
    await userEvent.click(page.getByRole('button', { name: 'Add a device' }));
    expect(watchingPairing()).toBe(1);
    offer.calls[0]!.resolve({ ok: false, error: { type: 'relay-unreachable' } });
    await expect.element(page.getByRole('alert')).toHaveTextContent('The relay did not answer.');
    expect(watchingPairing()).toBe(0);
  });
});
