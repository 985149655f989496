import type { Page } from '@playwright/test';
import * as v from 'valibot';
import { FilterReportSchema } from './bench-api';
import type { VaultOutcome } from './vault-scenarios';

const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** A one-condition filter's first rows and exact count through the worker, beside the plain list's first page in the same page. */
export const measureFilter = async (page: Page): Promise<VaultOutcome> => {
  const report = v.parse(FilterReportSchema, await page.evaluate(() => {
    if (!window.locketBench) throw new Error('window.locketBench is missing');
    return window.locketBench.filter();
  }));
  if (report.matches === 0 || report.matches > report.people) throw new Error(`the filter matched ${report.matches} of ${report.people} people`);
  return {
    figures: {
      'filter.plainFirstPage': report.plainFirstPageMs, 'filter.firstRows': report.firstRowsMs, 'filter.count': report.countMs,
      'filter.coldBuild': report.coldBuildMs, 'filter.load': report.loadMs,
      'filter.scanFirstRows': report.scanFirstRowsMs, 'filter.scanCount': report.scanCountMs,
    },
    notes: [`filter: tag has "customer" over ${report.people} people matched ${report.matches}; from the search worker's columns first rows `
      + `${ms(report.firstRowsMs)}, exact count ${ms(report.countMs)} (columns and index built cold in ${ms(report.coldBuildMs)}, loaded saved in `
      + `${ms(report.loadMs)}); by the scan first rows ${ms(report.scanFirstRowsMs)}, exact count ${ms(report.scanCountMs)}; `
      + `the plain list's first ${report.plainRows} rows ${ms(report.plainFirstPageMs)}`],
  };
};
