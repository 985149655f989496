import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { RecordId } from '../../core/records/types';
import { hasFocus } from '../../test/elements/focus';
import { mount } from '../../test/elements/mount';
import { createFakeTeam, testTeamView } from '../../test/elements/team-fakes';
import { createTestServices } from '../../test/elements/test-services';
import './locket-workspace';

describe('locket-workspace', () => {
  it('goes from a kind\'s list to a new record, to its detail after saving, and back', async () => {
    const { services } = await createTestServices();
    await mount('locket-workspace', { services });
    await userEvent.click(page.getByRole('tab', { name: 'Organisations' }));
    await expect.element(page.getByRole('tab', { name: 'Organisations' })).toHaveAttribute('aria-selected', 'true');
    await expect.element(page.getByText('No organisations yet.')).toBeVisible();

    await userEvent.click(page.getByRole('button', { name: 'New organisation' }));
    await userEvent.fill(page.getByLabelText('Name', { exact: true }), 'Navy Labs');
    await userEvent.click(page.getByRole('button', { name: 'Add organisation' }));
    await expect.element(page.getByRole('heading', { name: 'Navy Labs' })).toBeVisible();
    // The form went with the button pressed: the keyboard continues in the new view, not at the top of the page.
    await expect.poll(() => hasFocus(page.getByRole('main'))).toBe(true);

    await userEvent.click(page.getByRole('button', { name: 'Back' }));
    await expect.element(page.getByRole('button', { name: 'Open Navy Labs' })).toBeVisible();
  });

  it('opens the record another surface asked for, and locks on request', async () => {
    let requestOpen: (id: RecordId) => void = () => undefined;
    const lockNow = vi.fn(async () => undefined);
    const { services, store } = await createTestServices({
      services: { onOpenRequest: (listener) => { requestOpen = listener; return () => undefined; } },
      security: { lockNow },
    });
    const created = await store.create('person', { firstName: 'Ada', lastName: 'Lovelace' });
    await mount('locket-workspace', { services });
    requestOpen(created.ok ? created.value.id : '');
    await expect.element(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();

    await userEvent.click(page.getByRole('button', { name: 'Lock' }));
    expect(lockNow).toHaveBeenCalledOnce();
  });

  it('shows the trash and marks it as the current view', async () => {
    const { services } = await createTestServices();
    await mount('locket-workspace', { services });
    await userEvent.click(page.getByRole('button', { name: 'Trash' }));
    await expect.element(page.getByRole('heading', { name: 'Trash' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Trash' })).toHaveAttribute('aria-current', 'page');
  });

  it('opens on the pipeline board when asked to start there, and goes back to the list', async () => {
    const { services } = await createTestServices();
    await mount('locket-workspace', { services }, { 'start-view': 'pipeline' });
    await expect.element(page.getByRole('button', { name: 'Pipeline' })).toHaveAttribute('aria-current', 'page');
    await expect.element(page.getByRole('group', { name: 'Milestones' })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Back' }));
    await expect.element(page.getByRole('tab', { name: 'People' })).toHaveAttribute('aria-selected', 'true');
  });

  it('gives a read-only member records to read and no control to add, edit, trash or erase them', async () => {
    const { services, store } = await createTestServices();
    const created = await store.create('person', { firstName: 'Ada', lastName: 'Lovelace' });
    const id = created.ok ? created.value.id : '';
    await store.create('note', { body: 'Met at the fair.', recordId: id, sourceUrl: null, capturedAt: null });
    await mount('locket-workspace', { services, readOnly: true });
    await userEvent.click(page.getByRole('button', { name: 'Open Ada Lovelace' }));
    await expect.element(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
    await expect.element(page.getByText('Met at the fair.')).toBeVisible();
    for (const control of ['New person', 'Trash', 'Edit', 'Delete', 'Add note', 'Erase…']) {
      expect(page.getByRole('button', { name: control, exact: true }).query(), control).toBeNull();
    }
    expect(page.getByLabelText('New note').query()).toBeNull();
  });

  it('keeps every control for a member who may edit, as before', async () => {
    const { services, store } = await createTestServices();
    await store.create('person', { firstName: 'Ada', lastName: 'Lovelace' });
    await mount('locket-workspace', { services });
    await userEvent.click(page.getByRole('button', { name: 'Open Ada Lovelace' }));
    await expect.element(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
    for (const control of ['New person', 'Trash', 'Edit', 'Delete', 'Add note', 'Erase…']) {
      await expect.element(page.getByRole('button', { name: control, exact: true }), { message: control }).toBeVisible();
    }
  });

  it('turns read-only by itself once it learns the member’s role in the team is read-only', async () => {
    const { services: team } = createFakeTeam({ teamView: async () => ({ ok: true, value: testTeamView({ myRole: 'read-only' }) }) });
    const { services } = await createTestServices({ services: { team } });
    await mount('locket-workspace', { services });
    await expect.element(page.getByRole('tab', { name: 'People' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'New person' })).not.toBeInTheDocument();
    expect(page.getByRole('button', { name: 'Trash', exact: true }).query()).toBeNull();
  });
});
