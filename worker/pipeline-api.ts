/**
 * The pipeline in the worker: the board from one pass over the opportunities (read through the
 * list index, so no other kind is decrypted), and the owner's milestone changes.
 */
import type { Filter } from '../core/filters/filter-schema';
import { lastImportIds } from '../core/filters/last-import';
import { compileFilter } from '../core/filters/match';
import { buildBoard } from '../core/pipeline/board';
import type { OpportunityRecord } from '../core/records/types';
import { createPipelineWrites } from '../core/pipeline/pipeline-writes';
import { pipelineOf, PipelineSettingsSchema } from '../core/pipeline/pipeline-settings';
import { readOpportunities } from '../core/pipeline/read-opportunities';
import type { StoreDeps } from '../core/db/store-deps';
import type { LocketStore } from '../core/store/contract';
import * as v from 'valibot';
import type { PipelineImplementation } from './contract';
import { lastActivityLookup } from './filters/last-activity';

/** Cards sent per column: enough to fill a side panel many times over; counts and totals cover every one. */
export const BOARD_CARD_LIMIT = 200;

export interface PipelineApiDeps {
  readonly storeDeps: StoreDeps;
  readonly store: LocketStore;
}

/**
 * The list filter's own test (core/filters/match.ts), with what its conditions need read only
 * when they ask for it, as the lists' filter run does.
 */
const boardMatcher = async ({ storeDeps, store }: PipelineApiDeps, filter: Filter, now: number): Promise<(record: OpportunityRecord) => boolean> => {
  if (filter.conditions.length === 0) return () => true;
  const asks = (field: string) => filter.conditions.some((condition) => condition.field === field);
  const compiled = compileFilter(filter, {
    now,
    lastImportIds: asks('import') ? await lastImportIds(storeDeps.db, store.listImports) : new Set(),
    ...(asks('last-activity') ? { lastActivityOf: await lastActivityLookup(store) } : {}),
  });
  return compiled.matches;
};

export const createPipelineApi = (deps: PipelineApiDeps): PipelineImplementation => {
  const { storeDeps, store } = deps;
  const writes = createPipelineWrites(storeDeps, store.audit);
  return {
    pipelineBoard: async (filter) => {
      const now = storeDeps.clock.now();
      const [opportunities, settings, matches] = await Promise.all([readOpportunities(storeDeps), store.getSettings(), boardMatcher(deps, filter, now)]);
      // Counts, totals, stale marks and the forecast are all built from the matching cards alone.
      return buildBoard(opportunities.filter(matches), pipelineOf(settings), { now, cardLimit: BOARD_CARD_LIMIT });
    },
    readPipeline: async () => pipelineOf(await store.getSettings()),
    savePipeline: async (input) => {
      const parsed = v.safeParse(PipelineSettingsSchema, input);
      if (!parsed.success) return { ok: false, error: { type: 'not-a-pipeline' } };
      return writes.savePipeline(parsed.output, await readOpportunities(storeDeps));
    },
    deleteMilestone: async (id, moveTo) => writes.deleteMilestone(id, moveTo, await readOpportunities(storeDeps)),
    moveOpportunity: async (id, milestoneId) => writes.moveOpportunity(id, milestoneId),
    closeOpportunity: async (id, outcome) => writes.closeOpportunity(id, outcome),
  };
};
