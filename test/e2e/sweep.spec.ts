import type { Page } from '@playwright/test';
import * as v from 'valibot';
import { expect, pageErrors, test } from './fixtures';
import { backgroundWorker } from './launch';
import { DEFAULT_OWNER, SIDE_PANEL_VIEWPORT, createAccount, unlock } from './ui';

/**
 * A sweep killed half-way finishes on the next run: a large expired trash, the background's
 * alarm sweep (run in its offscreen document) cut off by closing the browser, then the page's
 * own sweep after a relaunch on the same profile.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const EXPIRED_ROWS = 20_000;
/** The sweep purges a whole batch of this many records per transaction, or none of it. */
const BATCH = 1_000;

interface TrashState {
  readonly trashed: number;
  /** Change sets naming a record that is no longer stored (purge sets name them by design and are left out). */
  readonly dangling: number;
}

/**
 * Writes `count` people deleted `ageDays` ago as stored rows, each with the create and delete
 * change sets the store would have left. Bodies are plain: nothing here needs the key.
 */
const seedExpiredTrash = (page: Page, count: number, ageDays: number): Promise<void> =>
  page.evaluate(async ({ count, deletedAt, dayMs }) => {
    const open = indexedDB.open('locket');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const stamp = (at: number, counter: number) => `${String(at).padStart(13, '0')}-${String(counter).padStart(5, '0')}-e2e-seed`;
    try {
      for (let start = 0; start < count; start += 2_000) {
        const tx = db.transaction(['records', 'changes'], 'readwrite');
        for (let i = start; i < Math.min(count, start + 2_000); i++) {
          const id = crypto.randomUUID();
          const createdAt = deletedAt - dayMs + i;
          tx.objectStore('records').put({
            id, kind: 'person', createdAt, updatedAt: deletedAt, deletedAt, deletedBy: 'owner', links: [],
            body: { codec: 'plain', value: { firstName: `Seed ${i}`, lastName: 'Expired' } },
          });
          const change = (op: string, hlc: string) => ({
            hlc, deviceId: 'e2e-seed', author: 'owner', changes: [{ recordId: id, kind: 'person', op, changed: [] }],
            values: { codec: 'plain', value: [{}] }, recordIds: [id],
          });
          tx.objectStore('changes').put(change('create', stamp(createdAt, 0)));
          tx.objectStore('changes').put(change('delete', stamp(deletedAt, i)));
        }
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onabort = () => reject(tx.error ?? new Error('The seeding transaction aborted'));
        });
      }
    } finally {
      db.close();
    }
  }, { count, deletedAt: Date.now() - ageDays * DAY_MS, dayMs: DAY_MS });

/** Rows left in the trash, and change sets that point at records no longer there. */
const trashState = (page: Page): Promise<TrashState> => page.evaluate(async () => {
  const read = <T>(request: IDBRequest<T>): Promise<T> => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const db = await read(indexedDB.open('locket'));
  try {
    const tx = db.transaction(['records', 'changes']);
    const [trashed, ids, sets] = await Promise.all([
      read(tx.objectStore('records').index('trash').count()),
      read(tx.objectStore('records').getAllKeys()),
      read<{ changes: { recordId: string; op: string }[] }[]>(tx.objectStore('changes').getAll()),
    ]);
    const stored = new Set(ids);
    const dangling = sets.filter((set) => set.changes.some((change) => change.op !== 'purge' && !stored.has(change.recordId))).length;
    return { trashed, dangling };
  } finally {
    db.close();
  }
});

/** Resolves with the trash's size once a sweep has committed a batch, polling as fast as IndexedDB answers. */
const whenTrashDropsBelow = (page: Page, below: number, timeoutMs = 30_000): Promise<number> => page.evaluate(async ({ limit, timeoutMs }) => {
  const read = <T>(request: IDBRequest<T>): Promise<T> => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const db = await read(indexedDB.open('locket'));
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const count = await read(db.transaction('records').objectStore('records').index('trash').count());
      if (count < limit) return count;
      if (Date.now() > deadline) throw new Error(`No sweep started: the trash still holds ${count} rows`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    db.close();
  }
}, { limit: below, timeoutMs });

