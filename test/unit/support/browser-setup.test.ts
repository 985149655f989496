import { describe, expect, it } from 'vitest';
import { findBrowser, SYSTEM_BROWSERS } from '../../support/browser-candidates';
import { planBrowserSetup } from '../../support/browser-setup';

const existing = (...paths: string[]) => (path: string): boolean => paths.includes(path);
const PLAYWRIGHT = '/root/.cache/ms-playwright/chromium-1/chrome-linux/chrome';
const root = { isRoot: true, hasAptGet: true };

describe('finding a browser for the end-to-end tests', () => {
  it('takes CHROME_PATH first, even when others exist', () => {
    const found = findBrowser({ chromePathVariable: '/opt/chrome', playwrightChromium: PLAYWRIGHT, exists: existing('/opt/chrome', PLAYWRIGHT, '/usr/bin/chromium') });
    expect(found).toEqual({ type: 'found', path: '/opt/chrome', source: 'CHROME_PATH' });
  });

  it('reports a CHROME_PATH that points nowhere instead of quietly using another browser', () => {
    const found = findBrowser({ chromePathVariable: '/nowhere/chrome', playwrightChromium: PLAYWRIGHT, exists: existing(PLAYWRIGHT) });
    expect(found).toEqual({ type: 'missing-chrome-path', path: '/nowhere/chrome' });
    expect(planBrowserSetup(found, root)).toEqual({ type: 'stop', reason: 'missing-chrome-path' });
  });

  it('treats an empty CHROME_PATH as unset', () => {
    const found = findBrowser({ chromePathVariable: '', playwrightChromium: undefined, exists: existing('/usr/bin/chromium') });
    expect(found).toEqual({ type: 'found', path: '/usr/bin/chromium', source: 'system' });
  });

  it('prefers a Playwright-installed Chromium over the system one', () => {
    const found = findBrowser({ chromePathVariable: undefined, playwrightChromium: PLAYWRIGHT, exists: existing(PLAYWRIGHT, '/usr/bin/chromium') });
    expect(found).toEqual({ type: 'found', path: PLAYWRIGHT, source: 'playwright' });
  });

  it('finds Google Chrome when no Chromium is installed', () => {
    const found = findBrowser({ chromePathVariable: undefined, playwrightChromium: PLAYWRIGHT, exists: existing('/usr/bin/google-chrome-stable') });
    expect(found).toEqual({ type: 'found', path: '/usr/bin/google-chrome-stable', source: 'system' });
    expect(SYSTEM_BROWSERS.indexOf('/usr/bin/chromium')).toBeLessThan(SYSTEM_BROWSERS.indexOf('/usr/bin/google-chrome-stable'));
  });
});

describe('setting up before the end-to-end stage', () => {
  const none = findBrowser({ chromePathVariable: undefined, playwrightChromium: undefined, exists: existing() });

  it('installs Debian\'s chromium when nothing is found and the machine can install it', () => {
    expect(planBrowserSetup(none, root)).toEqual({ type: 'install-debian-chromium' });
  });

  it('stops with instructions when not root or without apt-get', () => {
    expect(planBrowserSetup(none, { isRoot: false, hasAptGet: true })).toEqual({ type: 'stop', reason: 'cannot-install' });
    expect(planBrowserSetup(none, { isRoot: true, hasAptGet: false })).toEqual({ type: 'stop', reason: 'cannot-install' });
  });

  it('uses what it found without installing anything', () => {
    const found = findBrowser({ chromePathVariable: undefined, playwrightChromium: undefined, exists: existing('/usr/bin/chromium') });
    expect(planBrowserSetup(found, { isRoot: false, hasAptGet: false })).toEqual({ type: 'use', path: '/usr/bin/chromium' });
  });
});
