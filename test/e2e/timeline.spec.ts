import { expectAccessible } from './axe';
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
    await expectAccessible(page, 'an opportunity with its timeline');
  });

  await test.step('make a track in the options and apply it to the opportunity', async () => {
    const options = await openSurface('options');
    await options.setViewportSize({ width: 900, height: 700 });
    await options.getByRole('link', { name: 'Tracks', exact: true }).click();
    const section = options.getByRole('region', { name: 'Tracks', exact: true });
    await field(section, 'Track name').fill('Onboarding');
    await field(section, 'Steps').fill('1 | call | Kick-off call\n7 | email | Welcome pack\n30 | meeting | Review');
    await section.getByRole('button', { name: 'Add track' }).click();
    await expect(section.getByText('3 steps')).toBeVisible();
    await options.close();

    await page.reload();
    await createRecord(page, 'Opportunities', 'opportunity', { Name: 'Expansion', Currency: 'EUR' });
    await page.getByRole('button', { name: 'Apply a track' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Track applied: 3 tasks added.' })).toBeVisible();
  });
});
