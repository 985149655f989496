/** The pipeline board and the owner's milestones: read in one pass in the worker, each change one transaction with its audit entry. */
import * as v from 'valibot';
import { FilterSchema } from '../../core/filters/filter-schema';
import type { Board } from '../../core/pipeline/board';
import type { PipelineProblem } from '../../core/pipeline/pipeline-rules';
import type { PipelineSettings } from '../../core/pipeline/pipeline-settings';
import { MILESTONE_ID_MAX } from '../../core/records/schema';
import type { Result } from '../../core/result';
import { method, returns, sentAs } from './method';

const IdSchema = v.pipe(v.string(), v.nonEmpty(), v.maxLength(200));
const MilestoneIdSchema = v.pipe(v.string(), v.nonEmpty(), v.maxLength(MILESTONE_ID_MAX));
/** Checked in full in core (settings' PipelineSettingsSchema), which words each refusal. */
const PipelineInputSchema = sentAs<PipelineSettings>()(v.unknown());
const OutcomeSchema = v.variant('status', [
  v.object({ status: v.literal('won') }),
  v.object({ status: v.literal('lost'), reason: v.pipe(v.string(), v.maxLength(200)) }),
]);

/** How many records a pipeline write changed, or why it changed nothing. */
export type PipelineOutcome = Result<number, PipelineProblem>;

export const pipelineContract = {
  /**
   * Open opportunities matching the filter (a list's filter, on opportunities) in the owner's
   * milestones, with counts, totals per currency, stale cards and the forecast of those alone.
   */
  pipelineBoard: method({ args: [FilterSchema], result: returns<Board>() }),
  /** The owner's milestones and lost reasons (the built-in ones until changed). */
  readPipeline: method({ args: [], result: returns<PipelineSettings>() }),
  /** Refused while a milestone it leaves out still has opportunities: deleteMilestone moves them. */
  savePipeline: method({ args: [PipelineInputSchema], result: returns<PipelineOutcome>() }),
  deleteMilestone: method({ args: [MilestoneIdSchema, MilestoneIdSchema], result: returns<PipelineOutcome>() }),
  moveOpportunity: method({ args: [IdSchema, MilestoneIdSchema], result: returns<PipelineOutcome>() }),
  closeOpportunity: method({ args: [IdSchema, OutcomeSchema], result: returns<PipelineOutcome>() }),
};
