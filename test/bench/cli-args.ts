import { parseArgs } from 'node:util';

export interface BenchArgs {
  /** False with --no-build: reuse .output/bench as it is. */
  readonly build: boolean;
  readonly updateBaselines: boolean;
  readonly sizes: readonly number[];
  /** Page opens per figure for the side panel and popup timings. */
  readonly runs: number;
  /** Passes over the query set. */
  readonly repeats: number;
  readonly seed: number;
  /** Writes CPU profiles of the page-side scenarios to .bench-profile/. */
  readonly profile: boolean;
  /** `--only sync`: the sync figures alone, without quick capture or the scenarios over the seeded account. */
  readonly syncOnly: boolean;
}

export const DEFAULT_SIZES = [10_000, 100_000] as const;

const positiveInteger = (flag: string, text: string): number => {
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} expects a positive integer, got "${text}"`);
  return value;
};

export const USAGE = `npm run bench -- [--no-build] [--update-baselines] [--sizes 10000,100000]
                    [--runs 5] [--repeats 5] [--seed 20240611] [--profile] [--only sync]`;

const onlySync = (only: string | undefined): boolean => {
  if (only === undefined) return false;
  if (only !== 'sync') throw new Error(`--only takes "sync", got "${only}"`);
  return true;
};

export const parseBenchArgs = (argv: readonly string[]): BenchArgs => {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'no-build': { type: 'boolean', default: false },
      'update-baselines': { type: 'boolean', default: false },
      sizes: { type: 'string' },
      runs: { type: 'string', default: '5' },
      repeats: { type: 'string', default: '5' },
      seed: { type: 'string', default: '20240611' },
      profile: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const sizes = values.sizes === undefined
    ? [...DEFAULT_SIZES]
    : values.sizes.split(',').map((part) => positiveInteger('--sizes', part.trim()));
  return {
    build: !values['no-build'],
    updateBaselines: values['update-baselines'],
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runs: positiveInteger('--runs', values.runs),
    repeats: positiveInteger('--repeats', values.repeats),
    seed: positiveInteger('--seed', values.seed),
    profile: values.profile,
    syncOnly: onlySync(values.only),
  };
};
