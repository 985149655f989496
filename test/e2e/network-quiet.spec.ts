import type { Page } from '@playwright/test';
import { test as base, expect, pageErrors } from './fixtures';
import { pressToolbarButton, serveFixtures, type FixtureServer } from './capture-helpers';
import { EXTENSION_DIR } from './launch';
import {
  logRequests, startRecordingProxy, unexpectedTargets, type RecordingProxy, type RequestLog,
} from './network-recorder';
import { launchExtensionContext } from '../support/chromium';
import {
  DEFAULT_OWNER, SIDE_PANEL_VIEWPORT, createAccount, createRecord, field, searchBox, searchResults, showTab,
  surfaceElement, typeUntilFound, unlock,
} from './ui';

/**
 * "Nothing leaves the device", checked twice over a whole journey: the browser's only route
 * out is a proxy that answers nothing and remembers every target, and every request
 * Playwright reports from the extension's pages, workers and background is kept with who
 * made it. Only chrome-extension:, data: and blob: URLs are allowed. The web page that is
 * captured loads from 127.0.0.1 (never through the proxy) and its own requests are its own.
 */
const CONTROL_URL = 'http://locket-quiet-control.invalid/';

const test = base.extend<{ exitProxy: RecordingProxy; fixtures: FixtureServer; requests: RequestLog }>({
  // eslint-disable-next-line no-empty-pattern
  exitProxy: async ({}, use) => {
    const proxy = await startRecordingProxy();
    await use(proxy);
    await proxy.close();
  },
  // eslint-disable-next-line no-empty-pattern
  fixtures: async ({}, use) => {
    const server = await serveFixtures();
    await use(server);
    await server.close();
  },
  // The shared profile and teardown, with the proxy as the only way out, and the switch that
  // lets the test press the toolbar button (capture-helpers.ts).
  liveBrowser: async ({ userDataDir, exitProxy }, use) => {
    const context = await launchExtensionContext(EXTENSION_DIR, userDataDir, [
      '--enable-unsafe-extension-debugging', `--proxy-server=${exitProxy.address}`,
    ]);
    const live = { current: context };
    await use(live);
    await live.current.close();
  },
  requests: async ({ context }, use) => {
    await use(logRequests(context));
  },
});

test('a whole journey makes no network request, and the pages’ CSP refuses one', async ({
  context, extensionId, openSurface, fixtures, exitProxy, requests,
}) => {
  const site = await context.newPage();
  await site.goto(fixtures.url('json-ld-person.html'));

  await test.step('the proxy is the browser’s way out: a web page’s request reaches it', async () => {
    await site.evaluate((url) => fetch(url).catch(() => undefined), CONTROL_URL);
    await expect.poll(() => exitProxy.targets).toContain(CONTROL_URL);
  });

  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);

  await test.step('set up, create, search', async () => {
    await createAccount(panel);
    await createRecord(panel, 'People', 'person', { 'First name': 'Grace', 'Last name': 'Hopper', Emails: 'grace@navy.example' });
    await typeUntilFound(searchBox(panel), 'hopp', searchResults(panel).getByRole('button', { name: 'Open Grace Hopper' }));
  });

  await test.step('lock and unlock', async () => {
    await surfaceElement(panel).getByRole('button', { name: 'Lock', exact: true }).click();
    await unlock(panel, DEFAULT_OWNER.password);
  });

  await test.step('export a list and everything', async () => {
    await showTab(panel, 'People');
    const csv = panel.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export contacts (CSV)' }).click();
    expect((await csv).suggestedFilename()).toBe('locket-contacts.csv');

    const options = await openSurface('options');
    await options.getByRole('link', { name: 'Export' }).click();
    const section = options.getByRole('form', { name: 'Export' });
    const zip = options.waitForEvent('download');
    await section.getByRole('button', { name: 'Export', exact: true }).click();
    expect((await zip).suggestedFilename()).toMatch(/^locket-export-.+\.zip$/);
    expect(pageErrors(options)).toEqual([]);
  });

  await test.step('capture a page from the toolbar and save it', async () => {
    const popup = await pressToolbarButton(context, extensionId, site);
    await popup.click('Capture this page');
    const form = panel.getByRole('region', { name: 'Quick capture' }).getByRole('form', { name: 'New person' });
    await expect(field(form, 'Last name')).toHaveValue('Okafor');
    await form.getByRole('button', { name: 'Add person' }).click();
    await expect(panel.getByRole('heading', { level: 2, name: 'Ada Okafor', exact: true })).toBeVisible();
  });

  expect(pageErrors(panel)).toEqual([]);

  // The policy lets pages reach a relay the owner chooses (https, or plain http on this computer),
  // so plain http to another host is what it must refuse.
  await test.step('the content security policy refuses a plain-http connection from an extension page', async () => {
    const popup = await openSurface('popup');
    const refused = await popup.evaluate(async () => {
      const violation = new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true });
      });
      const fetched = await fetch('http://example.com/').then(() => 'fetched', () => 'refused');
      return { fetched, directive: await violation };
    });
    expect(refused).toEqual({ fetched: 'refused', directive: 'connect-src' });
    expect(pageErrors(popup).join('\n')).toContain("violates the following Content Security Policy directive: \"connect-src 'self' https: wss:");
  });

  const webPages: Page[] = [site];
  expect(requests.seen(), 'the request log saw the extension load its own pages').toBeGreaterThan(0);
  expect(requests.leaving(webPages)).toEqual([]);
  expect(unexpectedTargets(exitProxy, [CONTROL_URL])).toEqual([]);
});
