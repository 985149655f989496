/**
 * The owner's pipeline: an ordered list of milestones (each with a default probability and a
 * number of days after which an untouched opportunity is stale) and the reasons an opportunity
 * may be lost for. Kept in the settings (settings/settings.ts), so it is encrypted and travels
 * with backups and snapshots as the other settings do.
 *
 * Invariant: ids are unique and never change once made; the five built-ins keep theirs
 * ('new' … 'closing'), so opportunities written before this list existed stay in their column.
 */
import * as v from 'valibot';
import { MILESTONES, type BuiltInMilestone } from '../records/types';
import { MILESTONE_ID_MAX } from '../records/schema';

export interface MilestoneDef {
  readonly id: string;
  /** '' for a built-in the owner never renamed: the interface says its own word for it. */
  readonly name: string;
  /** The probability (0–100) an opportunity takes when it moves into this milestone. */
  readonly probability: number;
  /** Days untouched after which a card is marked stale; 0 never. */
  readonly daysUntilStale: number;
}

export interface PipelineSettings {
  readonly milestones: readonly MilestoneDef[];
  readonly lostReasons: readonly string[];
}

export const PIPELINE_LIMITS = { milestones: 30, name: 80, lostReasons: 50, staleDays: 3650 } as const;

const BUILT_IN_DEFAULTS: Readonly<Record<BuiltInMilestone, { readonly probability: number; readonly daysUntilStale: number }>> = {
  new: { probability: 10, daysUntilStale: 14 },
  qualified: { probability: 25, daysUntilStale: 21 },
  proposal: { probability: 50, daysUntilStale: 21 },
  negotiation: { probability: 75, daysUntilStale: 14 },
  closing: { probability: 90, daysUntilStale: 7 },
};

export const DEFAULT_PIPELINE: PipelineSettings = {
  milestones: MILESTONES.map((id) => ({ id, name: '', ...BUILT_IN_DEFAULTS[id] })),
  lostReasons: [],
};

export const isBuiltInMilestone = (id: string): id is BuiltInMilestone => (MILESTONES as readonly string[]).includes(id);

const wholeNumber = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));

const MilestoneSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/), v.maxLength(MILESTONE_ID_MAX)),
  name: v.pipe(v.string(), v.trim(), v.maxLength(PIPELINE_LIMITS.name)),
  probability: wholeNumber(100),
  daysUntilStale: wholeNumber(PIPELINE_LIMITS.staleDays),
});

const unique = (values: readonly string[]): boolean => new Set(values).size === values.length;

export const PipelineSettingsSchema = v.object({
  milestones: v.pipe(
    v.array(MilestoneSchema),
    v.minLength(1),
    v.maxLength(PIPELINE_LIMITS.milestones),
    v.check((list) => unique(list.map((milestone) => milestone.id)), 'milestone-ids-repeat'),
    // A milestone of its own needs a name; a built-in may keep its word.
    v.check((list) => list.every((milestone) => milestone.name !== '' || isBuiltInMilestone(milestone.id)), 'milestone-name-missing'),
  ),
  lostReasons: v.pipe(
    v.array(v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(PIPELINE_LIMITS.name))),
    v.maxLength(PIPELINE_LIMITS.lostReasons),
    v.check((list) => unique(list.map((reason) => reason.toLowerCase())), 'lost-reasons-repeat'),
  ),
});

/** The owner's pipeline from the settings, or the built-in one before the owner changed it. */
export const pipelineOf = (settings: { readonly pipeline?: PipelineSettings | undefined }): PipelineSettings =>
  settings.pipeline ?? DEFAULT_PIPELINE;

/**
 * A milestone as a file from elsewhere writes it, as the owner's milestone id: the text is one
 * of the owner's ids or one of their milestones' names, in any case (a renamed milestone is found
 * by its new name). Anything else comes back as it was written, so nothing is lost: the board
 * shows it in a column of its own.
 */
export const milestoneIdFor = (pipeline: PipelineSettings, text: string): string => {
  const key = text.trim().toLowerCase();
  // An id wins over a name: the owner may have named a milestone of their own after a built-in's id.
  const found = pipeline.milestones.find((milestone) => milestone.id === key)
    ?? pipeline.milestones.find((milestone) => milestone.name !== '' && milestone.name.toLowerCase() === key);
  return found?.id ?? text;
};

/** A fresh id for a milestone the owner adds: from its name where it can be, never one in use. */
export const newMilestoneId = (name: string, taken: readonly string[]): string => {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MILESTONE_ID_MAX - 4) || 'milestone';
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.includes(candidate)) return candidate;
  }
};
