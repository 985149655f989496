import { launchForCapture, serveFixtures, type FixtureServer } from './capture-helpers';
import { test } from './fixtures';

/**
 * The shared harness for quick capture: the profile launched with the switch that lets a test
 * press the toolbar button (in the language a spec sets with `browserLocale`), and the fixture
 * pages served from 127.0.0.1.
 */
export const captureTest = test.extend<{ fixtures: FixtureServer }>({
  liveBrowser: async ({ userDataDir, browserLocale }, use) => {
    const live = { current: await launchForCapture(userDataDir, browserLocale) };
    await use(live);
    await live.current.close();
  },
  // eslint-disable-next-line no-empty-pattern
  fixtures: async ({}, use) => {
    const server = await serveFixtures();
    await use(server);
    await server.close();
  },
});
