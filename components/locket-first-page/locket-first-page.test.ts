import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { mount } from '../../test/elements/mount';
import './locket-first-page';

describe('locket-first-page', () => {
  it('shows the remembered rows as text, busy, with nothing to click until the list is live', async () => {
    await mount('locket-first-page', { page: { rows: [{ title: 'Ada Lovelace', subtitle: 'Analyst' }, { title: '<b>Grace</b>', subtitle: '' }] } });
    const list = page.getByRole('list', { name: 'People' });
    await expect.element(list).toHaveAttribute('aria-busy', 'true');
    await expect.element(list.getByRole('listitem').nth(0)).toHaveTextContent('Ada LovelaceAnalyst');
    // What a user wrote is text, never markup.
    await expect.element(list.getByRole('listitem').nth(1)).toHaveTextContent('<b>Grace</b>');
    expect(list.getByRole('button').query()).toBeNull();
    await expect.element(page.getByRole('status')).toHaveTextContent('Opening Locket…');
  });
});
