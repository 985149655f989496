import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { SearchHit, SearchOptions } from '../../worker/contract';
import { controlled } from '../../test/elements/fakes';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-search';

const hit = (id: string, title: string): SearchHit => ({ id, kind: 'person', title, subtitle: 'Analyst' });

const mountSearch = async () => {
  const search = controlled<[string, SearchOptions | undefined], SearchHit[]>();
  const { services } = await createTestServices({ services: { search: search.fn } });
  await mount('locket-search', { services });
  return search;
};

describe('locket-search', () => {
  it('shows what was found and opens a hit', async () => {
    const search = await mountSearch();
    const opened = listen('locket-open');
    await userEvent.fill(page.getByRole('searchbox', { name: 'Search records' }), 'ada');
    await expect.poll(() => search.calls.length).toBe(1);
    search.calls[0]!.resolve([hit('p1', 'Ada Lovelace')]);
    await expect.element(page.getByRole('status')).toHaveTextContent('1 found');
    await userEvent.click(page.getByRole('button', { name: 'Open Ada Lovelace' }));
    expect(opened.details).toEqual([{ id: 'p1' }]);
  });

  it('says when nothing matches', async () => {
    const search = await mountSearch();
    await userEvent.fill(page.getByRole('searchbox', { name: 'Search records' }), 'zebra');
    await expect.poll(() => search.calls.length).toBe(1);
    search.calls[0]!.resolve([]);
    await expect.element(page.getByRole('status')).toHaveTextContent('Nothing matches “zebra”.');
  });

  it('never lets the answer to an older query replace the newest one', async () => {
    const search = await mountSearch();
    const box = page.getByRole('searchbox', { name: 'Search records' });
    await userEvent.fill(box, 'ad');
    await userEvent.fill(box, 'ada');
    await expect.poll(() => search.calls.length).toBe(2);
    search.calls[1]!.resolve([hit('p1', 'Ada Lovelace')]);
    await expect.element(page.getByRole('button', { name: 'Open Ada Lovelace' })).toBeVisible();
    search.calls[0]!.resolve([hit('p2', 'Adam Smith'), hit('p3', 'Adele')]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect.element(page.getByRole('status')).toHaveTextContent('1 found');
    expect(page.getByRole('button', { name: 'Open Adam Smith' }).query()).toBeNull();
  });
});
