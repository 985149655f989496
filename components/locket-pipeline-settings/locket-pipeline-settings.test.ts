import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-pipeline-settings';

const milestones = () => page.getByRole('table', { name: 'Milestones' });

describe('locket-pipeline-settings', () => {
  it('adds, renames and reorders milestones and sets their probability and days, saved at once', async () => {
    const { services } = await createTestServices();
    await mount('locket-pipeline-settings', { services });
    await expect.element(milestones()).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Add milestone' }));
    const name = milestones().getByRole('textbox', { name: 'Name' }).nth(5);
    await userEvent.clear(name);
    await userEvent.fill(name, 'Pilot');
    await userEvent.tab();
    await userEvent.click(page.getByRole('button', { name: 'Move Pilot up' }));
    const probability = page.getByRole('spinbutton', { name: 'Probability (%): Pilot' });
    await userEvent.clear(probability);
    await userEvent.fill(probability, '40');
    await userEvent.tab();
    const days = page.getByRole('spinbutton', { name: 'Days until stale: Pilot' });
    await userEvent.clear(days);
    await userEvent.fill(days, '30');
    await userEvent.tab();
    await userEvent.click(page.getByRole('button', { name: 'Save pipeline' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Pipeline saved.');
    const saved = await services.pipeline?.readPipeline();
    expect(saved?.milestones.map((milestone) => [milestone.id, milestone.name, milestone.probability, milestone.daysUntilStale])).toEqual([
      ['new', '', 10, 14], ['qualified', '', 25, 21], ['proposal', '', 50, 21], ['negotiation', '', 75, 14],
      ['new-milestone', 'Pilot', 40, 30], ['closing', '', 90, 7],
    ]);
  });

  it('keeps a list of lost reasons', async () => {
    const { services } = await createTestServices();
    await mount('locket-pipeline-settings', { services });
    await userEvent.fill(page.getByRole('textbox', { name: 'New lost reason' }), 'Too expensive');
    await userEvent.click(page.getByRole('button', { name: 'Add reason' }));
    await userEvent.fill(page.getByRole('textbox', { name: 'New lost reason' }), 'Went quiet');
    await userEvent.keyboard('{Enter}');
    await userEvent.click(page.getByRole('button', { name: 'Remove Too expensive' }));
    await userEvent.click(page.getByRole('button', { name: 'Save pipeline' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Pipeline saved.');
    expect((await services.pipeline?.readPipeline())?.lostReasons).toEqual(['Went quiet']);
  });

  it('asks where a deleted milestone’s opportunities go, and moves them as it deletes it', async () => {
    const { services, store } = await createTestServices();
    const created = await store.create('opportunity', { name: 'Renewal', milestone: 'qualified' });
    if (!created.ok) throw new Error('test opportunity refused');
    await mount('locket-pipeline-settings', { services });
    await userEvent.click(page.getByRole('button', { name: 'Delete Qualified' }));
    const dialog = page.getByRole('alertdialog', { name: 'Delete Qualified?' });
    await userEvent.selectOptions(dialog.getByRole('combobox'), 'Proposal');
    await userEvent.click(dialog.getByRole('button', { name: 'Move them and delete' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Qualified deleted; 1 opportunity moved.');
    expect(page.getByRole('button', { name: 'Delete Qualified' }).query()).toBeNull();
    const moved = await store.get(created.value.id);
    expect(moved?.kind === 'opportunity' && moved.fields.milestone).toBe('proposal');
    expect((await services.pipeline?.readPipeline())?.milestones.map((milestone) => milestone.id)).toEqual(['new', 'proposal', 'negotiation', 'closing']);
  });
});
