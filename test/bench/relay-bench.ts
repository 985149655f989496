/**
 * `npm run bench:relay`: the relay's push and pull throughput (change sets per second) on SQLite
 * and on PostgreSQL (a throwaway server when PostgreSQL is installed, else PGlite in-process: the
 * table says which), each beside its floor, plain INSERT/SELECT of the same rows through the same
 * driver (relay-scenarios.ts). The ratios are the figures to watch: both sides run on the same
 * machine in the same minute. Printed beside relay-baselines.json; timings never fail the run.
 *
 *   npm run bench:relay -- [--sets 2000] [--items 4] [--batch 50] [--runs 3] [--update-baselines]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openPglite } from '../../relay/store/pglite';
import { openPostgres } from '../../relay/store/postgres';
import type { SqlDriver } from '../../relay/store/sql-driver';
import { openSqliteDriver } from '../../relay/store/sqlite';
import { findPostgres, startPostgresServer, type PostgresServer } from '../relay/postgres-server';
import { readBaselines, type Baselines } from './baselines';
import { changeFromBaseline } from './metrics';
import { makeRelayWorkload, timeRaw, timeStore, type RelayWorkload } from './relay-scenarios';
import { median } from './stats';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const baselinesPath = join(root, 'test', 'bench', 'relay-baselines.json');
const progress = (line: string): void => { process.stderr.write(`${line}\n`); };

interface Engine {
  /** sqlite, postgres (a server) or pglite: the prefix of its figures' keys. */
  readonly name: string;
  /** A fresh, empty database; `close` discards it. */
  readonly open: () => Promise<SqlDriver>;
  readonly dispose: () => void;
}

