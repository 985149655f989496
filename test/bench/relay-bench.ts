/**
 * `npm run relay:bench` (also `bench:relay`), in two parts:
 * - store: the relay store's push and pull throughput (change sets per second) on SQLite and on
 *   PostgreSQL (a throwaway server when PostgreSQL is installed, else PGlite in-process: the
 *   table says which), each beside its floor, plain INSERT/SELECT of the same rows through the
 *   same driver (relay-scenarios.ts);
 * - load: relay processes under teams × devices × pushes (relay-load.ts), on SQLite, on
 *   PostgreSQL with one process and with two, and with one at half the teams; the ratio of two
 *   processes to one is the figure to watch.
 * Printed beside relay-baselines.json; timings never fail the run, wrong counts do.
 *
 *   npm run relay:bench -- [--part store,load] [--sets 2000] [--items 4] [--batch 50] [--runs 3]
 *                          [--teams 4] [--devices 5] [--pushes 20] [--cap-seconds 120] [--update-baselines]
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
import { LOAD_RATIOS, LOAD_RUNS, loadMetricsFor, loadRatios, measureLoad, type LoadMetric, type LoadShape } from './relay-load';
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

type RelayMetric = LoadMetric;

const metricsFor = (engine: string): RelayMetric[] => [
  { key: `${engine}.push`, label: `${engine}: push, store.appendSets`, unit: 'sets/s', better: 'higher' },
  { key: `${engine}.pushRaw`, label: `${engine}: push floor, plain INSERT`, unit: 'sets/s', better: 'higher' },
  { key: `${engine}.pushRatio`, label: `${engine}: push / floor`, unit: 'x', better: 'higher' },
  { key: `${engine}.pull`, label: `${engine}: pull, store.pullSets`, unit: 'sets/s', better: 'higher' },
  { key: `${engine}.pullRaw`, label: `${engine}: pull floor, plain SELECT`, unit: 'sets/s', better: 'higher' },
  { key: `${engine}.pullRatio`, label: `${engine}: pull / floor`, unit: 'x', better: 'higher' },
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

const formatRelayValue = (metric: RelayMetric, value: number): string => {
  if (metric.unit === 'load') return value.toFixed(2);
  if (metric.unit === 'x') return `${value.toFixed(2)}x`;
  if (metric.unit === 'ms') return `${value.toFixed(1)} ms`;
  return `${Math.round(value).toLocaleString('en-GB')} ${metric.unit}`;
};

const formatTable = (title: string, metrics: readonly RelayMetric[], figures: Record<string, number>, baseline: Record<string, number>): string => {
  const rows = metrics.map((metric) => {
    const value = figures[metric.key];
    const previous = baseline[metric.key];
    return [
      metric.label,
      value === undefined ? 'error' : formatRelayValue(metric, value),
      previous === undefined ? '-' : formatRelayValue(metric, previous),
      value === undefined ? '' : changeFromBaseline({ key: metric.key, label: metric.label, unit: 'x', better: metric.better }, value, previous),
    ];
  });
  const header = [title, 'now', 'baseline', 'change'];
  const all = [header, header.map((cell) => '-'.repeat(cell.length)), ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  return all.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
};

/** Replaces the measured sizes' figures and keeps every other, as the extension's baselines do. */
const writeRelayBaselines = async (previous: Baselines, measured: Record<string, Record<string, number>>, environment: string): Promise<void> => {
  const sizes = { ...previous.sizes };
  for (const [size, figures] of Object.entries(measured)) {
    const rounded = Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, Math.round(value * 100) / 100]));
    sizes[size] = { ...sizes[size], ...rounded };
  }
  const next: Baselines = {
    note: 'Figures from `npm run relay:bench -- --update-baselines`, keyed by sets per run (store part) and by "load teams x devices x pushes" (load part); compared, never enforced. Rates in change sets/s, latencies in ms, memory in MB.',
    recordedAt: new Date().toISOString(),
    environment,
    sizes,
  };
  await writeFile(baselinesPath, `${JSON.stringify(next, null, 2)}\n`);
};

/** The store part: the relay store against its floor on each engine. */
const storePart = async (sets: number, items: number, batch: number, runs: number, baselines: Baselines) => {
  progress(`Sealing and signing ${sets} sets of ${items} items…`);
  const workload = await makeRelayWorkload(sets, items, batch);
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
  return { size: String(sets), figures, tables };
};

