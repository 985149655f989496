import { dateTime } from '../locket-retention-settings/retention-text';
import { intlLocale } from '../shared/i18n/locale';
import { catalogue } from '../shared/i18n/catalogue';

const WORDS = catalogue({
  en: { inAMoment: 'in a moment', justNow: 'just now', anyBrowser: 'Browser', on: (browser: string, system: string) => `${browser} on ${system}` },
  de: { inAMoment: 'gleich', justNow: 'gerade eben', anyBrowser: 'Browser', on: (browser: string, system: string) => `${browser} unter ${system}` },
});

/** In the page's language at the moment it is called. */
const relative = (): Intl.RelativeTimeFormat => new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto' });

type Unit = readonly [Intl.RelativeTimeFormatUnit, number];

const MINUTE: Unit = ['minute', 60_000];
const UNITS: readonly Unit[] = [['day', 86_400_000], ['hour', 3_600_000], MINUTE];

/** "just now", "5 minutes ago", "in 10 minutes", "yesterday": when `at` is, seen from `now`. */
export const relativeTime = (at: number, now: number): string => {
  const delta = at - now;
  if (Math.abs(delta) < 45_000) return delta > 0 ? WORDS.inAMoment : WORDS.justNow;
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(delta) >= ms) ?? MINUTE;
  return relative().format(Math.round(delta / size), unit);
};

/** The exact time, for a <time> element's title beside the relative words. */
export const exactTime = (at: number): string => dateTime.format(at);

/** A name for this device the owner can keep: the browser and the system it runs on. */
export const defaultDeviceName = (userAgent: string = navigator.userAgent): string => {
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /OPR\//.test(userAgent) ? 'Opera' : /Firefox\//.test(userAgent) ? 'Firefox'
    : /Chrome\//.test(userAgent) ? 'Chrome' : WORDS.anyBrowser;
  const system = /Windows/.test(userAgent) ? 'Windows' : /Mac OS X|Macintosh/.test(userAgent) ? 'macOS'
    : /CrOS/.test(userAgent) ? 'ChromeOS' : /Android/.test(userAgent) ? 'Android' : /Linux/.test(userAgent) ? 'Linux' : '';
  return system ? WORDS.on(browser, system) : browser;
};

/**
 * The code cut into groups of four, as the owner reads it aloud or types it. The sync account
 * hands the code over already joined with dashes; they are dropped here so they never land
 * inside a group.
 */
export const codeGroups = (code: string): string[] => code.replace(/[\s-]/g, '').match(/.{1,4}/g) ?? [];

/** What the owner typed as a code, without the spaces they may have copied between its groups. */
export const typedCode = (typed: string): string => typed.replace(/\s+/g, '');