const sqliteEngine = (): Engine => {
  const dir = mkdtempSync(join(tmpdir(), 'locket-relay-bench-'));
  let databases = 0;
  return {
    name: 'sqlite',
    open: async () => openSqliteDriver(join(dir, `bench-${(databases += 1)}.sqlite`)),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
};

const postgresEngine = async (): Promise<Engine> => {
  if (!findPostgres().found) {
    progress('PostgreSQL is not installed: measuring PGlite (in-process) instead');
    return { name: 'pglite', open: () => openPglite(), dispose: () => undefined };
  }
  const server: PostgresServer = await startPostgresServer();
  let databases = 0;
  return {
    name: 'postgres',
    async open() {
      const name = `bench_${(databases += 1)}`;
      const driver = openPostgres({ url: await server.createDatabase(name) });
      return { ...driver, close: async () => { await driver.close(); await server.dropDatabase(name); } };
    },
    dispose: () => server.dispose(),
  };
};

interface RelayMetric { readonly key: string; readonly label: string; readonly unit: 'sets/s' | 'x' }

const metricsFor = (engine: string): RelayMetric[] => [
  { key: `${engine}.push`, label: `${engine}: push, store.appendSets`, unit: 'sets/s' },
  { key: `${engine}.pushRaw`, label: `${engine}: push floor, plain INSERT`, unit: 'sets/s' },
  { key: `${engine}.pushRatio`, label: `${engine}: push / floor`, unit: 'x' },
  { key: `${engine}.pull`, label: `${engine}: pull, store.pullSets`, unit: 'sets/s' },
  { key: `${engine}.pullRaw`, label: `${engine}: pull floor, plain SELECT`, unit: 'sets/s' },
  { key: `${engine}.pullRatio`, label: `${engine}: pull / floor`, unit: 'x' },
];

const withFresh = async <T>(engine: Engine, work: (driver: SqlDriver) => Promise<T>): Promise<T> => {
  const driver = await engine.open();
  try {
    return await work(driver);
  } finally {
    await driver.close();
  }
};

/** Medians over `runs`; store and floor take turns going first, so a burst of load elsewhere falls on both. */
const measureEngine = async (engine: Engine, workload: RelayWorkload, runs: number): Promise<Record<string, number>> => {
  const samples = { push: [] as number[], pushRaw: [] as number[], pull: [] as number[], pullRaw: [] as number[] };
  const rate = (ms: number): number => workload.sets.length / (ms / 1000);
  for (let run = 0; run < runs; run += 1) {
    const measureStore = async () => {
      const { pushMs, pullMs } = await withFresh(engine, (driver) => timeStore(driver, workload));
      samples.push.push(rate(pushMs));
      samples.pull.push(rate(pullMs));
    };
    const measureRaw = async () => {
      const { insertMs, selectMs } = await withFresh(engine, (driver) => timeRaw(driver, workload));
      samples.pushRaw.push(rate(insertMs));
      samples.pullRaw.push(rate(selectMs));
    };
    if (run % 2 === 0) { await measureStore(); await measureRaw(); } else { await measureRaw(); await measureStore(); }
    progress(`  ${engine.name} run ${run + 1}/${runs}: push ${samples.push.at(-1)!.toFixed(0)} vs ${samples.pushRaw.at(-1)!.toFixed(0)} sets/s, pull ${samples.pull.at(-1)!.toFixed(0)} vs ${samples.pullRaw.at(-1)!.toFixed(0)} sets/s`);
  }
  const push = median(samples.push);
  const pushRaw = median(samples.pushRaw);
  const pull = median(samples.pull);
  const pullRaw = median(samples.pullRaw);
  const e = engine.name;
  return {
    [`${e}.push`]: push, [`${e}.pushRaw`]: pushRaw, [`${e}.pushRatio`]: push / pushRaw,
    [`${e}.pull`]: pull, [`${e}.pullRaw`]: pullRaw, [`${e}.pullRatio`]: pull / pullRaw,
  };
};

const formatRelayValue = (metric: RelayMetric, value: number): string =>
  (metric.unit === 'x' ? `${value.toFixed(2)}x` : `${Math.round(value).toLocaleString('en-GB')} sets/s`);

const formatTable = (title: string, metrics: readonly RelayMetric[], figures: Record<string, number>, baseline: Record<string, number>): string => {
  const rows = metrics.map((metric) => {
    const value = figures[metric.key];
    const previous = baseline[metric.key];
    return [
      metric.label,
      value === undefined ? 'error' : formatRelayValue(metric, value),
      previous === undefined ? '-' : formatRelayValue(metric, previous),
      value === undefined ? '' : changeFromBaseline({ key: metric.key, label: metric.label, unit: 'x', better: 'higher' }, value, previous),
    ];
  });
  const header = [title, 'now', 'baseline', 'change'];
  const all = [header, header.map((cell) => '-'.repeat(cell.length)), ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  return all.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
};

/** Replaces this size's figures and keeps every other, as the extension's baselines do. */
const writeRelayBaselines = async (previous: Baselines, size: number, figures: Record<string, number>, environment: string): Promise<void> => {
  const rounded = Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, Math.round(value * 100) / 100]));
  const next: Baselines = {
    note: 'Figures from `npm run bench:relay -- --update-baselines`, keyed by sets per run; compared, never enforced. Rates in change sets/s.',
    recordedAt: new Date().toISOString(),
    environment,
    sizes: { ...previous.sizes, [String(size)]: { ...previous.sizes[String(size)], ...rounded } },
  };
  await writeFile(baselinesPath, `${JSON.stringify(next, null, 2)}\n`);
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      sets: { type: 'string', default: '2000' }, items: { type: 'string', default: '4' }, batch: { type: 'string', default: '50' },
      runs: { type: 'string', default: '3' }, 'update-baselines': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const [sets, items, batch, runs] = [values.sets, values.items, values.batch, values.runs].map(Number) as [number, number, number, number];
  if (![sets, items, batch, runs].every((n) => Number.isInteger(n) && n > 0)) throw new Error('--sets, --items, --batch and --runs take positive integers');
  const loadAtStart = loadavg().map((l) => l.toFixed(2)).join(' ');
  progress(`Sealing and signing ${sets} sets of ${items} items…`);
  const workload = await makeRelayWorkload(sets, items, batch);
  const baselines = await readBaselines(baselinesPath);
  const baseline = baselines.sizes[String(sets)] ?? {};
  const figures: Record<string, number> = {};
  const tables: string[] = [];
  for (const makeEngine of [sqliteEngine, postgresEngine]) {
    const engine = await makeEngine();
    try {
      Object.assign(figures, await measureEngine(engine, workload, runs));
      tables.push(formatTable(`${sets.toLocaleString('en-GB')} sets, ${engine.name}`, metricsFor(engine.name), figures, baseline));
    } finally {
      engine.dispose();
    }
  }
  const cpu = cpus();
  const environment = `${cpu[0]?.model.trim() ?? 'unknown CPU'} x${cpu.length}, Node ${process.version}`;
  console.log(`\nLocket relay bench: ${environment}`);
  console.log(`${sets} sets x ${items} items, ${batch} sets per push, median of ${runs}; baselines ${baselines.recordedAt ?? 'none'}`);
  console.log(`load average (1, 5, 15 min) ${loadAtStart} at the start, ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end\n`);
  console.log(tables.join('\n\n'));
  if (values['update-baselines']) {
    await writeRelayBaselines(baselines, sets, figures, environment);
    console.log(`\nBaselines written to ${baselinesPath}`);
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exitCode = 1;
});
