import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { FormSaveResult } from '../shared/messages/field-messages';
import { controlled, storageFullError } from '../../test/elements/fakes';
import { expectFocusOn, listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-record-form';

describe('locket-record-form', () => {
  it('adds a person through the store and starts empty again', async () => {
    const { services, store } = await createTestServices();
    const saved = listen('locket-saved');
    await mount('locket-record-form', { services, kind: 'person' });
    await userEvent.fill(page.getByLabelText('First name'), 'Ada');
    await userEvent.fill(page.getByLabelText('Last name'), 'Lovelace');
    await userEvent.click(page.getByRole('button', { name: 'Add person' }));
    await expect.poll(() => saved.events.length).toBe(1);
    expect(await store.count('person')).toBe(1);
    await expect.element(page.getByLabelText('First name')).toHaveValue('');
  });

  it('shows a refusal beside its field, takes the focus there, and saves nothing', async () => {
    const { services, store } = await createTestServices();
    const saved = listen('locket-saved');
    await mount('locket-record-form', { services, kind: 'person' });
    await userEvent.fill(page.getByLabelText('Job title'), 'Engineer');
    await userEvent.click(page.getByRole('button', { name: 'Add person' }));
    await expect.element(page.getByLabelText('First name')).toHaveAccessibleDescription('Enter a first or last name.');
    await expectFocusOn(() => page.getByLabelText('First name').element());
    expect(saved.events).toHaveLength(0);
    expect(await store.count('person')).toBe(0);
  });

  it('edits a record and names the button for it', async () => {
    const { services, store } = await createTestServices();
    const created = await store.create('person', { firstName: 'Ada', lastName: 'Lovelace' });
    if (!created.ok) throw new Error('test person refused');
    await mount('locket-record-form', { services, kind: 'person', record: created.value });
    await expect.element(page.getByRole('form', { name: 'Edit person' })).toBeVisible();
    await expect.element(page.getByLabelText('First name')).toHaveValue('Ada');
    await userEvent.fill(page.getByLabelText('First name'), 'Augusta Ada');
    await userEvent.click(page.getByRole('button', { name: 'Save changes' }));
    await expect.poll(async () => {
      const record = await store.get(created.value.id);
      return record?.kind === 'person' ? record.fields.firstName : null;
    }).toBe('Augusta Ada');
  });

  it('offers the owner’s milestones, and keeps an opportunity’s own milestone when it is saved', async () => {
    const { services, store } = await createTestServices();
    const pilot = { id: 'pilot', name: 'Pilot', probability: 40, daysUntilStale: 30 };
    await services.pipeline?.savePipeline({ milestones: [{ id: 'new', name: '', probability: 10, daysUntilStale: 14 }, pilot], lostReasons: [] });
    const created = await store.create('opportunity', { name: 'Renewal', milestone: 'pilot' });
    if (!created.ok) throw new Error('test opportunity refused');
    await mount('locket-record-form', { services, kind: 'opportunity', record: created.value });
    const milestone = page.getByRole('combobox', { name: 'Milestone' });
    await expect.element(milestone).toHaveValue('pilot');
    await expect.element(milestone.getByRole('option', { name: 'Pilot' })).toBeInTheDocument();
    await userEvent.fill(page.getByLabelText('Name', { exact: true }), 'Renewal 2027');
    await userEvent.click(page.getByRole('button', { name: 'Save changes' }));
    await expect.poll(async () => {
      const record = await store.get(created.value.id);
      return record?.kind === 'opportunity' ? [record.fields.name, record.fields.milestone] : null;
    }).toEqual(['Renewal 2027', 'pilot']);
  });

  it('keeps the button disabled while saving, and puts a message no visible field owns above the buttons', async () => {
    const { services } = await createTestServices();
    const save = controlled<[Record<string, unknown>], FormSaveResult>();
    await mount('locket-record-form', { services, kind: 'person', quick: true, save: save.fn });
    await userEvent.fill(page.getByLabelText('First name'), 'Ada');
    await userEvent.click(page.getByRole('button', { name: 'Add person' }));
    await expect.element(page.getByRole('button', { name: 'Add person' })).toBeDisabled();
    save.calls[0]!.resolve({ ok: false, error: { jobTitle: 'Job titles are kept under 200 characters.' } });
    await expect.element(page.getByRole('alert')).toHaveTextContent('Job titles are kept under 200 characters.');
    await expect.element(page.getByRole('button', { name: 'Add person' })).toBeEnabled();
  });

  it('says a full disk saved nothing, in plain words', async () => {
    const { services } = await createTestServices({ store: () => ({ create: async () => { throw storageFullError(); } }) });
    await mount('locket-record-form', { services, kind: 'person' });
    await userEvent.fill(page.getByLabelText('First name'), 'Ada');
    await userEvent.click(page.getByRole('button', { name: 'Add person' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('This device has no room left for Locket’s data. Nothing of this was saved');
    await expect.element(page.getByLabelText('First name')).toHaveValue('Ada');
  });

  it('backs out with locket-cancel', async () => {
    const { services } = await createTestServices();
    const cancelled = listen('locket-cancel');
    await mount('locket-record-form', { services, kind: 'organisation' });
    await userEvent.click(page.getByRole('button', { name: 'Cancel' }));
    expect(cancelled.events).toHaveLength(1);
  });
});
