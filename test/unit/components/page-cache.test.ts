import { describe, expect, it } from 'vitest';
import type { LocketRecord } from '../../../core/records/types';
import { PAGE_SIZE, createPageCache } from '../../../components/locket-record-list/page-cache';

/** A list whose rows are named by `version` and index, read a page at a time; each read waits until released. */
const aList = () => {
  let version = 'old';
  const waiting: (() => void)[] = [];
  const loadPage = (offset: number, limit: number): Promise<readonly LocketRecord[]> => {
    const named = version;
    return new Promise((resolve) => {
      waiting.push(() => resolve(Array.from({ length: limit }, (_, index) => ({ id: `${named}-${offset + index}` }) as unknown as LocketRecord)));
    });
  };
  const releaseAll = async () => {
    while (waiting.length > 0) waiting.shift()?.();
    await new Promise((resolve) => { setTimeout(resolve, 0); });
  };
  return { loadPage, releaseAll, waiting, becomes: (next: string) => { version = next; } };
};

describe('the list\'s page cache', () => {
  it('keeps the rows it holds readable while a refresh reads them again, then shows the fresh rows at once', async () => {
    const list = aList();
    const cache = createPageCache(list.loadPage);
    const first = cache.refresh(() => [0, 20]);
    await list.releaseAll();
    expect(await first).toBe(true);
    expect(cache.row(3)?.id).toBe('old-3');

    list.becomes('new');
    const again = cache.refresh(() => [0, 20]);
    // The page is being read: the old row is still there to draw, never a gap.
    expect(list.waiting).toHaveLength(1);
    expect(cache.row(3)?.id).toBe('old-3');
    await list.releaseAll();
    expect(await again).toBe(true);
    expect(cache.row(3)?.id).toBe('new-3');
  });

  it('drops pages out of view that it did not read again, and reads those scrolled to meanwhile', async () => {
    const list = aList();
    const cache = createPageCache(list.loadPage);
    let range: readonly [number, number] = [0, 20];
    const loaded = cache.refresh(() => range);
    await list.releaseAll();
    await loaded;
    await Promise.all([cache.ensure(120, 130), list.releaseAll()]);
    expect(cache.row(125)?.id).toBe('old-125');

    list.becomes('new');
    const refreshed = cache.refresh(() => range);
    // Scrolled to page 1 while page 0 is read again: page 1 arrives fresh and is kept.
    range = [50, 70];
    const scrolled = cache.ensure(50, 70);
    await list.releaseAll();
    await scrolled;
    await list.releaseAll();
    await refreshed;
    expect(cache.row(0)?.id).toBe('new-0');
    expect(cache.row(60)?.id).toBe('new-60');
    // Page 2 was neither in view nor read since: its stale rows are gone, to be read when scrolled to.
    expect(cache.row(125)).toBeUndefined();
  });

  it('lets the latest refresh win: rows read for an earlier one are never kept', async () => {
    const list = aList();
    const cache = createPageCache(list.loadPage);
    const earlier = cache.refresh(() => [0, 20]);
    list.becomes('new');
    const later = cache.refresh(() => [0, 20]);
    await list.releaseAll();
    expect(await earlier).toBe(false);
    expect(await later).toBe(true);
    expect(cache.row(0)?.id).toBe('new-0');
    expect(cache.knownFromTop()).toBe(PAGE_SIZE);
  });
});