type ChromeForTest = {
  readonly alarms: {
    readonly get: (name: string) => Promise<{ periodInMinutes?: number } | undefined>;
    readonly onAlarm: { readonly dispatch: (alarm: object) => void };
  };
  readonly runtime: { readonly getContexts: (filter: object) => Promise<unknown[]> };
};

/** The browser's own alarm, delivered to the background's listener now instead of in six hours. */
const fireSweepAlarm = async (page: Page): Promise<void> => {
  const worker = await backgroundWorker(page.context());
  await worker.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: ChromeForTest };
    chrome.alarms.onAlarm.dispatch({ name: 'locket:sweep', scheduledTime: Date.now(), periodInMinutes: 360 });
  });
};

const offscreenDocuments = async (page: Page): Promise<number> => {
  const worker = await backgroundWorker(page.context());
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: ChromeForTest };
    return (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length;
  });
};

/** The last sweep's report as stored in `meta`. */
const storedReport = (page: Page): Promise<unknown> => page.evaluate(async () => {
  const read = <T>(request: IDBRequest<T>): Promise<T> => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const db = await read(indexedDB.open('locket'));
  try {
    return await read(db.transaction('meta').objectStore('meta').get('sweep-report'));
  } finally {
    db.close();
  }
});

test('a sweep cut off by closing the browser finishes on the next run, with nothing half-deleted', async ({
  openSurface, relaunch, saveScreenshot,
}) => {
  test.setTimeout(180_000);
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(panel);
  // The page sweeps by itself shortly after it opens; that first sweep finds nothing to purge.
  await expect.poll(() => storedReport(panel), { timeout: 15_000 }).toMatchObject({ trigger: 'page', error: null });
  await seedExpiredTrash(panel, EXPIRED_ROWS, 40);
  expect(pageErrors(panel)).toEqual([]);

  await test.step('the alarm starts a sweep in the offscreen document; the browser closes half-way', async () => {
    const worker = await backgroundWorker(panel.context());
    const alarm = await worker.evaluate(() => (globalThis as unknown as { chrome: ChromeForTest }).chrome.alarms.get('locket:sweep'));
    expect(alarm?.periodInMinutes).toBe(360);
    await fireSweepAlarm(panel);
    expect(await whenTrashDropsBelow(panel, EXPIRED_ROWS)).toBeGreaterThan(0);
  });

  const next = await relaunch();
  const page = await next.openSurface('sidepanel');
  await page.setViewportSize(SIDE_PANEL_VIEWPORT);

  await test.step('after the relaunch, whole batches are gone and every change set still has its record', async () => {
    const cut = await trashState(page);
    expect(cut.trashed).toBeGreaterThan(0);
    expect(cut.trashed).toBeLessThan(EXPIRED_ROWS);
    expect(cut.trashed % BATCH).toBe(0);
    expect(cut.dangling).toBe(0);
  });

  await test.step('the page’s own sweep finishes the job once unlocked', async () => {
    await unlock(page, DEFAULT_OWNER.password);
    // Polls only the trash's size: reading the whole change log this often would slow the sweep it watches.
    expect(await whenTrashDropsBelow(page, 1, 60_000)).toBe(0);
    expect((await trashState(page)).dangling).toBe(0);
    await expect.poll(() => storedReport(page), { timeout: 10_000 }).toMatchObject({ trigger: 'page', error: null, accountDeleted: false });
    await page.getByRole('banner').getByRole('button', { name: 'Trash', exact: true }).click();
    await expect(page.getByText('The trash is empty. Deleted records wait here for 30 days.')).toBeVisible();
    await saveScreenshot(page, 'sweep-trash-empty-after-resumed-sweep');
  });

  await test.step('a later alarm sweep finds nothing left and closes its offscreen document', async () => {
    await fireSweepAlarm(page);
    await expect.poll(() => storedReport(page), { timeout: 30_000 }).toMatchObject({ trigger: 'alarm', error: null });
    const removed = v.object({ purged: v.record(v.string(), v.number()), changeSetsDeleted: v.number() });
    expect(v.parse(removed, await storedReport(page))).toEqual({ purged: {}, changeSetsDeleted: 0 });
    await expect.poll(() => offscreenDocuments(page), { timeout: 10_000 }).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });
});
