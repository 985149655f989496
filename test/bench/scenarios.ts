import * as v from 'valibot';
import { RawPutReportSchema, SearchReportSchema, SeedReportSchema } from './bench-api';
import type { ExtensionBrowser } from './browser';
import type { BenchScenario } from './cli-args';
import type { Figures } from './metrics';
import { withBenchPage } from './bench-page';
import { timeToFirstMatch, timeToMark } from './page-timing';
import { profiled, traced } from './profiler';
import { median, percentile } from './stats';
import { measureExport, measureImport, measureWatchedImport } from './export-import-scenarios';
import { measureWatchedIndexBuild } from './index-build-scenarios';
import { measureFilter } from './filter-scenarios';
import { BULK_TAG_RECORDS, measureBulkTag } from './bulk-scenarios';
import { measureBoard } from './board-scenarios';
import { measureArchive, measureSweep } from './retention-scenarios';
import { measureSync } from './sync-scenarios';
import { measureTasks, tasksFor } from './tasks-scenarios';
import { measureMemory } from './memory-scenarios';
import { measureFirstRow } from './first-row-scenarios';
import { measureReads, measureUiUnlock, measureUnlock, plainInsertOutcome, type VaultOutcome } from './vault-scenarios';

export interface ScenarioOptions {
  readonly seed: number;
  readonly runs: number;
  readonly repeats: number;
  readonly queries: readonly string[];
  readonly profileDir?: string;
  /** Only the sync scenario (no seeding of the account's database): `--only sync`. */
  readonly syncOnly?: boolean;
  /** `--only` without sync alone: seeding, then these scenarios; absent for all of them. */
  readonly scenarios?: ReadonlySet<BenchScenario> | null;
}

export interface SizeOutcome {
  readonly figures: Figures;
  /** Context for the figures: per-kind timings, every run, slow or empty queries. */
  readonly notes: readonly string[];
  readonly errors: readonly string[];
}

/** Runs `work` under a trace started from a blank page of its own, closed after. */
const tracedFromBlank = async <T>(browser: ExtensionBrowser, dir: string, name: string, work: () => Promise<T>): Promise<T> => {
  const blank = await browser.context.newPage();
  try {
    return await traced(blank, dir, name, work);
  } finally {
    await blank.close();
  }
};

