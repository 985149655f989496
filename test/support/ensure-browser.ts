import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { HOW_TO_GET_A_BROWSER } from './browser-candidates';
import { planBrowserSetup } from './browser-setup';
import { lookUpBrowser } from './chromium';

/**
 * `npm test` runs this just before the end-to-end stage: it names the browser the tests will
 * drive, installs Debian's chromium where the machine can (root with apt-get), and otherwise
 * stops with one line that says how to get one.
 */
const say = (line: string): void => { process.stdout.write(`${line}\n`); };

const aptGet = (args: readonly string[]): boolean => {
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
};

const main = (): number => {
  const found = lookUpBrowser();
  const step = planBrowserSetup(found, {
    isRoot: process.getuid?.() === 0,
    hasAptGet: existsSync('/usr/bin/apt-get'),
  });
  switch (step.type) {
    case 'use':
      say(`End-to-end tests use ${step.path}.`);
      return 0;
    case 'stop':
      say(step.reason === 'missing-chrome-path' && found.type === 'missing-chrome-path'
        ? `CHROME_PATH=${found.path} does not exist: point it at a Chromium or Chrome binary, or unset it.`
        : HOW_TO_GET_A_BROWSER);
      return 1;
    case 'install-debian-chromium': {
      say('No Chromium or Chrome found: installing Debian\'s chromium (apt-get install chromium)…');
      const installed = aptGet(['update']) && aptGet(['install', '-y', 'chromium']);
      const after = lookUpBrowser();
      if (installed && after.type === 'found') {
        say(`Installed; end-to-end tests use ${after.path}.`);
        return 0;
      }
      say(`Installing chromium failed. ${HOW_TO_GET_A_BROWSER}`);
      return 1;
    }
  }
};

process.exitCode = main();
