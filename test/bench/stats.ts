/** Order statistics over timing samples. Both reject an empty list: a figure from nothing is a bug. */
const sorted = (values: readonly number[]): number[] => {
  if (values.length === 0) throw new Error('No samples to summarise');
  return [...values].sort((a, b) => a - b);
};

/** Nearest-rank percentile (p in 0–100): always one of the samples, never an interpolation. */
export const percentile = (values: readonly number[], p: number): number => {
  const ordered = sorted(values);
  const rank = Math.min(ordered.length, Math.max(1, Math.ceil((p / 100) * ordered.length)));
  return ordered[rank - 1] ?? Number.NaN;
};

export const median = (values: readonly number[]): number => {
  const ordered = sorted(values);
  const middle = Math.floor(ordered.length / 2);
  const upper = ordered[middle] ?? Number.NaN;
  return ordered.length % 2 === 1 ? upper : ((ordered[middle - 1] ?? upper) + upper) / 2;
};
