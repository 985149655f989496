import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-record-list';

describe('locket-record-list', () => {
  it('says when a kind has no records yet', async () => {
    const { services } = await createTestServices();
    await mount('locket-record-list', { services, kind: 'case' });
    await expect.element(page.getByText('No cases yet.')).toBeVisible();
  });

  it('lists the records with their count, follows changes, and opens one', async () => {
    const { services, store } = await createTestServices();
    const ada = await store.create('person', { firstName: 'Ada', lastName: 'Lovelace' });
    await store.create('person', { firstName: 'Grace', lastName: 'Hopper' });
    const opened = listen('locket-open');
    await mount('locket-record-list', { services, kind: 'person' });
    await expect.element(page.getByRole('status')).toHaveTextContent('2 people');
    await expect.element(page.getByRole('button', { name: 'Open Grace Hopper' })).toBeVisible();

    await store.create('person', { firstName: 'Alan', lastName: 'Turing' });
    await expect.element(page.getByRole('status')).toHaveTextContent('3 people');
    await expect.element(page.getByRole('button', { name: 'Open Alan Turing' })).toBeVisible();

    await userEvent.click(page.getByRole('button', { name: 'Open Ada Lovelace' }));
    expect(opened.details).toEqual([{ id: ada.ok ? ada.value.id : '' }]);
  });

  it('paints the first rows before it counts the whole list', async () => {
    const { services, store } = await createTestServices();
    await store.create('person', { firstName: 'Ada', lastName: 'Lovelace' });
    const rowsWhenCounted: number[] = [];
    const counting = {
      ...services,
      store: {
        ...services.store,
        count: (kind: Parameters<typeof services.store.count>[0]) => {
          rowsWhenCounted.push(document.querySelector('locket-record-list')?.shadowRoot?.querySelectorAll('button.row-open').length ?? 0);
          return services.store.count(kind);
        },
      },
    };
    await mount('locket-record-list', { services: counting, kind: 'person' });
    await expect.element(page.getByRole('status')).toHaveTextContent('1 person');
    expect(rowsWhenCounted).toEqual([1]);
  });

  it('draws the rows of a reloaded page in a frame after the task that read and decrypted it', async () => {
    const { services, store } = await createTestServices();
    await store.create('person', { firstName: 'Ada', lastName: 'Lovelace' });
    let frames = 0;
    let pageReadInFrame = -1;
    const paging = {
      ...services,
      store: {
        ...services.store,
        page: async (...args: Parameters<typeof services.store.page>) => {
          const rows = await services.store.page(...args);
          if (rows.some((row) => row.kind === 'person' && row.fields.firstName === 'Grace')) pageReadInFrame = frames;
          return rows;
        },
      },
    };
    await mount('locket-record-list', { services: paging, kind: 'person' });
    await expect.element(page.getByRole('status')).toHaveTextContent('1 person');

    // A frame counter whose callback runs first in every frame, noting the first frame that finds the new row drawn.
    let rowSeenInFrame = -1;
    const tick = () => {
      frames++;
      const rows = [...document.querySelector('locket-record-list')?.shadowRoot?.querySelectorAll('button.row-open') ?? []];
      if (rows.some((row) => row.textContent?.includes('Grace'))) rowSeenInFrame = frames;
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    // A change elsewhere (a restore, another page) makes the list read its first page again.
    await store.create('person', { firstName: 'Grace', lastName: 'Hopper' });
    await expect.element(page.getByRole('button', { name: 'Open Grace Hopper' })).toBeVisible();
    await expect.poll(() => rowSeenInFrame).toBeGreaterThan(0);
    expect(pageReadInFrame).toBeGreaterThanOrEqual(0);
    // Drawn in the task that read the page, the row would be found by the very next frame's
    // first callback; drawn in that next frame, only by the one after.
    expect(rowSeenInFrame - pageReadInFrame).toBeGreaterThanOrEqual(2);
  });

  it('keeps the virtualizer\'s items while the length holds, and still draws a renamed row and a page scrolled to', async () => {
    const { services, store } = await createTestServices();
    await store.insertMany('person', Array.from({ length: 119 }, (_, index) => ({ firstName: 'Person', lastName: String(index + 1).padStart(3, '0') })));
    const ada = await store.create('person', { firstName: 'Ada', lastName: 'Lovelace' });
    if (!ada.ok) throw new Error('not created');
    const list = await mount('locket-record-list', { services, kind: 'person' });
    await expect.element(page.getByRole('status').first()).toHaveTextContent('120 people');
    await expect.element(page.getByRole('button', { name: 'Open Ada Lovelace' })).toBeVisible();
    const virtualizer = list.shadowRoot?.querySelector('lit-virtualizer') as (HTMLElement & { items: unknown[] }) | null;
    if (!virtualizer) throw new Error('no virtualizer');
    // A new array of items makes the virtualizer measure and lay out every row again.
    const items = virtualizer.items;

    await store.update(ada.value.id, 'person', { firstName: 'Augusta Ada' });
    await expect.element(page.getByRole('button', { name: 'Open Augusta Ada Lovelace' })).toBeVisible();
    expect(virtualizer.items).toBe(items);

    // Rows past the first page are read as they scroll into view, and drawn once read.
    virtualizer.scrollTop = virtualizer.scrollHeight;
    await expect.element(page.getByRole('button', { name: 'Open Person 001' })).toBeVisible();
    expect(virtualizer.items).toBe(items);
  });

  it('keeps a row drawn while its page is read again, even when the list redraws meanwhile', async () => {
    const { services, store } = await createTestServices();
    const ada = await store.create('person', { firstName: 'Ada', lastName: 'Lovelace' });
    if (!ada.ok) throw new Error('not created');
    let held: PromiseWithResolvers<undefined> | null = null;
    let heldReads = 0;
    const slowPages = {
      ...services,
      store: {
        ...services.store,
        page: async (...args: Parameters<typeof services.store.page>) => {
          if (held) { heldReads++; await held.promise; }
          return services.store.page(...args);
        },
      },
    };
    const list = await mount('locket-record-list', { services: slowPages, kind: 'person' });
    await expect.element(page.getByRole('button', { name: 'Open Ada Lovelace' })).toBeVisible();

    // A change elsewhere (a restore, another page) makes the list read its page again, slowly.
    held = Promise.withResolvers<undefined>();
    await store.update(ada.value.id, 'person', { firstName: 'Augusta Ada' });
    await expect.poll(() => heldReads).toBeGreaterThan(0);
    // Picking the row redraws the list while the page is still being read.
    await userEvent.click(page.getByRole('checkbox', { name: 'Select Ada Lovelace' }));
    await expect.element(page.getByRole('checkbox', { name: 'Select Ada Lovelace' })).toBeChecked();
    expect(list.shadowRoot?.querySelectorAll('.placeholder')).toHaveLength(0);

    held.resolve(undefined);
    await expect.element(page.getByRole('button', { name: 'Open Augusta Ada Lovelace' })).toBeVisible();
    await expect.element(page.getByRole('checkbox', { name: 'Select Augusta Ada Lovelace' })).toBeChecked();
  });

  it('keeps the people list\'s first rows, as drawn, for the next side panel, and no other list\'s', async () => {
    const { services, store } = await createTestServices();
    await store.create('person', { firstName: 'Ada', lastName: 'Lovelace', jobTitle: 'Analyst' });
    await store.create('organisation', { name: 'Analytical Engines' });
    const remembered: unknown[] = [];
    const keeping = { ...services, firstScreens: { remember: (view: string, screen: () => unknown) => { if (view === 'people') remembered.push(screen()); } } };
    const list = await mount('locket-record-list', { services: keeping, kind: 'organisation' });
    await expect.element(page.getByRole('button', { name: 'Open Analytical Engines' })).toBeVisible();
    list.kind = 'person';
    await expect.element(page.getByRole('button', { name: 'Open Ada Lovelace' })).toBeVisible();
    await expect.poll(() => remembered.length).toBe(1);
    expect(remembered).toEqual([{ rows: [{ title: 'Ada Lovelace', subtitle: expect.stringMatching(/^Analyst · /) }] }]);
  });

  it('does not show the previous kind under the new one', async () => {
    const { services, store } = await createTestServices();
    await store.create('person', { firstName: 'Ada', lastName: 'Lovelace' });
    const list = await mount('locket-record-list', { services, kind: 'person' });
    await expect.element(page.getByRole('button', { name: 'Open Ada Lovelace' })).toBeVisible();
    list.kind = 'organisation';
    await expect.element(page.getByText('No organisations yet.')).toBeVisible();
    expect(page.getByRole('button', { name: 'Open Ada Lovelace' }).query()).toBeNull();
  });

  it('selects a range with shift-click and every record with "select all", then offers the bulk actions', async () => {
    const { services, store } = await createTestServices();
    for (const name of ['A', 'B', 'C', 'D', 'E']) await store.create('person', { firstName: name, lastName: 'Row' });
    await mount('locket-record-list', { services, kind: 'person' });
    await expect.element(page.getByRole('status').first()).toHaveTextContent('5 people');
    const boxes = page.getByRole('list', { name: 'People' }).getByRole('checkbox');

    await userEvent.click(boxes.nth(1));
    await userEvent.keyboard('{Shift>}');
    await userEvent.click(boxes.nth(3));
    await userEvent.keyboard('{/Shift}');
    await expect.element(page.getByRole('toolbar', { name: 'Bulk actions' })).toHaveTextContent('3 selected');
    await expect.element(boxes.nth(0)).not.toBeChecked();
    await expect.element(boxes.nth(2)).toBeChecked();

    await userEvent.click(page.getByRole('button', { name: 'Select all 5' }));
    await expect.element(page.getByRole('toolbar', { name: 'Bulk actions' })).toHaveTextContent('5 selected');
    await userEvent.click(page.getByRole('button', { name: 'Clear selection' }));
    expect(page.getByRole('toolbar').query()).toBeNull();
  });

  it('selects all matching the list\'s filter when it has one', async () => {
    const { services, store } = await createTestServices();
    for (const [name, tags] of [['Ada', ['vip']], ['Alan', ['vip']], ['Grace', []]] as const) {
      await store.create('person', { firstName: name, lastName: 'Row', tags });
    }
    await mount('locket-record-list', {
      services, kind: 'person', filter: { conditions: [{ field: 'tag', op: 'has', tag: 'vip' }] },
    });
    await userEvent.click(page.getByRole('button', { name: 'Select all 2' }));
    await expect.element(page.getByRole('toolbar', { name: 'Bulk actions' })).toHaveTextContent('2 selected');
  });

  it('shows when each person was last contacted once the rows are painted, one worker call per page, and follows a call logged', async () => {
    const { services, store, clock } = await createTestServices();
    const ada = await store.create('person', { firstName: 'Ada', lastName: 'Lovelace' });
    await store.create('person', { firstName: 'Grace', lastName: 'Hopper' });
    if (!ada.ok) throw new Error('not saved');
    await store.create('activity', { type: 'call', recordId: ada.value.id, occurredAt: Date.UTC(2026, 0, 3, 10), body: '' });
    const asked: (readonly string[])[] = [];
    const rowsWhenAsked: number[] = [];
    const contacts = services.contacts!;
    const counting = {
      ...services,
      contacts: {
        ...contacts,
        lastContactedOf: (ids: readonly string[]) => {
          asked.push(ids);
          rowsWhenAsked.push(document.querySelector('locket-record-list')?.shadowRoot?.querySelectorAll('button.row-open').length ?? 0);
          return contacts.lastContactedOf([...ids]);
        },
      },
    };
    await mount('locket-record-list', { services: counting, kind: 'person' });
    const adaRow = page.getByRole('listitem').filter({ hasText: 'Ada Lovelace' });
    await expect.element(adaRow).toHaveTextContent(/Last contacted (Jan 3|3 Jan)/);
    // The rows were on screen before the worker was asked, and both rows went in one call.
    expect(rowsWhenAsked[0]).toBe(2);
    expect(asked).toHaveLength(1);
    expect([...asked[0]!].sort()).toHaveLength(2);
    await expect.element(page.getByRole('listitem').filter({ hasText: 'Grace Hopper' })).not.toHaveTextContent('Last contacted');

    clock.set(Date.UTC(2026, 1, 9, 12));
    await store.create('activity', { type: 'meeting', recordId: ada.value.id, occurredAt: clock.now(), body: '' });
    await expect.element(adaRow).toHaveTextContent(/Last contacted (Feb 9|9 Feb)/);
  });

  it('names each milestone as the owner does when sorted by milestone, and follows a rename', async () => {
    const { services, store } = await createTestServices();
    const pipeline = await services.pipeline!.readPipeline();
    const renamed = (name: string) => ({ ...pipeline, milestones: pipeline.milestones.map((m) => (m.id === 'proposal' ? { ...m, name } : m)) });
    await services.pipeline!.savePipeline(renamed('Offer sent'));
    await store.create('opportunity', { name: 'Renewal', milestone: 'proposal' });
    await mount('locket-record-list', { services, kind: 'opportunity', sort: { column: 'milestone', direction: 'asc' } });
    await expect.element(page.getByRole('listitem').filter({ hasText: 'Renewal' })).toHaveTextContent('Offer sent');
    await services.pipeline!.savePipeline(renamed('Quote out'));
    await expect.element(page.getByRole('listitem').filter({ hasText: 'Renewal' })).toHaveTextContent('Quote out');
  });
});

