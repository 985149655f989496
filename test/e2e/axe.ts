import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The rule sets of WCAG 2.0 and 2.1, levels A and AA. */
const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Impacts that fail a test: what keeps a keyboard or screen-reader user from getting through. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * axe's own rules for the page's outline (landmarks and headings), which it files as best
 * practice with moderate impact. A screen-reader user moves by them, so any finding fails.
 */
const STRUCTURE_RULES = [
  'landmark-one-main', 'landmark-no-duplicate-main', 'landmark-unique', 'landmark-banner-is-top-level',
  'landmark-main-is-top-level', 'region', 'heading-order', 'page-has-heading-one', 'empty-heading',
];

type Results = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** One line per offending element: rule, impact, where (through shadow roots), and axe's reason. */
const describeViolations = (violations: Results['violations']): string[] =>
  violations.flatMap((violation) => violation.nodes.map((node) => {
    const where = node.target.map((step) => (Array.isArray(step) ? step.join(' >> ') : String(step))).join(' | ');
    const reason = node.failureSummary?.replace(/\s+/g, ' ').trim() ?? violation.help;
    return `${violation.id} (${violation.impact ?? 'unknown'}) at ${where}: ${reason}`;
  }));

const analyze = async (builder: AxeBuilder, state: string): Promise<Results> => {
  const results = await builder.analyze();
  // A page that failed to render passes every rule by having nothing to check.
  expect(results.passes.length, `${state}: rules that found something to check`).toBeGreaterThan(0);
  return results;
};

/** WCAG A/AA findings that block, and any finding on the page's outline, in the light scheme. */
const lightFindings = async (page: Page, state: string): Promise<string[]> => {
  await page.emulateMedia({ colorScheme: 'light' });
  // One pass: the outline rules are switched on beside the WCAG tags.
  const structure = Object.fromEntries(STRUCTURE_RULES.map((rule) => [rule, { enabled: true }]));
  const options = { runOnly: { type: 'tag' as const, values: WCAG_AA_TAGS }, rules: structure };
  const results = await analyze(new AxeBuilder({ page }).options(options), state);
  return describeViolations(results.violations.filter((violation) =>
    BLOCKING_IMPACTS.has(violation.impact ?? '') || STRUCTURE_RULES.includes(violation.id)));
};

/** Only colours change with the scheme, so the dark pass checks contrast alone. */
const darkFindings = async (page: Page, state: string): Promise<string[]> => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const contrast = await analyze(new AxeBuilder({ page }).withRules(['color-contrast']), `${state} (dark)`);
  return describeViolations(contrast.violations).map((line) => `dark: ${line}`);
};

/**
 * Runs axe over the page as it is now and fails on any serious or critical WCAG 2.1 A/AA
 * violation, on any problem with its landmarks and headings, and on any text whose contrast
 * falls short in the dark colour scheme. A failure is recorded and the test walks on, so one
 * run lists every state's findings. The page is left in the light scheme.
 */
export const expectAccessible = async (page: Page, state: string): Promise<void> => {
  try {
    const found = [...await lightFindings(page, state), ...await darkFindings(page, state)];
    expect.soft(found, `${state}: accessibility violations`).toEqual([]);
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
};
