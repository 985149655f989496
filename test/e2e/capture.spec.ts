import type { Page } from '@playwright/test';
import { test as base, expect, pageErrors } from './fixtures';
import { launchForCapture, pressToolbarButton, selectText, serveFixtures, type FixtureServer } from './capture-helpers';
import { waitForSidePanel } from './side-panel-target';
import { SIDE_PANEL_VIEWPORT, createAccount, field, linkedSection } from './ui';

/**
 * Quick capture end to end: fixture pages served from 127.0.0.1, captured through the real
 * toolbar popup (Extensions.triggerAction grants activeTab as a click would; see
 * capture-helpers.ts), checked and saved in the side panel.
 */
const test = base.extend<{ fixtures: FixtureServer }>({
  // Same profile and teardown as the shared harness, launched with the toolbar-button switch.
  liveBrowser: async ({ userDataDir }, use) => {
    const live = { current: await launchForCapture(userDataDir) };
    await use(live);
    await live.current.close();
  },
  // eslint-disable-next-line no-empty-pattern
  fixtures: async ({}, use) => {
    const server = await serveFixtures();
    await use(server);
    await server.close();
  },
});

const captureView = (panel: Page) => panel.getByRole('region', { name: 'Quick capture' });

test('a profile page becomes a person with a source note, and a second capture offers to update them', async ({
  context, extensionId, openSurface, fixtures, saveScreenshot,
}) => {
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(panel);

  const site = await context.newPage();
  await site.goto(fixtures.url('json-ld-person.html'));
  await selectText(site, 'main p');
  const popup = await pressToolbarButton(context, extensionId, site);
  await popup.click('Capture this page');

  const view = captureView(panel);
  const form = view.getByRole('form', { name: 'New person' });
  await expect(field(form, 'First name')).toHaveValue('Ada');
  await expect(field(form, 'Last name')).toHaveValue('Okafor');
  await expect(field(form, 'Job title')).toHaveValue('Head of Data');
  await expect(field(form, 'Emails')).toHaveValue('ada.okafor@northwind.example');
  await expect(field(form, 'Lawful basis')).toHaveValue('legitimate-interests');
  await expect(field(form, 'Basis source')).toHaveValue(`Captured from ${fixtures.url('json-ld-person.html')}`);
  const sidePanel = await waitForSidePanel(context, panel);
  expect(sidePanel, 'the popup’s click opened the browser’s side panel').toBeDefined();
  await panel.bringToFront();
  await saveScreenshot(panel, 'capture-profile-form');

  await form.getByRole('button', { name: 'Add person' }).click();
  await expect(panel.getByRole('heading', { level: 2, name: 'Ada Okafor', exact: true })).toBeVisible();
  await expect(linkedSection(panel, 'Notes')).toContainText('Head of Data at Northwind Analytics.');
  expect(pageErrors(panel)).toEqual([]);
});
