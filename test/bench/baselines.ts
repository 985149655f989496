import { readFile, writeFile } from 'node:fs/promises';
import * as v from 'valibot';
import type { Figures } from './metrics';
import { METRICS } from './metrics';

const BaselinesSchema = v.object({
  note: v.optional(v.string()),
  recordedAt: v.optional(v.string()),
  environment: v.optional(v.string()),
  /** Size (as a string key) → metric key → value. */
  sizes: v.record(v.string(), v.record(v.string(), v.number())),
});
export type Baselines = v.InferOutput<typeof BaselinesSchema>;

const EMPTY: Baselines = { sizes: {} };

/** An absent file means no baselines yet; a malformed one is an error worth stopping for. */
export const readBaselines = async (path: string): Promise<Baselines> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return EMPTY;
    throw error;
  }
  return v.parse(BaselinesSchema, JSON.parse(text));
};

export const baselineFor = (baselines: Baselines, size: number): Figures => {
  const stored = baselines.sizes[String(size)] ?? {};
  const figures: Figures = {};
  for (const metric of METRICS) {
    const value = stored[metric.key];
    if (value !== undefined) figures[metric.key] = value;
  }
  return figures;
};

/** Replaces the measured sizes' figures and keeps the others, so a partial run updates only what it measured. */
export const writeBaselines = async (
  path: string,
  previous: Baselines,
  measured: ReadonlyMap<number, Figures>,
  environment: string,
  recordedAt: Date,
): Promise<void> => {
  const sizes: Record<string, Record<string, number>> = { ...previous.sizes };
  for (const [size, figures] of measured) {
    const rounded = Object.fromEntries(
      Object.entries(figures).map(([key, value]) => [key, Math.round(value * 100) / 100]),
    );
    sizes[String(size)] = { ...sizes[String(size)], ...rounded };
  }
  const next: Baselines = {
    note: 'Figures from `npm run bench -- --update-baselines`; compared, never enforced. Rates in records/s, times in ms.',
    recordedAt: recordedAt.toISOString(),
    environment,
    sizes,
  };
  await writeFile(path, `${JSON.stringify(next, null, 2)}\n`);
};
