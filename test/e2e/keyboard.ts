import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Moving through Locket's pages with the keyboard alone, and checking at every stop that the
 * focus can be seen: a ring at least 2px wide whose colour stands out 3:1 from what it is
 * drawn on (WCAG 2.4.7 and 1.4.11), in the light and the dark colour scheme.
 */

/** What has focus, through shadow roots, and how its ring looks against what lies behind it. */
interface FocusStop {
  /** Tag and accessible text, for messages: `button "Open Ada Lovelace"`. */
  readonly what: string;
  /** Focus fell back to the page itself: the keyboard user lost their place. */
  readonly lost: boolean;
  readonly ringWidth: number;
  readonly ringContrast: number;
}

const readFocus = (): FocusStop => {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active || active === document.body || active === document.documentElement) {
    return { what: 'the page', lost: true, ringWidth: 0, ringContrast: 0 };
  }
  const rgba = (colour: string): number[] => (colour.match(/[\d.]+/g) ?? []).map(Number);
  const canvas = (): string => {
    const probe = document.createElement('div');
    probe.style.background = 'Canvas';
    document.body.append(probe);
    const colour = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return colour;
  };
  // The first opaque background at or above the element, across shadow boundaries.
  const backgroundOf = (start: Element | null): number[] => {
    for (let node: Element | null = start; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
      const [r = 0, g = 0, b = 0, a = 1] = rgba(getComputedStyle(node).backgroundColor);
      if (a > 0.5) return [r, g, b];
    }
    return rgba(canvas()).slice(0, 3);
  };
  const luminance = ([r = 0, g = 0, b = 0]: number[]): number => {
    const linear = (v: number) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const own = getComputedStyle(active);
  const after = getComputedStyle(active, '::after');
  // A list row's ring is drawn by its button's ::after, which covers the whole row (row-button.styles.ts).
  const onRow = own.outlineStyle === 'none' && after.outlineStyle !== 'none';
  const style = onRow ? after : own;
  const ring = rgba(style.outlineColor);
  const inside = onRow ? active.parentElement ?? active : active;
  const drawnOn = parseFloat(style.outlineOffset) < 0 ? backgroundOf(inside) : backgroundOf(active.parentElement ?? (active.getRootNode() as ShadowRoot).host);
  const [lighter, darker] = [luminance(ring), luminance(drawnOn)].sort((x, y) => y - x) as [number, number];
  const labelled = (active as HTMLInputElement).labels?.[0]?.textContent ?? active.textContent ?? '';
  const label = active.getAttribute('aria-label') ?? labelled.replace(/\s+/g, ' ').trim().slice(0, 40);
  return {
    what: `${active.localName} "${label}" (${style.outlineStyle} ${style.outlineWidth})`,
    lost: false,
    ringWidth: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
    ringContrast: (lighter + 0.05) / (darker + 0.05),
  };
};

/** Fails unless the focused element shows a ring that can be seen in both colour schemes. */
export const expectVisibleFocus = async (page: Page): Promise<string> => {
  const seen: string[] = [];
  let what = '';
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const stop = await page.evaluate(readFocus);
    what = stop.what;
    expect(stop.lost, `focus is on an element, not lost to the page (${scheme})`).toBe(false);
    if (stop.ringWidth < 2 || stop.ringContrast < 3) {
      seen.push(`${scheme}: ${stop.what} ring ${stop.ringWidth}px at ${stop.ringContrast.toFixed(2)}:1`);
    }
  }
  expect(seen, 'focus rings narrower than 2px or under 3:1').toEqual([]);
  return what;
};

const isFocused = (target: Locator): Promise<boolean> => target.evaluate((element) => {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active === element;
});

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking the ring at every stop on
 * the way; fails after `limit` presses, naming the stops it passed.
 */
export const tabTo = async (page: Page, target: Locator, { backwards = false, limit = 30 } = {}): Promise<void> => {
  await expect(target).toBeVisible();
  const passed: string[] = [];
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focusedNow = await isFocused(target);
    // The browser's own toolbar takes a stop when the tab order wraps: nothing of the page has focus there.
    const stop = await page.evaluate(readFocus);
    if (!stop.lost) passed.push(await expectVisibleFocus(page));
    if (focusedNow) return;
  }
  throw new Error(`Not reached in ${limit} presses of ${backwards ? 'Shift+Tab' : 'Tab'}; passed: ${passed.join(', ')}`);
};

/** Types into the focused field, replacing what it held. */
export const retype = async (page: Page, text: string): Promise<void> => {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
};
