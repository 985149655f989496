import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { LocketStore } from '../../core/store/contract';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices, TEST_START } from '../../test/elements/test-services';
import './locket-pipeline-board';

const DAY = 86_400_000;

const deal = async (store: LocketStore, name: string, milestone: string, value: number | null, currency = 'EUR', owner = '') => {
  const result = await store.create('opportunity', { name, milestone, value, currency, probability: 50, expectedCloseDate: '2026-02-10', owner });
  if (!result.ok) throw new Error('test opportunity refused');
  return result.value;
};

const column = (name: string) => page.getByRole('region', { name, exact: true });

describe('locket-pipeline-board', () => {
  it('shows each milestone with its count and totals per currency, and the weighted forecast', async () => {
    const { services, store } = await createTestServices();
    await deal(store, 'Renewal', 'proposal', 1000);
    await deal(store, 'Upsell', 'proposal', 500, 'GBP');
    await deal(store, 'Pilot', 'new', null);
    await mount('locket-pipeline-board', { services });
    await expect.element(column('Proposal')).toHaveTextContent(/2 opportunities · €1,000\.00 · £500\.00/);
    await expect.element(column('New')).toHaveTextContent('1 opportunity');
    await expect.element(column('Closing')).toHaveTextContent('0 opportunities');
    await expect.element(page.getByRole('region', { name: /Forecast/ })).toHaveTextContent(/February 2026: €500\.00/);
    await expect.element(page.getByRole('region', { name: /Forecast/ })).toHaveTextContent(/February 2026: £250\.00/);
  });

  it('moves a card through its "Move to…" menu, and both columns’ totals follow', async () => {
    const { services, store } = await createTestServices();
    const renewal = await deal(store, 'Renewal', 'proposal', 1000);
    await deal(store, 'Other', 'negotiation', 300);
    await mount('locket-pipeline-board', { services });
    await expect.element(column('Proposal')).toHaveTextContent('€1,000.00');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Move Renewal to…' }), 'Negotiation');
    await expect.element(column('Negotiation')).toHaveTextContent(/2 opportunities · €1,300\.00/);
    await expect.element(column('Proposal')).toHaveTextContent('0 opportunities');
    const moved = await store.get(renewal.id);
    expect(moved?.kind === 'opportunity' && [moved.fields.milestone, moved.fields.probability]).toEqual(['negotiation', 75]);
  });

  it('asks why an opportunity was lost, from the owner’s reasons, and takes it off the board', async () => {
    const { services, store } = await createTestServices();
    const renewal = await deal(store, 'Renewal', 'closing', 1000);
    await services.pipeline?.savePipeline({ milestones: (await services.pipeline.readPipeline()).milestones, lostReasons: ['Price', 'Timing'] });
    await mount('locket-pipeline-board', { services });
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Move Renewal to…' }), 'Lost…');
    const form = page.getByRole('form', { name: 'Why was Renewal lost?' });
    await userEvent.selectOptions(form.getByRole('combobox', { name: 'Why was it lost?' }), 'Timing');
    await userEvent.click(form.getByRole('button', { name: 'Mark as lost' }));
    await expect.element(column('Closing')).toHaveTextContent('0 opportunities');
    const lost = await store.get(renewal.id);
    expect(lost?.kind === 'opportunity' && [lost.fields.status, lost.fields.lostReason]).toEqual(['lost', 'Timing']);
  });

  it('marks a card untouched for longer than its milestone allows as stale', async () => {
    const { services, store, clock } = await createTestServices();
    await deal(store, 'Quiet deal', 'closing', 100);
    clock.set(TEST_START + 8 * DAY);
    await deal(store, 'Busy deal', 'closing', 100);
    await mount('locket-pipeline-board', { services });
    const cards = column('Closing').getByRole('listitem');
    await expect.element(cards.filter({ hasText: 'Quiet deal' })).toHaveTextContent('stale');
    await expect.element(cards.filter({ hasText: 'Busy deal' })).not.toHaveTextContent('stale');
  });

  it('opens a card’s record', async () => {
    const { services, store } = await createTestServices();
    const renewal = await deal(store, 'Renewal', 'new', 10);
    const opened = listen('locket-open');
    await mount('locket-pipeline-board', { services });
    await userEvent.click(page.getByRole('button', { name: 'Open Renewal' }));
    expect(opened.details).toEqual([{ id: renewal.id }]);
  });

  it('filters like a list: cards, counts, totals and forecast follow the filter, which is there again next time', async () => {
    const { services, store } = await createTestServices();
    await deal(store, 'Renewal', 'proposal', 1000, 'EUR', 'Ada');
    await deal(store, 'Upsell', 'proposal', 600, 'EUR', 'Ben');
    await deal(store, 'Pilot', 'new', 300, 'EUR', 'Ben');
    const board = await mount('locket-pipeline-board', { services });
    await expect.element(column('Proposal')).toHaveTextContent(/2 opportunities · €1,600\.00/);
    await expect.element(page.getByRole('combobox', { name: 'Sort by' })).not.toBeInTheDocument();

    await userEvent.click(page.getByRole('button', { name: 'Add filter' }));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Field' }), 'Owner');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Condition' }), 'is');
    await userEvent.fill(page.getByRole('textbox', { name: 'Value' }), 'Ada');
    await userEvent.click(page.getByRole('button', { name: 'Add', exact: true }));

    await expect.element(column('Proposal')).toHaveTextContent(/1 opportunity · €1,000\.00/);
    await expect.element(column('Proposal')).not.toHaveTextContent('Upsell');
    await expect.element(column('New')).toHaveTextContent('0 opportunities');
    await expect.element(page.getByRole('region', { name: /Forecast/ })).toHaveTextContent(/February 2026: €500\.00/);

    // Remembered once saved: the board keeps it when opened again.
    await expect.poll(async () => (await services.store.getSettings()).listViews?.board?.filter.conditions.length).toBe(1);
    board.remove();
    await mount('locket-pipeline-board', { services });
    await expect.element(page.getByRole('button', { name: /Remove filter: Owner/ })).toBeInTheDocument();
    await expect.element(column('Proposal')).toHaveTextContent(/1 opportunity · €1,000\.00/);

    await userEvent.click(page.getByRole('button', { name: 'Clear filters' }));
    await expect.element(column('Proposal')).toHaveTextContent(/2 opportunities · €1,600\.00/);
    await expect.element(column('New')).toHaveTextContent('1 opportunity');
  });

  it('offers the owner’s milestones in its filter, renamed and added ones too, and keeps working once one is deleted', async () => {
    const { services, store } = await createTestServices();
    const pipeline = services.pipeline;
    if (!pipeline) throw new Error('the test services run the pipeline');
    const { milestones } = await pipeline.readPipeline();
    const renamed = milestones.map((milestone) => (milestone.id === 'proposal' ? { ...milestone, name: 'Offer sent' } : milestone));
    await pipeline.savePipeline({ milestones: [...renamed, { id: 'demo', name: 'Demo booked', probability: 40, daysUntilStale: 10 }], lostReasons: [] });
    await deal(store, 'Renewal', 'proposal', 1000);
    await deal(store, 'Pilot', 'demo', 300);
    await mount('locket-pipeline-board', { services });
    await expect.element(column('Demo booked')).toHaveTextContent('1 opportunity');

    await userEvent.click(page.getByRole('button', { name: 'Add filter' }));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Field' }), 'Milestone');
    const value = page.getByRole('combobox', { name: 'Value' });
    await expect.element(value.getByRole('option', { name: 'Offer sent' })).toBeInTheDocument();
    await userEvent.selectOptions(value, 'Demo booked');
    await userEvent.click(page.getByRole('button', { name: 'Add', exact: true }));
    await expect.element(page.getByRole('button', { name: 'Remove filter: Milestone is Demo booked' })).toBeInTheDocument();
    await expect.element(column('Demo booked')).toHaveTextContent(/1 opportunity · €300\.00/);
    await expect.element(column('Offer sent')).toHaveTextContent('0 opportunities');
    await expect.poll(async () => (await store.getSettings()).listViews?.board?.filter.conditions).toEqual([{ field: 'milestone', op: 'is', milestone: 'demo' }]);

    // Deleted, its opportunity moved first: the filter still reads, matches none, and can be removed.
    expect((await pipeline.deleteMilestone('demo', 'proposal')).ok).toBe(true);
    await expect.element(page.getByText('No open opportunity matches these filters.')).toBeInTheDocument();
    await userEvent.click(page.getByRole('button', { name: 'Remove filter: Milestone is demo' }));
    await expect.element(column('Offer sent')).toHaveTextContent(/2 opportunities · €1,300\.00/);
  });

  it('saves its filter as a board list, which opens the board filtered and is not the board’s own remembered filter', async () => {
    const { services, store } = await createTestServices();
    await deal(store, 'Renewal', 'proposal', 1000, 'EUR', 'Ada');
    await deal(store, 'Upsell', 'proposal', 600, 'EUR', 'Ben');
    const filter = { conditions: [{ field: 'owner' as const, op: 'is' as const, text: 'Ada' }] };
    await services.store.saveSettings({ listViews: { board: { filter } } });
    const savedLists = listen('locket-list-saved');
    const board = await mount('locket-pipeline-board', { services });
    await expect.element(column('Proposal')).toHaveTextContent('1 opportunity');
    await userEvent.click(page.getByRole('button', { name: 'Save list' }));
    await userEvent.fill(page.getByRole('textbox', { name: 'List name' }), 'Ada’s deals');
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }));
    await expect.poll(() => savedLists.details.length).toBe(1);
    const [list] = (await store.getSettings()).savedLists ?? [];
    expect(list && [list.name, list.kind, list.view, list.filter]).toEqual(['Ada’s deals', 'opportunity', 'board', filter]);
    board.remove();

    // Opened from the list: its filter, whatever the board remembers; a change to it is not remembered as the board's.
    await services.store.saveSettings({ listViews: { board: { filter: { conditions: [] } } } });
    await mount('locket-pipeline-board', { services, listId: list?.id ?? '', listFilter: list?.filter });
    await expect.element(page.getByRole('button', { name: /Remove filter: Owner/ })).toBeInTheDocument();
    await expect.element(column('Proposal')).toHaveTextContent(/1 opportunity · €1,000\.00/);
    await userEvent.click(page.getByRole('button', { name: 'Clear filters' }));
    await expect.element(column('Proposal')).toHaveTextContent('2 opportunities');
    expect((await store.getSettings()).listViews?.board?.filter.conditions).toEqual([]);
    expect((await store.getSettings()).savedLists?.[0]?.filter).toEqual(filter);
  });

  it('keeps the board as drawn under its own filter for the next side panel, and never a saved list’s', async () => {
    const kept: unknown[] = [];
    const firstScreens = { remember: (view: string, screen: () => unknown) => { if (view === 'board') kept.push(screen()); } };
    const { services, store } = await createTestServices({ services: { firstScreens } });
    await deal(store, 'Renewal', 'proposal', 1000, 'EUR', 'Ada');
    await deal(store, 'Upsell', 'proposal', 600, 'EUR', 'Ben');
    const filter = { conditions: [{ field: 'owner' as const, op: 'is' as const, text: 'Ada' }] };
    await services.store.saveSettings({ listViews: { board: { filter } } });
    const board = await mount('locket-pipeline-board', { services });
    await expect.element(column('Proposal')).toHaveTextContent('1 opportunity');
    await expect.poll(() => kept.length).toBeGreaterThan(0);
    expect(JSON.stringify(kept.at(-1))).toContain('Renewal');
    expect(JSON.stringify(kept.at(-1))).not.toContain('Upsell');
    board.remove();

    kept.length = 0;
    await mount('locket-pipeline-board', { services, listId: 'list-1', listFilter: filter });
    await expect.element(column('Proposal')).toHaveTextContent('1 opportunity');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(kept).toEqual([]);
  });

  it('says when no open opportunity matches the filter', async () => {
    const { services, store } = await createTestServices();
    await deal(store, 'Renewal', 'proposal', 1000, 'EUR', 'Ada');
    await services.store.saveSettings({ listViews: { board: { filter: { conditions: [{ field: 'owner', op: 'is', text: 'Nobody' }] } } } });
    await mount('locket-pipeline-board', { services });
    await expect.element(page.getByText('No open opportunity matches these filters.')).toBeInTheDocument();
  });

  it('draws the newest cards before the worker’s board arrives, then the exact counts and totals', async () => {
    const { services, store } = await createTestServices();
    await deal(store, 'Renewal', 'proposal', 1000);
    await deal(store, 'Upsell', 'proposal', 500, 'GBP');
    const pipeline = services.pipeline;
    if (!pipeline) throw new Error('the test services run the pipeline');
    let answer: () => void = () => undefined;
    const held = new Promise<void>((resolve) => { answer = resolve; });
    const slow = { ...pipeline, pipelineBoard: async (filter: Parameters<typeof pipeline.pipelineBoard>[0]) => { await held; return pipeline.pipelineBoard(filter); } };
    performance.clearMarks('locket:board-first-paint');
    await mount('locket-pipeline-board', { services: { ...services, pipeline: slow } });

    await expect.element(column('Proposal').getByRole('button', { name: 'Open Upsell' })).toBeVisible();
    await expect.element(column('Proposal')).toHaveTextContent('counting…');
    await expect.poll(() => performance.getEntriesByName('locket:board-first-paint', 'mark').length).toBe(1);
    answer();
    await expect.element(column('Proposal')).toHaveTextContent(/2 opportunities · €1,000\.00 · £500\.00/);
    await expect.element(column('Proposal')).not.toHaveTextContent('counting…');
    await expect.element(page.getByRole('region', { name: /Forecast/ })).toHaveTextContent(/February 2026: £250\.00/);
  });
});
