import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import type { MergedDetail } from '../shared/merge-events';
import './locket-convert';

describe('locket-convert', () => {
  it('asks first, then converts a person into an organisation with its notes', async () => {
    const { services, store } = await createTestServices();
    const created = await store.create('person', { firstName: 'Schmidt', lastName: 'Shoes' });
    if (!created.ok) throw new Error('test person refused');
    await store.create('note', { body: 'Wants a catalogue', recordId: created.value.id });
    const merged = listen('locket-merged');
    await mount('locket-convert', { services, record: created.value });

    await userEvent.click(page.getByRole('button', { name: 'Convert to an organisation' }));
    await expect.element(page.getByRole('alertdialog')).toHaveTextContent('Convert Schmidt Shoes to an organisation?');
    await userEvent.click(page.getByRole('button', { name: 'Keep as it is' }));
    expect(page.getByRole('alertdialog').query()).toBeNull();
    expect(merged.details).toEqual([]);

    await userEvent.click(page.getByRole('button', { name: 'Convert to an organisation' }));
    await userEvent.click(page.getByRole('button', { name: 'Convert', exact: true }));
    await expect.poll(() => merged.details.length).toBe(1);
    const { outcome, kind } = merged.details[0] as MergedDetail;
    expect(kind).toBe('organisation');
    expect(await store.get(outcome.survivorId)).toMatchObject({ kind: 'organisation', fields: { name: 'Schmidt Shoes' } });
    expect((await store.linkedTo(outcome.survivorId)).map((note) => note.fields)).toContainEqual(expect.objectContaining({ body: 'Wants a catalogue' }));
  });

  it('says why an organisation with people cannot become a person', async () => {
    const { services, store } = await createTestServices();
    const acme = await store.create('organisation', { name: 'Acme' });
    if (!acme.ok) throw new Error('test organisation refused');
    await store.create('person', { firstName: 'Bob', lastName: 'Baker', organisationId: acme.value.id });
    await mount('locket-convert', { services, record: acme.value });
    await userEvent.click(page.getByRole('button', { name: 'Convert to a person' }));
    await userEvent.click(page.getByRole('button', { name: 'Convert', exact: true }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('People belong to this organisation');
  });
});
