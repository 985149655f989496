/**
 * The pipeline in the worker: the board from one pass over the opportunities (read through the
 * list index, so no other kind is decrypted), and the owner's milestone changes.
 */
import { buildBoard } from '../core/pipeline/board';
import { createPipelineWrites } from '../core/pipeline/pipeline-writes';
import { pipelineOf, PipelineSettingsSchema } from '../core/pipeline/pipeline-settings';
import { readOpportunities } from '../core/pipeline/read-opportunities';
import type { StoreDeps } from '../core/db/store-deps';
import type { LocketStore } from '../core/store/contract';
import * as v from 'valibot';
import type { PipelineImplementation } from './contract';

/** Cards sent per column: enough to fill a side panel many times over; counts and totals cover every one. */
export const BOARD_CARD_LIMIT = 200;

export interface PipelineApiDeps {
  readonly storeDeps: StoreDeps;
  readonly store: LocketStore;
}

export const createPipelineApi = ({ storeDeps, store }: PipelineApiDeps): PipelineImplementation => {
  const writes = createPipelineWrites(storeDeps, store.audit);
  return {
    pipelineBoard: async () => {
      const [opportunities, settings] = await Promise.all([readOpportunities(storeDeps), store.getSettings()]);
      return buildBoard(opportunities, pipelineOf(settings), { now: storeDeps.clock.now(), cardLimit: BOARD_CARD_LIMIT });
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
