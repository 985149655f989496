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
  /**
   * `--only export,import,...`: these scenarios over the seeded account and nothing else (seeding
   * always runs); null for every scenario.
   */
  readonly scenarios: ReadonlySet<BenchScenario> | null;
}

/** The scenarios `--only` can pick, besides `sync` alone. */
export const BENCH_SCENARIOS = [
  'read', 'unlock', 'search', 'export', 'import', 'filter', 'sidepanel', 'popup', 'memory', 'backup', 'sync', 'sweep', 'lockscreen', 'capture', 'bulk', 'board', 'tasks',
] as const;
export type BenchScenario = typeof BENCH_SCENARIOS[number];

export const DEFAULT_SIZES = [10_000, 100_000] as const;

const positiveInteger = (flag: string, text: string): number => {
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} expects a positive integer, got "${text}"`);
  return value;
};

export const USAGE = `npm run bench -- [--no-build] [--update-baselines] [--sizes 10000,100000]
                    [--runs 5] [--repeats 5] [--seed 20240611] [--profile]
                    [--only sync | --only export,import,bulk,sidepanel,tasks,backup,sweep,...]`;

const isScenario = (name: string): name is BenchScenario => (BENCH_SCENARIOS as readonly string[]).includes(name);

/** `--only sync` keeps its meaning (no seeding); any other list picks scenarios after seeding. */
const onlyScenarios = (only: string | undefined): { syncOnly: boolean; scenarios: ReadonlySet<BenchScenario> | null } => {
  if (only === undefined) return { syncOnly: false, scenarios: null };
  if (only === 'sync') return { syncOnly: true, scenarios: null };
  const names = only.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = names.filter((name) => !isScenario(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`--only takes "sync" or a list of ${BENCH_SCENARIOS.join(', ')}; got "${only}"`);
  }
  return { syncOnly: false, scenarios: new Set(names.filter(isScenario)) };
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
    ...onlyScenarios(values.only),
  };
};
