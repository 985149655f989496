import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import type { LocketStore } from '../../core/store/contract';
import { DEFAULT_PIPELINE } from '../../core/pipeline/pipeline-settings';
import './locket-record-form';

const renewal = async (store: LocketStore, fields: Record<string, unknown> = {}) => {
  const created = await store.create('opportunity', { name: 'Renewal', value: 1000, currency: 'EUR', ...fields });
  if (!created.ok) throw new Error('test opportunity refused');
  return created.value;
};

const fieldsOf = async (store: LocketStore, id: string) => {
  const record = await store.get(id);
  return record?.kind === 'opportunity' ? record.fields : null;
};

describe('locket-record-form: a lost opportunity', () => {
  it('asks for one of the owner’s lost reasons when the status is set to lost, refuses without one, and saves it', async () => {
    const { services, store } = await createTestServices();
    await store.saveSettings({ pipeline: { ...DEFAULT_PIPELINE, lostReasons: ['Price', 'Timing'] } });
    const deal = await renewal(store);
    const saved = listen('locket-saved');
    await mount('locket-record-form', { services, kind: 'opportunity', record: deal });
    await expect.element(page.getByLabelText('Lost reason')).not.toBeInTheDocument();

    await userEvent.selectOptions(page.getByLabelText('Status'), 'lost');
    await userEvent.click(page.getByRole('button', { name: 'Save changes' }));
    await expect.element(page.getByLabelText('Lost reason')).toHaveAccessibleDescription('Choose why it was lost.');
    expect(saved.events).toHaveLength(0);
    expect((await fieldsOf(store, deal.id))?.status).toBe('open');

    await userEvent.selectOptions(page.getByLabelText('Lost reason'), 'Timing');
    await userEvent.click(page.getByRole('button', { name: 'Save changes' }));
    await expect.poll(() => saved.events.length).toBe(1);
    expect(await fieldsOf(store, deal.id)).toMatchObject({ status: 'lost', lostReason: 'Timing' });
  });

  it('takes a reason in words when the owner keeps no list, and drops it when the opportunity is open again', async () => {
    const { services, store } = await createTestServices();
    const deal = await renewal(store);
    const saved = listen('locket-saved');
    const form = await mount('locket-record-form', { services, kind: 'opportunity', record: deal });
    await userEvent.selectOptions(page.getByLabelText('Status'), 'lost');
    await userEvent.fill(page.getByLabelText('Lost reason'), 'Went with a rival');
    await userEvent.click(page.getByRole('button', { name: 'Save changes' }));
    await expect.poll(() => saved.events.length).toBe(1);
    expect(await fieldsOf(store, deal.id)).toMatchObject({ status: 'lost', lostReason: 'Went with a rival' });

    form.record = await store.get(deal.id) ?? null;
    await expect.element(page.getByLabelText('Lost reason')).toHaveValue('Went with a rival');
    await userEvent.selectOptions(page.getByLabelText('Status'), 'open');
    await userEvent.click(page.getByRole('button', { name: 'Save changes' }));
    await expect.poll(() => saved.events.length).toBe(2);
    expect(await fieldsOf(store, deal.id)).toMatchObject({ status: 'open', lostReason: '' });
  });

  it('keeps a stored reason the owner has since taken off the list', async () => {
    const { services, store } = await createTestServices();
    await store.saveSettings({ pipeline: { ...DEFAULT_PIPELINE, lostReasons: ['Price'] } });
    const deal = await renewal(store, { status: 'lost', lostReason: 'Budget cut' });
    await mount('locket-record-form', { services, kind: 'opportunity', record: deal });
    await expect.element(page.getByLabelText('Lost reason')).toHaveValue('Budget cut');
  });
});
