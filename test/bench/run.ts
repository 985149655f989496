import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baselineFor, readBaselines, writeBaselines } from './baselines';
import { chromePath, launchExtension } from './browser';
import { runCaptureBench } from './capture-bench';
import { parseBenchArgs, USAGE, type BenchArgs } from './cli-args';
import type { Figures } from './metrics';
import { benchQueries } from './queries';
import { formatSizeTable } from './report';
import { runSizeScenarios } from './scenarios';

/**
 * `npm run bench`: builds the extension with the bench page (LOCKET_BENCH=1), drives it in
 * headless Chromium for each data set size, prints the figures beside the committed
 * baselines. Timings never fail the run; only errors do (exit code 1).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** LOCKET_BENCH_EXTENSION_DIR (with --no-build) runs a copy of an earlier build, so a long run can go on while the code changes. */
const extensionDir = process.env['LOCKET_BENCH_EXTENSION_DIR'] ?? join(root, '.output', 'bench');
const baselinesPath = join(root, 'test', 'bench', 'baselines.json');
const progress = (line: string): void => { process.stderr.write(`${line}\n`); };

const build = (): void => {
  progress('Building the bench extension (LOCKET_BENCH=1 wxt build)…');
  const result = spawnSync('npx', ['wxt', 'build'], {
    cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, LOCKET_BENCH: '1' },
  });
  if (result.status !== 0) throw new Error(`wxt build failed (exit ${String(result.status)})`);
};

const describeEnvironment = (): string => {
  const chromium = execFileSync(chromePath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'} x${cpu.length}, Node ${process.version}, ${chromium}`;
};

/** The 1, 5 and 15 minute load averages: other work on a 2-core machine moves every figure. */
const describeLoad = (): string => loadavg().map((load) => load.toFixed(2)).join(' ');

const main = async (args: BenchArgs): Promise<number> => {
  const started = performance.now();
  const loadAtStart = describeLoad();
  if (args.build) build();
  if (!existsSync(join(extensionDir, 'bench.html'))) {
    throw new Error(`${extensionDir}/bench.html is missing: build with LOCKET_BENCH=1 (drop --no-build)`);
  }
  const environment = describeEnvironment();
  const baselines = await readBaselines(baselinesPath);
  const queries = benchQueries(args.seed);
  const measured = new Map<number, Figures>();
  const sections: string[] = [];
  const errors: string[] = [];

  const browser = await launchExtension(extensionDir);
  try {
    for (const size of args.sizes) {
      progress(`${size.toLocaleString('en-GB')} records:`);
      const outcome = await runSizeScenarios(browser, size, {
        seed: args.seed, runs: args.runs, repeats: args.repeats, queries,
        ...(args.profile ? { profileDir: join(root, '.bench-profile') } : {}),
        syncOnly: args.syncOnly,
        scenarios: args.scenarios,
      }, progress);
      if (args.syncOnly) {
        measured.set(size, outcome.figures);
        errors.push(...outcome.errors);
        sections.push([formatSizeTable(size, outcome.figures, baselineFor(baselines, size), true), ...outcome.notes.map((note) => `  · ${note}`)].join('\n'));
        continue;
      }
      // Quick capture drives the toolbar button, which needs a browser of its own (see capture-bench.ts).
      const capture = args.scenarios && !args.scenarios.has('capture')
        ? { figures: {}, notes: [], errors: [] }
        : (progress('  quick capture, in a browser of its own:'), await runCaptureBench({ extensionDir, records: size, runs: args.runs, seed: args.seed, progress }));
      const figures: Figures = { ...outcome.figures, ...capture.figures };
      measured.set(size, figures);
      errors.push(...outcome.errors, ...capture.errors.map((error) => `${error} (${size})`));
      sections.push([
        formatSizeTable(size, figures, baselineFor(baselines, size), args.scenarios !== null),
        ...[...outcome.notes, ...capture.notes].map((note) => `  · ${note}`),
      ].join('\n'));
    }
  } finally {
    await browser.close();
  }
  const elapsedSeconds = (performance.now() - started) / 1000;

  console.log(`\nLocket bench: ${environment}`);
  console.log(`seed ${args.seed}; ${queries.length} queries x ${args.repeats}; median of ${args.runs} page opens, unlocks and gestures; baselines ${baselines.recordedAt ?? 'none'}`);
  console.log(`load average (1, 5, 15 min) ${loadAtStart} at the start, ${describeLoad()} at the end; ${elapsedSeconds.toFixed(0)} s in all\n`);
  console.log(sections.join('\n\n'));
  if (errors.length > 0) console.log(`\nErrors:\n${errors.map((error) => `  ✗ ${error}`).join('\n')}`);

  if (args.updateBaselines) {
    await writeBaselines(baselinesPath, baselines, measured, environment, new Date());
    console.log(`\nBaselines written to ${baselinesPath}`);
  }
  return errors.length > 0 ? 1 : 0;
};

let args: BenchArgs;
try {
  args = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\nusage: ${USAGE}`);
  process.exit(2);
}

main(args).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exitCode = 1;
  },
);
