import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { CaptureOutcome } from '../../platform/capture/capture-messages';
import { controlled } from '../../test/elements/fakes';
import { mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import { scanSearch } from '../../worker/search-scan';
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

  describe('on a page about a saved record', () => {
    /** The popup over `url`, its search the worker's scan (what answers while the index is still building). */
    const popupOver = async (url: string, openSidePanel = vi.fn(async () => undefined)) => {
      const test = await createTestServices({
        captures: { activeTabAddress: async () => url },
        services: { openSidePanel, search: (query, options) => scanSearch(test.store, query, options) },
      });
      return test;
    };

    it('shows the person of the profile page with their organisation, logs a call in one click, and opens them', async () => {
      const openSidePanel = vi.fn(async () => undefined);
      const url = 'https://www.linkedin.com/in/anna-schmidt/?trk=feed';
      const test = await popupOver(url, openSidePanel);
      const mueller = await test.store.create('organisation', { name: 'Müller GmbH', domain: 'mueller.example' });
      if (!mueller.ok) throw new Error('not saved');
      const anna = await test.store.create('person', {
        firstName: 'Anna', lastName: 'Schmidt', organisationId: mueller.value.id, websites: ['https://linkedin.com/in/anna-schmidt'],
      });
      await test.store.create('person', { firstName: 'Bob', lastName: 'Brown', websites: ['https://linkedin.com/in/bob-brown'] });
      if (!anna.ok) throw new Error('not saved');
      await mount('locket-popup', { services: test.services });
      const onPage = page.getByRole('region', { name: 'On this page' });
      await expect.element(onPage).toHaveTextContent('On this page: Anna Schmidt — Müller GmbH');

      await userEvent.click(onPage.getByRole('button', { name: 'Log a call' }));
      await userEvent.fill(onPage.getByLabelText('Summary'), 'Talked about the rollout');
      await userEvent.click(onPage.getByRole('button', { name: 'Save' }));
      await expect.element(onPage.getByRole('status')).toHaveTextContent('Logged for Anna Schmidt.');
      const logged = (await test.store.linkedTo(anna.value.id)).filter((record) => record.kind === 'activity');
      expect(logged.map((record) => record.kind === 'activity' && [record.fields.type, record.fields.body])).toEqual([['call', 'Talked about the rollout']]);

      await userEvent.click(onPage.getByRole('button', { name: 'Open' }));
      expect(openSidePanel).toHaveBeenCalledWith(anna.value.id);
    });

    it('shows the organisation of the page’s domain', async () => {
      const test = await popupOver('https://www.mueller.example/kontakt');
      await test.store.create('organisation', { name: 'Müller GmbH', domain: 'mueller.example' });
      await mount('locket-popup', { services: test.services });
      await expect.element(page.getByRole('region', { name: 'On this page' })).toHaveTextContent('On this page: Müller GmbH');
    });

    it('shows nothing new where nothing matches', async () => {
      const test = await popupOver('https://www.linkedin.com/in/someone-else');
      await test.store.create('person', { firstName: 'Anna', lastName: 'Schmidt', websites: ['https://linkedin.com/in/anna-schmidt'] });
      await mount('locket-popup', { services: test.services });
      await expect.element(page.getByRole('region', { name: 'Recent' })).toHaveTextContent('Anna Schmidt');
      expect(page.getByRole('region', { name: 'On this page' }).query()).toBeNull();
      expect(page.getByRole('button', { name: 'Log a call' }).query()).toBeNull();
    });
  });
});
