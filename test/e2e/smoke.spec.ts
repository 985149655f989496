import { EXTENSION_KEY } from '../../extension-key';
import { extensionIdFromKey } from '../../relay/server/extension-id';
import { expect, pageErrors, test, type Surface } from './fixtures';
import { backgroundWorker } from './launch';
import {
  POPUP_VIEWPORT, SIDE_PANEL_VIEWPORT, SURFACE_ELEMENT, createAccount, field, lockedHeading, setupHeading, surfaceElement,
} from './ui';

test('the background service worker runs under the id the manifest key fixes', async ({
  context,
  extensionId,
}) => {
  expect(extensionId).toBe(extensionIdFromKey(EXTENSION_KEY));
  const worker = await backgroundWorker(context);
  expect(worker.url()).toBe(`chrome-extension://${extensionId}/background.js`);
  // Evaluating proves the worker is alive, not merely registered.
  expect(await worker.evaluate(() => self.location.host)).toBe(extensionId);
});

const SURFACES: readonly Surface[] = ['popup', 'sidepanel', 'options'];
/** The size each page is seen at, so screenshots show what a user sees; the options page is a full tab. */
const VIEWPORTS = { popup: POPUP_VIEWPORT, sidepanel: SIDE_PANEL_VIEWPORT, options: { width: 900, height: 560 } } as const;

for (const surface of SURFACES) {
  test(`${surface}.html loads without errors and shows account setup on first run`, async ({
    openSurface,
    saveScreenshot,
  }) => {
    const page = await openSurface(surface);
    await page.setViewportSize(VIEWPORTS[surface]);
    const gate = page.locator('locket-gate');
    await expect(gate).toHaveCount(1);
    await expect(gate).toBeVisible();
    await expect(setupHeading(page)).toBeVisible();
    for (const label of ['Your name', 'Email', 'Password']) await expect(field(page, label)).toBeEditable();
    await expect(page.getByRole('button', { name: 'Create account', exact: true })).toBeEnabled();
    // Nothing of the workspace exists before there is an account.
    await expect(surfaceElement(page)).toHaveCount(0);
    await saveScreenshot(page, `smoke-${surface}`);
    expect(pageErrors(page)).toEqual([]);
  });
}

test('once the account exists, every page opens on its own surface, unlocked', async ({ openSurface }) => {
  const first = await openSurface('sidepanel');
  await createAccount(first);
  const pages = [first];
  for (const surface of SURFACES.filter((s) => s !== 'sidepanel')) {
    const page = await openSurface(surface);
    await expect(surfaceElement(page)).toBeVisible();
    await expect(page.locator('locket-gate').locator(Object.values(SURFACE_ELEMENT).join(', '))).toHaveCount(1);
    await expect(setupHeading(page)).toHaveCount(0);
    await expect(lockedHeading(page)).toHaveCount(0);
    pages.push(page);
  }
  for (const page of pages) expect(pageErrors(page)).toEqual([]);
});

test('what the extension writes to IndexedDB is still there after a browser restart', async ({
  context,
  relaunch,
}) => {
  const probe = `written-${Date.now()}`;
  await (await backgroundWorker(context)).evaluate(writeProbe, probe);

  const restarted = await relaunch();

  expect(await (await backgroundWorker(restarted.context)).evaluate(readProbe)).toBe(probe);
});

// Both run inside the service worker; a database of its own keeps the app's data untouched.
async function writeProbe(value: string): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('locket-e2e-probe', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('probe');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('probe', 'readwrite');
    tx.objectStore('probe').put(value, 'value');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

async function readProbe(): Promise<unknown> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('locket-e2e-probe', 1);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const value = await new Promise<unknown>((resolve, reject) => {
    const request = db.transaction('probe').objectStore('probe').get('value');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return value;
}
