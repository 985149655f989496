/** What the pipeline refuses, as codes (the words live in components/shared/messages/pipeline-words.ts). */
import type { PipelineSettings } from './pipeline-settings';

export type PipelineProblem =
  | { readonly type: 'opportunity-gone' }
  | { readonly type: 'milestone-unknown'; readonly id: string }
  /** The list leaves out a milestone that opportunities are still in: they must be moved first. */
  | { readonly type: 'milestone-in-use'; readonly id: string; readonly count: number }
  | { readonly type: 'not-a-pipeline' };

/** How many opportunities are in each milestone id. */
export const countByMilestone = (opportunities: Iterable<{ readonly fields: { readonly milestone: string } }>): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const { fields } of opportunities) counts.set(fields.milestone, (counts.get(fields.milestone) ?? 0) + 1);
  return counts;
};

/** The first milestone the new list drops while opportunities are still in it, or null when none. */
export const milestoneRemovalProblem = (
  before: PipelineSettings, after: PipelineSettings, opportunities: Iterable<{ readonly fields: { readonly milestone: string } }>,
): PipelineProblem | null => {
  const kept = new Set(after.milestones.map((milestone) => milestone.id));
  const dropped = before.milestones.filter((milestone) => !kept.has(milestone.id));
  if (dropped.length === 0) return null;
  const counts = countByMilestone(opportunities);
  for (const milestone of dropped) {
    const count = counts.get(milestone.id) ?? 0;
    if (count > 0) return { type: 'milestone-in-use', id: milestone.id, count };
  }
  return null;
};
