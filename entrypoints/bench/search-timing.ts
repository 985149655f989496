import type { SearchReport } from '../../test/bench/bench-api';
import type { WorkerConnection } from '../../worker/client';

/**
 * Search as a surface sees it: each sample is one call through comlink, so it includes
 * the round trip to the worker. One untimed pass first, so the figures are not about the
 * first call's JIT warm-up.
 */
export const timeSearch = async (
  connect: () => WorkerConnection,
  queries: readonly string[],
  repeats: number,
): Promise<SearchReport> => {
  const started = performance.now();
  const { api, terminate } = connect();
  try {
    const status = await api.whenIndexed();
    const readyMs = performance.now() - started;

    for (const query of queries) await api.search(query);

    const samples: SearchReport['samples'] = [];
    for (let round = 0; round < repeats; round += 1) {
      for (const query of queries) {
        const before = performance.now();
        const hits = await api.search(query);
        samples.push({ query, ms: performance.now() - before, hits: hits.length });
      }
    }
    return { readyMs, buildMs: status.buildMs, indexed: status.indexed, samples };
  } finally {
    terminate();
  }
};
