import type { BrowserContext, Locator, Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnRelay, type RelayProcess } from '../relay/support/relay-process';
import { expect, test, watchForPageErrors } from './fixtures';
import { extensionIdOf, launchWithExtension, openSurfaceIn, type Surface } from './launch';

/**
 * The relay's host, granted to both profiles from install: headless Chromium cannot answer the
 * permission prompt, so the extension's request for the relay's origin resolves on the grant.
 */
const RELAY_HOSTS = ['http://127.0.0.1/*'];

/** The relay both devices reach, which a test may stop and start again at the same address. */
export interface E2eRelay {
  readonly url: string;
  /** Kills the relay at once, as a crash or a lost connection would look to the devices. */
  readonly kill: () => Promise<void>;
  /** Starts it again on the same port and data file. */
  readonly restart: () => Promise<void>;
}

const stopRelay = async (relay: RelayProcess, signal: NodeJS.Signals): Promise<void> => {
  if (relay.child.exitCode === null && relay.child.signalCode === null) relay.child.kill(signal);
  await relay.exited;
};

/** A second browser profile with the built extension: another device of the same owner. */
export interface OtherDevice {
  readonly context: BrowserContext;
  readonly openSurface: (surface: Surface) => Promise<Page>;
}

/** A profile of its own for the length of a test, its page errors failing the test as the first profile's do. */
const useOtherDevice = async (uncaughtPageErrors: string[], use: (device: OtherDevice) => Promise<void>): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'locket-e2e-'));
  const context = await launchWithExtension(dir, { grantedHosts: RELAY_HOSTS });
  watchForPageErrors(context, uncaughtPageErrors);
  const extensionId = await extensionIdOf(context);
  await use({ context, openSurface: (surface) => openSurfaceIn(context, extensionId, surface) });
  await context.close();
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
};

/**
 * Two devices and a relay: the fixtures' browser is device A, `deviceB` a second profile, and
 * `relay` the relay as `npm run relay` starts it (a child process on 127.0.0.1, a free port, a
 * data file of its own), stopped after the test. `deviceC`, a third profile, starts only in a test that asks for it.
 */
/** Time to start (and stop) a relay process or another profile. */
const FIXTURE_START_MS = 120_000;

export const syncTest = test.extend<{ relay: E2eRelay; deviceB: OtherDevice; deviceC: OtherDevice }>({
  grantedHosts: RELAY_HOSTS,
  // A relay process and a second browser profile each take seconds to start on a loaded machine:
  // their own time limits, so a test's setup does not spend the test's.
  // eslint-disable-next-line no-empty-pattern
  relay: [async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'locket-e2e-relay-'));
    const [dataFile, logFile] = [join(dir, 'relay.sqlite'), join(dir, 'relay.log')];
    let running = await spawnRelay(dataFile, logFile);
    const { url } = running;
    await use({
      url,
      kill: () => stopRelay(running, 'SIGKILL'),
      restart: async () => {
        await stopRelay(running, 'SIGKILL');
        running = await spawnRelay(dataFile, logFile, {}, Number(new URL(url).port));
      },
    });
    await stopRelay(running, 'SIGTERM');
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  }, { timeout: FIXTURE_START_MS }],
  deviceB: [async ({ uncaughtPageErrors }, use) => { await useOtherDevice(uncaughtPageErrors, use); }, { timeout: FIXTURE_START_MS }],
  deviceC: [async ({ uncaughtPageErrors }, use) => { await useOtherDevice(uncaughtPageErrors, use); }, { timeout: FIXTURE_START_MS }],
});

/** The options page's Sync section. */
export const syncSection = (options: Page): Locator => options.getByRole('region', { name: 'Sync', exact: true });

/** The status line of the Sync section ("Connected", "Offline: …", "Removed from the account: …"). */
export const syncState = (options: Page): Locator =>
  syncSection(options).locator('dt:text-is("Status") + dd');

/** Connects this device to the relay as the first device of a new sync account. */
export const connectToRelay = async (options: Page, relayUrl: string, deviceName: string): Promise<void> => {
  const form = syncSection(options).getByRole('form', { name: 'Connect to a relay' });
  await form.getByLabel('Relay address', { exact: true }).fill(relayUrl);
  await form.getByLabel('Device name', { exact: true }).fill(deviceName);
  await form.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(syncState(options)).toHaveText('Connected', { timeout: 15_000 });
};

/** On a connected device: "Add a device", then the one-time code it shows. */
export const offerPairing = async (options: Page): Promise<string> => {
  await syncSection(options).getByRole('button', { name: 'Add a device', exact: true }).click();
  const code = syncSection(options).getByLabel('Pairing code', { exact: true });
  await expect(code).toBeVisible({ timeout: 15_000 });
  const shown = ((await code.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  // Read aloud or typed by the owner: groups of four letters or digits, nothing else.
  expect(shown).toMatch(/^([0-9A-Z]{4} )+[0-9A-Z]{1,4}$/);
  return shown;
};

/** On the new device: "Join with a code" with the relay's address and the code the other device shows. */
export const joinWithCode = async (options: Page, relayUrl: string, code: string, deviceName: string): Promise<void> => {
  const form = syncSection(options).getByRole('form', { name: 'Join with a code' });
  await form.getByLabel('Relay address', { exact: true }).fill(relayUrl);
  await form.getByLabel('Pairing code', { exact: true }).fill(code);
  await form.getByLabel('Device name', { exact: true }).fill(deviceName);
  await form.getByRole('button', { name: 'Join', exact: true }).click();
};

/** The words a device shows for the owner to compare, once both sides have met. */
export const fingerprintWords = async (options: Page): Promise<readonly string[]> => {
  const words = syncSection(options).getByRole('list', { name: 'Fingerprint words' }).getByRole('listitem');
  await expect(words.first()).toBeVisible({ timeout: 15_000 });
  return (await words.allTextContents()).map((word) => word.trim());
};

export const confirmSameWords = async (options: Page): Promise<void> => {
  await syncSection(options).getByRole('button', { name: 'They match', exact: true }).click();
};