const perSecond = (records: number, ms: number): number => (ms > 0 ? (records * 1000) / ms : 0);
const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** Every scenario for one data set size. A failed scenario records its error and the rest still run. */
export const runSizeScenarios = async (
  browser: ExtensionBrowser,
  size: number,
  options: ScenarioOptions,
  progress: (line: string) => void,
): Promise<SizeOutcome> => {
  const figures: Figures = {};
  const notes: string[] = [];
  const errors: string[] = [];
  const picked = (scenario: BenchScenario): boolean => !options.scenarios || options.scenarios.has(scenario);
  const attempt = async (what: string, work: () => Promise<void>, scenario?: BenchScenario): Promise<boolean> => {
    if (scenario && !picked(scenario)) return true;
    progress(`  ${what}…`);
    try {
      await work();
      return true;
    } catch (error) {
      errors.push(`${what} (${size}): ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  };
  const merge = (outcome: VaultOutcome): void => {
    Object.assign(figures, outcome.figures);
    notes.push(...outcome.notes);
  };

  const sync = () => attempt('sync: first full sync of a new device, and push to visible', async () => merge(await measureSync(browser, size, options.seed, options.profileDir)), 'sync');
  if (options.syncOnly) {
    await sync();
    return { figures, notes, errors };
  }

  const seeded = await attempt('seeding through the store, encrypted and plain in turn', () => withBenchPage(browser, 'seed', async (page) => {
    const report = v.parse(SeedReportSchema, await profiled(page, options.profileDir, `seed-${size}`, () =>
      page.evaluate(([total, seed]) => {
        // Runs in the page: self-contained, no closures over this module.
        if (!window.locketBench) throw new Error('window.locketBench is missing');
        return window.locketBench.seed(total, seed, true);
      }, [size, options.seed] as const)));
    if (report.invalid > 0) throw new Error(`${report.invalid} seeded rows failed validation, first: ${report.firstInvalid ?? '?'}`);
    figures['insert.store'] = perSecond(report.records, report.insertMs);
    notes.push(`store insert: ${report.records} records in ${ms(report.insertMs)} (${report.byKind
      .map((part) => `${part.kind} ${part.records} in ${ms(part.ms)}`).join(', ')}); the codec alone on the same inputs ${ms(report.encodeMs)}; `
      + `outside the figure: generate ${ms(report.generateMs)}, link look-ups ${ms(report.resolveLinksMs)}, `
      + `wipe ${ms(report.wipeMs)}, account setup ${ms(report.accountMs)}`);
    merge(plainInsertOutcome(report));

    const raw = v.parse(RawPutReportSchema, await page.evaluate(([total, seed]) => {
      if (!window.locketBench) throw new Error('window.locketBench is missing');
      return window.locketBench.rawPut(total, seed);
    }, [size, options.seed] as const));
    figures['insert.raw'] = perSecond(raw.records, raw.putMs);
    figures['insert.ratio'] = figures['insert.store'] / figures['insert.raw'];
    notes.push(`raw put: ${raw.records} records in ${ms(raw.putMs)}`);
    if (raw.schemaFloorMs !== undefined) {
      figures['insert.schemaFloor'] = perSecond(raw.records, raw.schemaFloorMs);
      figures['insert.floorRatio'] = figures['insert.schemaFloor'] / figures['insert.raw'];
      notes.push(`insert floor: the same rows with Locket's indexes, change sets and outbox rows (no codec, no validation) in ${ms(raw.schemaFloorMs)}`);
    }
  }));
  if (!seeded) return { figures, notes, errors };

  await attempt('reading everything, encrypted and plain in turn', () => withBenchPage(browser, 'read all', async (page) =>
    merge(await measureReads(page))), 'read');
  await attempt('unlock: key derivation and unwrap', () => withBenchPage(browser, 'unlock', async (page) =>
    merge(await measureUnlock(page, options.runs))), 'unlock');

  await attempt('search through the worker', () => withBenchPage(browser, 'search', async (page) => {
    const report = v.parse(SearchReportSchema, await page.evaluate(
      ([queries, repeats]) => {
        if (!window.locketBench) throw new Error('window.locketBench is missing');
        return window.locketBench.search(queries, repeats);
      }, [options.queries, options.repeats] as const));
    const times = report.samples.map((sample) => sample.ms);
    figures['search.build'] = report.buildMs;
    figures['search.ready'] = report.readyMs;
    figures['search.load'] = report.loadMs;
    figures['search.saved'] = report.savedBytes / (1024 * 1024);
    if (report.loadOrigin !== 'saved') throw new Error('The second start rebuilt its index instead of loading the saved one');
    figures['search.median'] = median(times);
    figures['search.p95'] = percentile(times, 95);
    const byQuery = options.queries.map((query) => ({
      query, ms: median(report.samples.filter((sample) => sample.query === query).map((sample) => sample.ms)),
    }));
    const slowest = byQuery.sort((a, b) => b.ms - a.ms).slice(0, 4);
    const empty = [...new Set(report.samples.filter((sample) => sample.hits === 0).map((sample) => sample.query))];
    notes.push(`search: first start built ${report.indexed} in ${ms(report.buildMs)} (worker), ${ms(report.readyMs)} from connecting; `
      + `second start loaded the saved index (${(report.savedBytes / (1024 * 1024)).toFixed(1)} MB sealed) in ${ms(report.loadWorkerMs)} (worker), ${ms(report.loadMs)} from connecting`);
    notes.push(`search: ${report.indexed} indexed; ${times.length} samples `
      + `(${options.queries.length} queries x ${options.repeats}); max ${ms(Math.max(...times))}; `
      + `slowest queries (their median) ${slowest.map((s) => `"${s.query}" ${ms(s.ms)}`).join(', ')}`);
    if (empty.length > 0) notes.push(`search: no hits for ${empty.map((query) => `"${query}"`).join(', ')}`);
  }), 'search');
  await attempt('the search index built while a side panel is open, the panel watched', () => withBenchPage(browser, 'index build', async (page) =>
    merge(await measureWatchedIndexBuild(browser, page))), 'search');

  await attempt('export through the worker, and its parts', () => withBenchPage(browser, 'export', async (page) =>
    merge(await measureExport(browser, page, size, options.profileDir))), 'export');
  await attempt('import of a contacts file, and its parts', () => withBenchPage(browser, 'import', async (page) =>
    merge(await profiled(page, options.profileDir, `import-${size}`, () => measureImport(page, size, options.seed)))), 'import');
  await attempt('an import through the worker and its undo, with a side panel watched', () => withBenchPage(browser, 'import', async (page) =>
    merge(await measureWatchedImport(browser, page, size, options.seed))), 'import');
  await attempt('bulk tag of 10,000 records beside the raw put rate', () => withBenchPage(browser, 'bulk', async (page) =>
    merge(await profiled(page, options.profileDir, `bulk-${size}`, () => measureBulkTag(page, Math.min(size, BULK_TAG_RECORDS), options.seed)))), 'bulk');

  await attempt('a one-condition filter over the people, beside the plain list\'s first page', () => withBenchPage(browser, 'filter', async (page) =>
    merge(await measureFilter(page))), 'filter');

  const pageLoads = async (key: 'popup.searchReady', file: string, mark: string, evidence: string) => {
    const url = browser.pageUrl(file);
    const times: number[] = [];
    const stages = new Map<string, number[]>();
    try {
      for (let run = 0; run < options.runs; run += 1) {
        const open = () => timeToMark(browser.context, url, mark, evidence, undefined, stages);
        // With --profile, the first open is traced browser-wide (IndexedDB's own work included) from a blank page.
        times.push(run === 0 && options.profileDir !== undefined ? await tracedFromBlank(browser, options.profileDir, `${file}-${size}`, open) : await open());
      }
    } catch (error) {
      const standIn = await timeToFirstMatch(browser.context, url, evidence).catch(() => null);
      if (standIn !== null) {
        notes.push(`${file}: no "${mark}" mark, but "${evidence}" was on screen ${ms(standIn)} after navigation start `
          + '(frame-polled stand-in for diagnosis, not the figure)');
      }
      throw error;
    }
    figures[key] = median(times);
    notes.push(`${file} → ${mark}: runs ${times.map((time) => time.toFixed(1)).join(', ')} ms; stages (median ms from navigation start) `
      + [...stages].sort((a, b) => median(a[1]) - median(b[1])).map(([name, at]) => `${name} ${median(at).toFixed(1)}`).join(', '));
  };
  await attempt('side panel first row, beside a bare open of its database', async () => {
    const outcome = await measureFirstRow(browser, size, options.runs, options.profileDir);
    Object.assign(figures, outcome.figures);
    notes.push(...outcome.notes);
  }, 'sidepanel');
  await attempt('popup search ready', () => pageLoads('popup.searchReady', 'popup.html', 'locket:search-ready', 'input[type="search"]'), 'popup');
  await attempt('memory: three surfaces open, one search worker', async () => merge(await measureMemory(browser)), 'memory');
  await attempt('backup and restore through the worker', () => withBenchPage(browser, 'backup', async (page) =>
    merge(await measureArchive(browser, page, size, options.profileDir))), 'backup');
  // After the scenarios whose figures depend on the data set's size: it adds open opportunities.
  await attempt('the board\'s first paint with 10,000 open opportunities, beside the list\'s first row', () => withBenchPage(browser, 'board', async (page) =>
    merge(await measureBoard(browser, page, size, options.runs, options.seed))), 'board');
  // Adds tasks and a timeline to the account: after every scenario whose figures count its records.
  await attempt(`tasks: ${tasksFor(size).toLocaleString('en-GB')} tasks, the Tasks view, reminders, a timeline of 1,000 entries`, () => withBenchPage(browser, 'tasks', async (page) =>
    measureTasks(browser, page, size, options.seed, options.runs, merge)), 'tasks');
  await sync();
  // After every scenario that reads the seeded records: the sweep purges them all.
  await attempt('sweep of the whole data set, expired, with a side panel open', () => withBenchPage(browser, 'sweep', async (page) =>
    merge(await measureSweep(browser, page, options.profileDir))), 'sweep');
  // Last: it locks the session, and a run that fails part-way leaves it locked.
  await attempt('unlock through the lock screen', () => withBenchPage(browser, 'lock screen unlock', async (page) =>
    merge(await measureUiUnlock(browser, page, options.runs))), 'lockscreen');

  return { figures, notes, errors };
};