/** The load part: relay processes on each deployment; PostgreSQL runs need a server (PGlite serves one process). */
const loadPart = async (shape: LoadShape, baselines: Baselines) => {
  const size = `load ${shape.teams}x${shape.devices}x${shape.pushes}`;
  const baseline = baselines.sizes[size] ?? {};
  const dir = mkdtempSync(join(tmpdir(), 'locket-relay-load-'));
  const hasPostgres = findPostgres().found;
  const server = hasPostgres ? await startPostgresServer() : undefined;
  const figures: Record<string, number> = {};
  const tables: string[] = [];
  try {
    for (const run of LOAD_RUNS) {
      if (run.engine === 'postgres' && !server) {
        progress(`PostgreSQL is not installed: skipping "${run.label}"`);
        continue;
      }
      const env: Record<string, string> = run.engine === 'postgres' && server ? { LOCKET_RELAY_DB: await server.createDatabase(`load_${run.name}`) } : {};
      const runShape = { ...shape, teams: Math.max(1, Math.round(shape.teams * run.teamShare)) };
      progress(`  ${run.label}: ${runShape.teams} teams x ${shape.devices} devices x ${shape.pushes} pushes…`);
      const deployment = { processes: run.processes, env, dataFile: join(dir, `${run.name}.sqlite`), ...(run.engine === 'postgres' && server ? { databaseDir: server.dataDir } : {}) };
      const measured = await measureLoad(deployment, runShape, dir, run.name);
      for (const [metric, value] of Object.entries(measured)) figures[`load.${run.name}.${metric}`] = value;
      tables.push(formatTable(run.label, loadMetricsFor(run), figures, baseline));
    }
  } finally {
    server?.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
  Object.assign(figures, loadRatios(figures));
  tables.push(formatTable('ratios', LOAD_RATIOS, figures, baseline));
  return { size, figures, tables };
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      part: { type: 'string', default: 'store,load' },
      sets: { type: 'string', default: '2000' }, items: { type: 'string', default: '4' }, batch: { type: 'string', default: '50' },
      runs: { type: 'string', default: '3' }, teams: { type: 'string', default: '4' }, devices: { type: 'string', default: '5' },
      pushes: { type: 'string', default: '20' }, 'cap-seconds': { type: 'string', default: '120' },
      'update-baselines': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const numbers = [values.sets, values.items, values.batch, values.runs, values.teams, values.devices, values.pushes, values['cap-seconds']].map(Number);
  if (!numbers.every((n) => Number.isInteger(n) && n > 0)) throw new Error('--sets, --items, --batch, --runs, --teams, --devices, --pushes and --cap-seconds take positive integers');
  const [sets, items, batch, runs, teams, devices, pushes, capSeconds] = numbers as [number, number, number, number, number, number, number, number];
  const parts = new Set(values.part.split(','));
  const loadAtStart = loadavg().map((l) => l.toFixed(2)).join(' ');
  const baselines = await readBaselines(baselinesPath);
  const results = [];
  if (parts.has('store')) results.push(await storePart(sets, items, batch, runs, baselines));
  if (parts.has('load')) results.push(await loadPart({ teams, devices, pushes, capMs: capSeconds * 1000 }, baselines));
  const cpu = cpus();
  const environment = `${cpu[0]?.model.trim() ?? 'unknown CPU'} x${cpu.length}, Node ${process.version}`;
  console.log(`\nLocket relay bench: ${environment}; baselines ${baselines.recordedAt ?? 'none'}`);
  if (parts.has('store')) console.log(`store: ${sets} sets x ${items} items, ${batch} sets per push, median of ${runs}`);
  if (parts.has('load')) console.log(`load: ${teams} teams x ${devices} devices x ${pushes} pushes of 1-5 items, one run each, client and relays on this machine`);
  console.log(`load average (1, 5, 15 min) ${loadAtStart} at the start, ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end\n`);
  console.log(results.flatMap((result) => result.tables).join('\n\n'));
  if (values['update-baselines']) {
    // The machine's load goes with the figures: on a shared machine it says more than they do.
    await writeRelayBaselines(baselines, Object.fromEntries(results.map((result) => [result.size, result.figures])), `${environment}, load average ${loadAtStart.split(' ')[0]} at the start`);
    console.log(`\nBaselines written to ${baselinesPath}`);
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exitCode = 1;
});
