import { expect, pageErrors, test } from './fixtures';
import { DEFAULT_OWNER, SIDE_PANEL_VIEWPORT, createAccount, expectFieldError, showTab } from './ui';

test('the owner’s settings are kept, checked, and used for new opportunities', async ({ openSurface, saveScreenshot }) => {
  const options = await openSurface('options');
  await options.setViewportSize({ width: 900, height: 560 });
  await createAccount(options);
  const form = options.getByRole('form', { name: 'General settings' });
  const ownerName = form.getByLabel('Owner’s name');
  const currency = form.getByLabel('Default currency');
  // The name given at setup is the owner's name until changed here.
  await expect(ownerName).toHaveValue(DEFAULT_OWNER.name);
  await expect(currency).toHaveValue('EUR');

  await ownerName.fill('  Margaret Hamilton ');
  await currency.fill('gbp');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Settings saved.');
  // What is shown is what was stored: trimmed, the code in capitals.
  await expect(ownerName).toHaveValue('Margaret Hamilton');
  await expect(currency).toHaveValue('GBP');

  await options.reload();
  await expect(ownerName).toHaveValue('Margaret Hamilton');
  await expect(currency).toHaveValue('GBP');

  await test.step('a made-up currency is refused next to the field and nothing changes', async () => {
    await currency.fill('POUNDS');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expectFieldError(form, 'Default currency', 'Use a three-letter currency code, such as EUR.');
    await expect(form.getByRole('status')).toHaveCount(0);
    await saveScreenshot(options, 'options-currency-error');
    await options.reload();
    await expect(currency).toHaveValue('GBP');
  });

  await test.step('a new opportunity starts in the default currency', async () => {
    const panel = await openSurface('sidepanel');
    await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
    await showTab(panel, 'Opportunities');
    await panel.getByRole('button', { name: 'New opportunity' }).click();
    const opportunity = panel.getByRole('form', { name: 'New opportunity' });
    await expect(opportunity.getByLabel('Currency', { exact: true })).toHaveValue('GBP');
    await opportunity.getByLabel('Name', { exact: true }).fill('Guidance software');
    await opportunity.getByLabel('Value', { exact: true }).fill('2500');
    await opportunity.getByRole('button', { name: 'Add opportunity' }).click();
    await expect(panel.getByRole('main').getByText('£2,500', { exact: true })).toBeVisible();
    expect(pageErrors(panel)).toEqual([]);
  });
  expect(pageErrors(options)).toEqual([]);
});
