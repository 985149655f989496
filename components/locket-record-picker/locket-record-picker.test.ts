import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { SearchHit, SearchOptions } from '../../worker/contract';
import { controlled } from '../../test/elements/fakes';
import { expectFocusOn, listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-record-picker';

const org = (id: string, title: string): SearchHit => ({ id, kind: 'organisation', title, subtitle: '' });

const mountPicker = async () => {
  const search = controlled<[string, SearchOptions | undefined], SearchHit[]>();
  const made = await createTestServices({ services: { search: search.fn } });
  const picker = await mount('locket-record-picker', { services: made.services, kinds: ['organisation'], label: 'Organisation' });
  return { search, picker, ...made };
};

describe('locket-record-picker', () => {
  it('searches only its kinds and links the suggestion chosen with the keyboard', async () => {
    const { search, picker, store } = await mountPicker();
    const labs = await store.create('organisation', { name: 'Navy Labs' });
    const yard = await store.create('organisation', { name: 'Navy Yard' });
    if (!labs.ok || !yard.ok) throw new Error('test organisations refused');
    const changes = listen('change');
    await userEvent.fill(page.getByRole('combobox', { name: 'Organisation' }), 'navy');
    await expect.poll(() => search.calls.length).toBe(1);
    expect(search.calls[0]!.args[1]).toEqual({ kinds: ['organisation'], limit: 8 });
    search.calls[0]!.resolve([org(labs.value.id, 'Navy Labs'), org(yard.value.id, 'Navy Yard')]);
    await expect.element(page.getByRole('listbox', { name: 'Organisation suggestions' })).toBeVisible();

    await userEvent.keyboard('{ArrowDown}');
    await expect.element(page.getByRole('option', { name: 'Navy Yard' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');
    expect(picker.value).toBe(yard.value.id);
    expect(changes.events).toHaveLength(1);
    await expect.element(page.getByText('Navy Yard')).toBeVisible();
    await expectFocusOn(() => page.getByRole('button', { name: 'Remove organisation link' }).element());
  });

  it('removes the link and gives the focus back to the box', async () => {
    const { picker, store } = await mountPicker();
    const created = await store.create('organisation', { name: 'Navy Labs' });
    picker.value = created.ok ? created.value.id : '';
    await expect.element(page.getByText('Navy Labs')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Remove organisation link' }));
    expect(picker.value).toBe('');
    await expectFocusOn(() => page.getByRole('combobox', { name: 'Organisation' }).element());
  });

  it('says when the linked record no longer exists', async () => {
    const { picker } = await mountPicker();
    picker.value = 'gone';
    await expect.element(page.getByText('A record that no longer exists')).toBeVisible();
  });
});
