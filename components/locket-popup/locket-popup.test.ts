import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { CaptureOutcome } from '../../platform/capture/capture-messages';
import { controlled } from '../../test/elements/fakes';
import { mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-popup';

describe('locket-popup', () => {
  it('adds a person quickly and lists it under Recent', async () => {
    const { services, store } = await createTestServices();
    await mount('locket-popup', { services });
    await expect.element(page.getByText('Nothing yet. Add someone below.')).toBeVisible();
    await userEvent.fill(page.getByLabelText('First name'), 'Ada');
    await userEvent.fill(page.getByLabelText('Last name'), 'Lovelace');
    await userEvent.click(page.getByRole('button', { name: 'Add person' }));
    await expect.element(page.getByRole('status').filter({ hasText: 'Saved Ada Lovelace.' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Open Ada Lovelace' })).toBeVisible();
    expect(await store.count('person')).toBe(1);
  });

  it('opens a recent record in the side panel, and says when the panel did not open', async () => {
    const openSidePanel = vi.fn(async (id?: string) => { if (id) throw new Error('no user gesture'); });
    const { services, store } = await createTestServices({ services: { openSidePanel } });
    const created = await store.create('person', { firstName: 'Ada', lastName: 'Lovelace' });
    await mount('locket-popup', { services });
    await userEvent.click(page.getByRole('button', { name: 'Open Ada Lovelace' }));
    expect(openSidePanel).toHaveBeenCalledWith(created.ok ? created.value.id : '');
    await expect.element(page.getByRole('alert')).toHaveTextContent('The side panel did not open (no user gesture).');
  });

  it('captures the page and says why a capture failed', async () => {
    const capture = controlled<[], CaptureOutcome>();
    const { services } = await createTestServices({ captures: { captureActiveTab: capture.fn } });
    await mount('locket-popup', { services });
    await userEvent.click(page.getByRole('button', { name: 'Capture this page' }));
    capture.calls[0]!.resolve({ ok: false, reason: { type: 'page-out-of-reach' } } as CaptureOutcome);
    await expect.element(page.getByRole('alert'))
      .toHaveTextContent('Locket cannot read this page: the browser keeps extensions out of it, or it was not opened by your click.');
  });

  it('locks on request', async () => {
    const lockNow = vi.fn(async () => undefined);
    const { services } = await createTestServices({ security: { lockNow } });
    await mount('locket-popup', { services });
    await userEvent.click(page.getByRole('button', { name: 'Lock' }));
    expect(lockNow).toHaveBeenCalledOnce();
  });
});
