import { EXTENSION_KEY } from '../../extension-key';
import { extensionIdFromKey } from './extension-id';
import { expect, pageErrors, test, type Surface } from './fixtures';
import { backgroundWorker } from './launch';

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

const rootElementBySurface: readonly (readonly [Surface, string])[] = [
  ['popup', 'locket-popup'],
  ['sidepanel', 'locket-workspace'],
  ['options', 'locket-options'],
];

for (const [surface, rootElement] of rootElementBySurface) {
  test(`${surface}.html loads without errors and shows <${rootElement}>`, async ({
    openSurface,
    saveScreenshot,
  }) => {
    const page = await openSurface(surface);
    const root = page.locator(rootElement);
    await expect(root).toHaveCount(1);
    await expect(root).toBeVisible();
    await saveScreenshot(page, `smoke-${surface}`);
    expect(pageErrors(page)).toEqual([]);
  });
}

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
