import { expect, test } from './fixtures';
import { SIDE_PANEL_VIEWPORT, createAccount, createRecord, field } from './ui';

test('a logged call shows as last contacted and in the timeline; a milestone change is worded in the opportunity’s timeline', async ({
  openSurface, saveScreenshot,
}) => {
  const page = await openSurface('sidepanel');
  await page.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(page);

  await test.step('log a call on a person', async () => {
    await createRecord(page, 'People', 'person', { 'First name': 'Anna', 'Last name': 'Schmidt' });
    await expect(page.getByText('Not contacted yet')).toBeVisible();
    await page.getByRole('button', { name: 'Log a call' }).click();
    const form = page.getByRole('form', { name: 'Log a conversation' });
    await field(form, 'Duration (minutes)').fill('20');
    await field(form, 'Outcome').fill('Agreed a demo');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(/^Last contacted /)).toBeVisible();
    await page.getByRole('button', { name: 'Timeline', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: 'Agreed a demo' })).toContainText('Call');
  });

  await test.step('change an opportunity’s milestone and read it in its timeline', async () => {
    await createRecord(page, 'Opportunities', 'opportunity', { Name: 'Rollout', Currency: 'EUR' });
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('form', { name: 'Edit opportunity' });
    await field(edit, 'Milestone').selectOption('proposal');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('button', { name: 'Timeline', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Timeline' })).toContainText(/Milestone: new → proposal, by you, /);
    await saveScreenshot(page, 'timeline');
  });
});
