import type { SearchReport } from '../../test/bench/bench-api';
import type { SearchConnection } from '../../worker/search-client';

const SAVE_WAIT_MS = 120_000;

export interface SavedIndexProbe {
  /** Forgets the saved index, so the next start builds. */
  readonly forget: () => Promise<void>;
  /** The saved index's sealed size in bytes; null while none is saved. */
  readonly bytes: () => Promise<number | null>;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => { setTimeout(resolve, ms); });

/**
 * Search as a surface sees it, through the profile's search worker: each sample is one call
 * through comlink, so it includes the round trip. First a start with no saved index (the
 * build), then, once the worker has saved it and every page let go, a start that loads it.
 * One untimed pass before the samples, so they are not about the first call's JIT warm-up.
 */
export const timeSearch = async (
  connect: () => SearchConnection,
  saved: SavedIndexProbe,
  queries: readonly string[],
  repeats: number,
): Promise<SearchReport> => {
  await saved.forget();
  const started = performance.now();
  const first = connect();
  const samples: SearchReport['samples'] = [];
  let status;
  let readyMs;
  let savedBytes: number | null = null;
  try {
    status = await first.api.whenIndexed();
    readyMs = performance.now() - started;
    if (status.origin !== 'built') throw new Error(`The first start should build its index, not find it ${status.origin}`);

    for (const query of queries) await first.api.search(query);
    for (let round = 0; round < repeats; round += 1) {
      for (const query of queries) {
        const before = performance.now();
        const hits = await first.api.search(query);
        samples.push({ query, ms: performance.now() - before, hits: hits.length });
      }
    }
    const waitStarted = performance.now();
    while (savedBytes === null && performance.now() - waitStarted < SAVE_WAIT_MS) {
      savedBytes = await saved.bytes();
      if (savedBytes === null) await pause(100);
    }
  } finally {
    first.release();
  }
  if (savedBytes === null) throw new Error('The search worker never saved its index');
  // Let the worker hear the lease end and drop its index, so the next start loads.
  await pause(500);
  const loadStarted = performance.now();
  const second = connect();
  try {
    const loaded = await second.api.whenIndexed();
    const loadMs = performance.now() - loadStarted;
    return {
      readyMs, buildMs: status.buildMs, indexed: status.indexed, samples,
      loadMs, loadOrigin: loaded.origin, loadWorkerMs: loaded.buildMs, savedBytes,
    };
  } finally {
    second.release();
  }
};
