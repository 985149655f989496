import type { Page } from '@playwright/test';
import { expect, pageErrors, test } from './fixtures';
import {
  SIDE_PANEL_VIEWPORT, createAccount, createRecord, expectFieldError, expectNoFieldError, fillFields, listedCount, showTab,
  type Fields, type ListedTab,
} from './ui';

/** Opens an empty "New …" form, fills it, and submits it; returns the form. */
const submitNew = async (page: Page, tab: ListedTab, noun: string, fields: Fields) => {
  await showTab(page, tab);
  await page.getByRole('button', { name: `New ${noun}` }).click();
  const form = page.getByRole('form', { name: `New ${noun}` });
  await fillFields(form, fields);
  await form.getByRole('button', { name: `Add ${noun}` }).click();
  return form;
};

/** Backs out of a refused form and reads the list's count: the refused record must not be in it. */
const countAfterCancel = async (page: Page, tab: ListedTab): Promise<number> => {
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
  return listedCount(page, tab);
};

test('a person needs a name and valid emails; a refused person is not saved', async ({ openSurface, saveScreenshot }) => {
  const page = await openSurface('sidepanel');
  await page.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(page);
  await createRecord(page, 'People', 'person', { 'First name': 'Grace', 'Last name': 'Hopper' });

  const nameless = await submitNew(page, 'People', 'person', { 'Job title': 'Admiral' });
  await expectFieldError(nameless, 'First name', 'Enter a first or last name.');
  // What the user typed is still there to correct.
  await expect(nameless.getByLabel('Job title')).toHaveValue('Admiral');
  expect(await countAfterCancel(page, 'People')).toBe(1);

  const badEmail = await submitNew(page, 'People', 'person', {
    'First name': 'Alan', Emails: 'alan@example.org\nalan at example dot org',
  });
  await expectFieldError(badEmail, 'Emails', '“alan at example dot org” is not a valid email address.');
  await expectNoFieldError(badEmail, 'First name');
  await saveScreenshot(page, 'validation-person-email');
  expect(await countAfterCancel(page, 'People')).toBe(1);
  expect(pageErrors(page)).toEqual([]);
});

test('an organisation with a malformed domain is refused', async ({ openSurface }) => {
  const page = await openSurface('sidepanel');
  await page.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(page);

  const form = await submitNew(page, 'Organisations', 'organisation', { Name: 'Initech', Domain: 'initech com' });
  await expectFieldError(form, 'Domain', '“initech com” is not a domain. Enter a domain such as example.co.uk.');
  await expectNoFieldError(form, 'Name');
  expect(await countAfterCancel(page, 'Organisations')).toBe(0);

  // Corrected, the same input saves.
  const fixed = await submitNew(page, 'Organisations', 'organisation', { Name: 'Initech', Domain: 'initech.example' });
  await expect(fixed).toHaveCount(0);
  await showTab(page, 'Organisations');
  expect(await listedCount(page, 'Organisations')).toBe(1);
  expect(pageErrors(page)).toEqual([]);
});

test('an opportunity refuses a negative value, a probability over 100 and a made-up currency', async ({
  openSurface, saveScreenshot,
}) => {
  const page = await openSurface('sidepanel');
  await page.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(page);

  const form = await submitNew(page, 'Opportunities', 'opportunity', {
    Name: 'Support contract', Value: '-500', Currency: 'EURO', 'Probability (%)': '150',
  });
  await expectFieldError(form, 'Value', 'Enter a value of 0 or more.');
  await expectFieldError(form, 'Currency', 'Use a three-letter currency code such as EUR.');
  await expectFieldError(form, 'Probability (%)', 'Probability is a whole number from 0 to 100.');
  await expectNoFieldError(form, 'Name');
  await expect(form.getByLabel('Value', { exact: true })).toBeFocused();
  await saveScreenshot(page, 'validation-opportunity');
  expect(await countAfterCancel(page, 'Opportunities')).toBe(0);

  const oneLeft = await submitNew(page, 'Opportunities', 'opportunity', {
    Name: 'Support contract', Value: '500', Currency: 'eur', 'Probability (%)': '100.5',
  });
  await expectFieldError(oneLeft, 'Probability (%)', 'Probability is a whole number from 0 to 100.');
  await expectNoFieldError(oneLeft, 'Value');
  await expectNoFieldError(oneLeft, 'Currency');
  expect(await countAfterCancel(page, 'Opportunities')).toBe(0);
  expect(pageErrors(page)).toEqual([]);
});
