import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import '../locket-record-detail/locket-record-detail';

const HOUR = 3_600_000;

describe('locket-timeline (on a record’s page)', () => {
  it('words a milestone change and shows a logged call, with last contacted on the party', async () => {
    const { services, store, clock } = await createTestServices();
    const anna = await store.create('person', { firstName: 'Anna', lastName: 'Schmidt' });
    if (!anna.ok) throw new Error('person refused');
    const deal = await store.create('opportunity', { name: 'Rollout', partyId: anna.value.id, milestone: 'proposal', currency: 'EUR' });
    if (!deal.ok) throw new Error('opportunity refused');
    clock.advance(HOUR);
    await store.update(deal.value.id, 'opportunity', { milestone: 'negotiation' });

    const dealPage = await mount('locket-record-detail', { services, recordId: deal.value.id });
    await userEvent.click(page.getByRole('button', { name: 'Timeline', exact: true }));
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await expect.element(timeline.getByText(/^Milestone: proposal → negotiation, by you, /)).toBeVisible();

    dealPage.remove();
    await mount('locket-record-detail', { services, recordId: anna.value.id });
    await expect.element(page.getByText('Not contacted yet')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Log a call' }));
    await userEvent.fill(page.getByLabelText('Duration (minutes)'), '20');
    await userEvent.fill(page.getByLabelText('Outcome'), 'Agreed a demo');
    await userEvent.click(page.getByRole('button', { name: 'Save' }));
    await expect.poll(async () => (await store.linkedTo(anna.value.id)).filter((record) => record.kind === 'activity').length).toBe(1);
    await userEvent.click(page.getByRole('button', { name: 'Timeline', exact: true }));
    await expect.element(page.getByRole('list', { name: 'Timeline' }).getByText('Agreed a demo', { exact: false })).toBeVisible();
    await expect.element(page.getByText(/^Last contacted /)).toBeVisible();
    const activities = (await store.linkedTo(anna.value.id)).filter((record) => record.kind === 'activity');
    expect(activities).toHaveLength(1);
    expect(activities[0]?.kind === 'activity' && activities[0].fields).toMatchObject({ type: 'call', durationMinutes: 20, outcome: 'Agreed a demo' });
  });

  it('shows a lost opportunity’s reason on the record and names it in the timeline’s field change', async () => {
    const { services, store, clock } = await createTestServices();
    const deal = await store.create('opportunity', { name: 'Rollout', milestone: 'closing', currency: 'EUR' });
    if (!deal.ok) throw new Error('opportunity refused');
    clock.advance(HOUR);
    await store.update(deal.value.id, 'opportunity', { status: 'lost', lostReason: 'Price' });

    await mount('locket-record-detail', { services, recordId: deal.value.id });
    await expect.element(page.getByText('Lost reason', { exact: true })).toBeVisible();
    await expect.element(page.getByText('Price', { exact: true })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Timeline', exact: true }));
    await expect.element(page.getByRole('list', { name: 'Timeline' }).getByText(/Lost reason: .* → Price/)).toBeVisible();
  });

  it('applies a track to an opportunity and lists nothing more until a task is done', async () => {
    const { services, store } = await createTestServices();
    await store.saveSettings({ tracks: [{ id: 't1', name: 'Onboarding', steps: [{ description: 'Kick-off call', category: 'call', offsetDays: 1 }, { description: 'Review', category: '', offsetDays: 30 }] }] });
    const deal = await store.create('opportunity', { name: 'Rollout', currency: 'EUR' });
    if (!deal.ok) throw new Error('opportunity refused');
    await mount('locket-record-detail', { services, recordId: deal.value.id });
    await userEvent.click(page.getByRole('button', { name: 'Apply a track' }));
    await expect.element(page.getByText('Track applied: 2 tasks added.')).toBeVisible();
    const tasks = (await store.linkedTo(deal.value.id)).flatMap((record) => (record.kind === 'task' ? [record.fields.description] : []));
    expect(tasks).toEqual(['Kick-off call', 'Review']);
  });

  it('shows the newest screen of a long history first, and earlier entries on asking', async () => {
    const { services, store, clock } = await createTestServices();
    const deal = await store.create('opportunity', { name: 'Rollout', currency: 'EUR' });
    if (!deal.ok) throw new Error('opportunity refused');
    for (let i = 0; i < 60; i += 1) {
      clock.advance(HOUR);
      if (i % 2 === 0) await store.create('note', { body: `Note ${i}`, recordId: deal.value.id });
      else await store.update(deal.value.id, 'opportunity', { lostReason: `Reason ${i}` });
    }
    await mount('locket-record-detail', { services, recordId: deal.value.id });
    await userEvent.click(page.getByRole('button', { name: 'Timeline', exact: true }));
    const entries = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
    await expect.poll(() => entries.all().length).toBe(50);
    await expect.element(entries.first()).toHaveTextContent(/Reason 57 → Reason 59/);
    await userEvent.click(page.getByRole('button', { name: 'Show more' }));
    await expect.poll(() => entries.all().length).toBe(60);
    await expect.element(entries.last()).toHaveTextContent('Note 0');
    await expect.element(page.getByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });
});
