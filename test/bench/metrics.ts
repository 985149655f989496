/** The figures the bench prints, which way is better, and the aim each is held to. */
export interface Aim {
  readonly op: '<' | '<=' | '>=';
  readonly limit: number;
}

export interface Metric {
  readonly key: string;
  readonly label: string;
  readonly unit: 'rec/s' | 'ms' | 'x' | 'MB' | 'count';
  readonly better: 'higher' | 'lower';
  readonly aim?: Aim;
}

export const METRICS = [
  { key: 'insert.store', label: 'bulk insert, store.insertMany (AES-GCM)', unit: 'rec/s', better: 'higher' },
  { key: 'insert.raw', label: 'bulk insert, raw idb put (1 tx)', unit: 'rec/s', better: 'higher' },
  { key: 'insert.ratio', label: 'store / raw', unit: 'x', better: 'higher', aim: { op: '>=', limit: 0.6 } },
  { key: 'insert.schemaFloor', label: 'insert floor, bare put + indexes + change set + outbox', unit: 'rec/s', better: 'higher' },
  { key: 'insert.floorRatio', label: 'insert floor / raw', unit: 'x', better: 'higher' },
  { key: 'vault.insertPlain', label: 'bulk insert, store.insertMany (plain)', unit: 'rec/s', better: 'higher' },
  { key: 'vault.insertRatio', label: 'insert, encrypted / plain', unit: 'x', better: 'higher' },
  { key: 'vault.readEncrypted', label: 'read all, forEachBatch (AES-GCM)', unit: 'rec/s', better: 'higher' },
  { key: 'vault.readPlain', label: 'read all, forEachBatch (plain)', unit: 'rec/s', better: 'higher' },
  { key: 'vault.readRatio', label: 'read, encrypted / plain', unit: 'x', better: 'higher' },
  { key: 'vault.unlock', label: 'unlock, PBKDF2 + unwrap', unit: 'ms', better: 'lower', aim: { op: '<', limit: 500 } },
  { key: 'vault.unlockUi', label: 'unlock, lock screen click to surface', unit: 'ms', better: 'lower', aim: { op: '<', limit: 500 } },
  { key: 'search.build', label: 'search index build (worker)', unit: 'ms', better: 'lower' },
  { key: 'search.ready', label: 'worker start to index ready', unit: 'ms', better: 'lower' },
  { key: 'search.load', label: 'search worker start to index ready, saved index', unit: 'ms', better: 'lower', aim: { op: '<', limit: 1500 } },
  { key: 'search.saved', label: 'saved search index, sealed', unit: 'MB', better: 'lower' },
  { key: 'search.median', label: 'search latency, median', unit: 'ms', better: 'lower' },
  { key: 'search.p95', label: 'search latency, p95', unit: 'ms', better: 'lower', aim: { op: '<', limit: 10 } },
  { key: 'export.full', label: 'export, all files as a zip (worker)', unit: 'ms', better: 'lower' },
  { key: 'export.parts', label: 'export parts: getAll + decodeMany + unparse', unit: 'ms', better: 'lower' },
  { key: 'export.ratio', label: 'export / its parts', unit: 'x', better: 'lower', aim: { op: '<=', limit: 1.3 } },
  { key: 'export.floor', label: 'export floor: parts + parseFields + cells + zip, same run', unit: 'ms', better: 'lower' },
  { key: 'export.floorRatio', label: 'export / its floor', unit: 'x', better: 'lower', aim: { op: '<=', limit: 1.3 } },
  { key: 'export.longestTask', label: 'longest side panel task during the export', unit: 'ms', better: 'lower', aim: { op: '<', limit: 50 } },
  { key: 'import.full', label: 'import contacts, planImport + runImport', unit: 'rec/s', better: 'higher' },
  { key: 'import.put', label: 'import floor, bare put (tx of 1000)', unit: 'rec/s', better: 'higher' },
  { key: 'import.ratio', label: 'import / bare put', unit: 'x', better: 'higher', aim: { op: '>=', limit: 0.5 } },
  { key: 'import.schemaFloor', label: 'import floor, bare put + indexes + change set + outbox', unit: 'rec/s', better: 'higher' },
  { key: 'import.floorRatio', label: 'import floor / bare put', unit: 'x', better: 'higher' },
  { key: 'import.ownRowsFloor', label: 'import floor, the rows and sets it wrote, added bare', unit: 'rec/s', better: 'higher' },
  { key: 'import.ownRowsFloorRatio', label: 'import floor of its own rows / bare put', unit: 'x', better: 'higher' },
  { key: 'import.toOwnRowsFloor', label: 'import time / that floor\'s time', unit: 'x', better: 'lower' },
  { key: 'import.longestTask', label: 'longest side panel task during an import and its undo (worker)', unit: 'ms', better: 'lower', aim: { op: '<', limit: 50 } },
  { key: 'search.buildLongestTask', label: 'longest side panel task while its search index builds', unit: 'ms', better: 'lower', aim: { op: '<', limit: 50 } },
  { key: 'bulk.tag', label: 'bulk tag of 10,000, store.applyBulk (AES-GCM)', unit: 'rec/s', better: 'higher' },
  { key: 'bulk.put', label: 'bulk tag floor, raw idb put of as many, same run', unit: 'rec/s', better: 'higher' },
  { key: 'bulk.ratio', label: 'bulk tag / raw put', unit: 'x', better: 'higher', aim: { op: '>=', limit: 0.5 } },
  { key: 'bulk.floor', label: 'bulk tag floor, its IndexedDB work in bare idb', unit: 'rec/s', better: 'higher' },
  { key: 'bulk.floorRatio', label: 'bulk tag floor / raw put', unit: 'x', better: 'higher' },
  { key: 'import.parse', label: 'import, parseCsv alone', unit: 'ms', better: 'lower' },
  { key: 'backup.make', label: 'backup, every record into one file (worker)', unit: 'ms', better: 'lower' },
  { key: 'backup.restore', label: 'restore that backup (worker)', unit: 'ms', better: 'lower' },
  { key: 'backup.bareput', label: 'restore floor, bare put of the rows as stored (tx of 1000)', unit: 'ms', better: 'lower' },
  { key: 'backup.ratio', label: 'restore / bare put', unit: 'x', better: 'lower', aim: { op: '<=', limit: 2 } },
  { key: 'backup.floor', label: 'restore floor: the snapshot alone + its rows and sets put bare in one tx', unit: 'ms', better: 'lower' },
  { key: 'backup.floorRatio', label: 'restore / that floor', unit: 'x', better: 'lower' },
  { key: 'backup.longestTask', label: 'longest side panel task during backup and restore', unit: 'ms', better: 'lower', aim: { op: '<', limit: 50 } },
  { key: 'sweep.purge', label: 'sweep, purge expired trash (sweep worker)', unit: 'rec/s', better: 'higher' },
  { key: 'sweep.bareDelete', label: 'sweep floor, bare delete, same rows (tx of 1000)', unit: 'rec/s', better: 'higher' },
  { key: 'sweep.ratio', label: 'sweep time / bare delete time', unit: 'x', better: 'lower' },
  { key: 'sweep.barePurge', label: 'sweep floor, bare purge with tombstones, purge set, outbox, audit', unit: 'rec/s', better: 'higher' },
  { key: 'sweep.purgeRatio', label: 'sweep time / bare purge time', unit: 'x', better: 'lower', aim: { op: '<=', limit: 1.3 } },
  { key: 'sweep.longestTask', label: 'longest side panel task during the sweep', unit: 'ms', better: 'lower', aim: { op: '<', limit: 50 } },
  { key: 'board.firstPaint', label: 'side panel open on the board to first cards, 10,000 open', unit: 'ms', better: 'lower', aim: { op: '<', limit: 200 } },
  { key: 'board.complete', label: 'side panel open on the board to exact counts and totals', unit: 'ms', better: 'lower' },
  { key: 'board.listFirstRow', label: 'board floor: side panel open to the list\'s first row, same run', unit: 'ms', better: 'lower' },
  { key: 'sidepanel.firstRow', label: 'side panel open to first row', unit: 'ms', better: 'lower', aim: { op: '<', limit: 150 } },
  { key: 'sidepanel.bareOpen', label: 'floor: bare open of the same database, same origin, no page code', unit: 'ms', better: 'lower' },
  { key: 'sidepanel.bareReopen', label: 'bare open again, the origin\'s storage still held', unit: 'ms', better: 'lower' },
  { key: 'filter.plainFirstPage', label: 'people list, first page (store.page, no filter)', unit: 'ms', better: 'lower' },
  { key: 'filter.firstRows', label: 'one-condition filter, first rows (columns)', unit: 'ms', better: 'lower', aim: { op: '<', limit: 150 } },
  { key: 'filter.count', label: 'one-condition filter, exact count (columns)', unit: 'ms', better: 'lower', aim: { op: '<', limit: 1000 } },
  { key: 'filter.coldBuild', label: 'filter columns + search index, cold build', unit: 'ms', better: 'lower' },
  { key: 'filter.load', label: 'filter columns + search index, saved, ready', unit: 'ms', better: 'lower' },
  { key: 'filter.scanFirstRows', label: 'one-condition filter, first rows (scan)', unit: 'ms', better: 'lower' },
  { key: 'filter.scanCount', label: 'one-condition filter, exact count (scan)', unit: 'ms', better: 'lower' },
  { key: 'tasks.firstRow', label: 'tasks view open to first row (half as many tasks)', unit: 'ms', better: 'lower', aim: { op: '<', limit: 150 } },
  { key: 'tasks.listFloor', label: 'tasks floor: side panel list open to first row, same run', unit: 'ms', better: 'lower' },
  { key: 'tasks.bareScript', label: 'tasks floor: a bare page\'s script start, same run', unit: 'ms', better: 'lower' },
  { key: 'tasks.remind', label: 'reminder round after unlock, call to alarm set', unit: 'ms', better: 'lower', aim: { op: '<=', limit: 200 } },
  { key: 'tasks.remindFloor', label: 'reminder floor: bare read of the remind index', unit: 'ms', better: 'lower' },
  { key: 'tasks.timeline', label: 'timeline of 1,000 entries, click to first screen', unit: 'ms', better: 'lower', aim: { op: '<', limit: 100 } },
  { key: 'tasks.timelineFloor', label: 'timeline floor: bare read + decrypt of one page', unit: 'ms', better: 'lower' },
  { key: 'popup.searchReady', label: 'popup open to search ready', unit: 'ms', better: 'lower', aim: { op: '<', limit: 100 } },
  { key: 'sync.full', label: 'first full sync, new device (engine)', unit: 'ms', better: 'lower' },
  { key: 'sync.pull', label: 'sync part: pull over HTTP, nothing applied', unit: 'ms', better: 'lower' },
  { key: 'sync.decrypt', label: 'sync part: SyncCrypto.open of every set', unit: 'ms', better: 'lower' },
  { key: 'sync.put', label: 'sync part: bare idb put of the records', unit: 'ms', better: 'lower' },
  { key: 'sync.ratio', label: 'full sync / its parts', unit: 'x', better: 'lower', aim: { op: '<', limit: 2 } },
  { key: 'sync.latencyMedian', label: 'push to visible, median', unit: 'ms', better: 'lower' },
  { key: 'sync.latencyP95', label: 'push to visible, p95', unit: 'ms', better: 'lower', aim: { op: '<', limit: 1000 } },
  { key: 'memory.raw', label: 'raw data, live records as JSON', unit: 'MB', better: 'lower' },
  { key: 'memory.searchWorker', label: 'search worker JS heap, index held', unit: 'MB', better: 'lower', aim: { op: '<', limit: 60 } },
  { key: 'memory.searchWorkers', label: 'search workers, 3 surfaces open', unit: 'count', better: 'lower', aim: { op: '<', limit: 2 } },
  { key: 'memory.sidepanel', label: 'side panel JS heap, 3 surfaces open', unit: 'MB', better: 'lower' },
  { key: 'memory.popup', label: 'popup JS heap, 3 surfaces open', unit: 'MB', better: 'lower' },
  { key: 'memory.options', label: 'options page JS heap, 3 surfaces open', unit: 'MB', better: 'lower' },
  { key: 'capture.extract', label: 'capture, extract 2 MB / 500 people', unit: 'ms', better: 'lower' },
  { key: 'capture.validate', label: 'capture, validate that claim (Node)', unit: 'ms', better: 'lower' },
  { key: 'capture.formCold', label: 'capture, gesture to form, panel closed', unit: 'ms', better: 'lower', aim: { op: '<', limit: 200 } },
  { key: 'capture.formWarm', label: 'capture, gesture to form, panel open', unit: 'ms', better: 'lower', aim: { op: '<', limit: 200 } },
  { key: 'capture.listWarm', label: 'capture, gesture to 500-people list', unit: 'ms', better: 'lower' },
] as const satisfies readonly Metric[];

