import { aimVerdict, changeFromBaseline, formatValue, METRICS, type Figures } from './metrics';

const pad = (rows: readonly (readonly string[])[]): string => {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd())
    .join('\n');
};

/** One size's figures beside their baselines and aims; a failed scenario shows as "error" (or not at all with `onlyMeasured`, for a partial run). */
export const formatSizeTable = (size: number, figures: Figures, baseline: Figures, onlyMeasured = false): string => {
  const rows = METRICS.filter((metric) => !onlyMeasured || figures[metric.key] !== undefined).map((metric) => {
    const value = figures[metric.key];
    const previous = baseline[metric.key];
    return [
      metric.label,
      value === undefined ? 'error' : formatValue(metric, value),
      previous === undefined ? '-' : formatValue(metric, previous),
      value === undefined ? '' : changeFromBaseline(metric, value, previous),
      value === undefined ? '' : aimVerdict(metric, value),
    ];
  });
  const header = [`${size.toLocaleString('en-GB')} records`, 'now', 'baseline', 'change', 'aim'];
  return pad([header, header.map((cell) => '-'.repeat(cell.length)), ...rows]);
};
