/**
 * Where the end-to-end tests and the bench look for a Chromium, in order. The first that
 * exists wins; CHROME_PATH, when set, is the only candidate (a wrong one is an error, never
 * silently replaced by another browser).
 */
export interface BrowserLookup {
  /** CHROME_PATH as the environment has it; empty means "not set", as for most tools. */
  readonly chromePathVariable: string | undefined;
  /** Where Playwright's own Chromium would be, installed or not. */
  readonly playwrightChromium: string | undefined;
  readonly exists: (path: string) => boolean;
}

/** Debian's and Ubuntu's Chromium, then Google Chrome, as their packages install them. */
export const SYSTEM_BROWSERS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

export type BrowserFound =
  | { readonly type: 'found'; readonly path: string; readonly source: 'CHROME_PATH' | 'playwright' | 'system' }
  | { readonly type: 'missing-chrome-path'; readonly path: string }
  | { readonly type: 'none' };

export const findBrowser = ({ chromePathVariable, playwrightChromium, exists }: BrowserLookup): BrowserFound => {
  if (chromePathVariable) {
    return exists(chromePathVariable)
      ? { type: 'found', path: chromePathVariable, source: 'CHROME_PATH' }
      : { type: 'missing-chrome-path', path: chromePathVariable };
  }
  if (playwrightChromium && exists(playwrightChromium)) {
    return { type: 'found', path: playwrightChromium, source: 'playwright' };
  }
  const system = SYSTEM_BROWSERS.find(exists);
  return system ? { type: 'found', path: system, source: 'system' } : { type: 'none' };
};

/** The one line that tells someone without a browser exactly how to get one. */
export const HOW_TO_GET_A_BROWSER =
  'No Chromium or Chrome found for the end-to-end tests: install one (Debian/Ubuntu: ' +
  '`sudo apt-get install chromium`) or set CHROME_PATH to a Chromium or Chrome binary, then run `npm test` again.';