export type MetricKey = (typeof METRICS)[number]['key'];

/** One size's figures; a metric is absent when its scenario failed. */
export type Figures = Partial<Record<MetricKey, number>>;

export const formatValue = (metric: Metric, value: number): string => {
  switch (metric.unit) {
    case 'rec/s': return `${Math.round(value).toLocaleString('en-GB')} rec/s`;
    case 'ms': return `${value.toFixed(value < 100 ? 2 : 0)} ms`;
    case 'x': return `${value.toFixed(2)}x`;
    case 'MB': return `${value.toFixed(1)} MB`;
    case 'count': return String(Math.round(value));
  }
};

/** "met", or by how much the figure misses, in its own unit and in percent of the limit. */
export const aimVerdict = (metric: Metric, value: number): string => {
  const { aim } = metric;
  if (!aim) return '';
  const met = aim.op === '<' ? value < aim.limit : aim.op === '<=' ? value <= aim.limit : value >= aim.limit;
  const target = `${aim.op} ${formatValue(metric, aim.limit)}`;
  if (met) return `${target}: met`;
  const gap = Math.abs(value - aim.limit);
  return `${target}: MISSED by ${formatValue(metric, gap)} (${((gap / aim.limit) * 100).toFixed(0)}%)`;
};

/** Signed change from the baseline in percent, and whether that is better or worse. */
export const changeFromBaseline = (metric: Metric, value: number, baseline: number | undefined): string => {
  if (baseline === undefined || baseline === 0) return 'no baseline';
  const percent = ((value - baseline) / baseline) * 100;
  if (Math.abs(percent) < 0.05) return '0.0%';
  const improved = metric.better === 'higher' ? percent > 0 : percent < 0;
  return `${percent > 0 ? '+' : ''}${percent.toFixed(1)}% (${improved ? 'better' : 'worse'})`;
};
