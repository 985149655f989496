/**
 * Sync in the bench: a relay on 127.0.0.1 (in this process, a fresh SQLite file), an account whose
 * first device (Node, sync-seed.ts) pushed the seeded records, then:
 *
 *   first full sync  a new device in the bench page (its own wiped database, the engine the worker
 *                    runs) pulls and applies everything; then, in the same page and run, its parts:
 *                    the same pull without applying, SyncCrypto.open of every set, and a bare
 *                    IndexedDB put of the opened records.
 *   push to visible  two bench pages, each a device of a second account with its engine running;
 *                    one creates a person, the other reads it back from its own store.
 */
import type { Page } from '@playwright/test';
import * as v from 'valibot';
import { startTestRelay } from '../relay/support/in-process-relay';
import { FullSyncReportSchema, SyncDeviceSchema, SyncWriteSchema, type SyncJoin } from './bench-api';
import { withBenchPage } from './bench-page';
import type { ExtensionBrowser } from './browser';
import type { Figures } from './metrics';
import { profiled } from './profiler';
import { median, percentile } from './stats';
import { enroll, seedTeam, type SeededTeam } from './sync-seed';
import type { VaultOutcome } from './vault-scenarios';

const LATENCY_WRITES = 30;
const SEEN_TIMEOUT_MS = 15_000;

const ms = (value: number): string => `${value.toFixed(0)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const pause = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay));

const newDevice = async (page: Page, seeded: SeededTeam, name: string): Promise<SyncJoin> => {
  const device = v.parse(SyncDeviceSchema, await page.evaluate((which) => {
    if (!window.locketBench) throw new Error('window.locketBench is missing');
    return window.locketBench.syncDeviceKeys(which);
  }, name));
  return enroll(seeded, device);
};

const measureFullSync = async (browser: ExtensionBrowser, seeded: SeededTeam, size: number, profileDir: string | undefined): Promise<VaultOutcome> =>
  withBenchPage(browser, 'first full sync', async (page) => {
    const join = await newDevice(page, seeded, 'new');
    const report = v.parse(FullSyncReportSchema, await profiled(page, profileDir, `sync-${size}`, () => page.evaluate(([which, joining]) => {
      if (!window.locketBench) throw new Error('window.locketBench is missing');
      return window.locketBench.fullSync(which, joining);
    }, ['new', join] as const)));
    if (report.records !== size) throw new Error(`The new device holds ${report.records} records of ${size} after its first sync`);
    const parts = report.pullMs + report.decryptMs + report.putMs;
    const figures: Figures = {
      'sync.full': report.fullMs, 'sync.pull': report.pullMs, 'sync.decrypt': report.decryptMs, 'sync.put': report.putMs,
      'sync.ratio': report.fullMs / parts,
    };
    return {
      figures,
      notes: [
        `first full sync: ${report.records} records in ${report.sets} sets, ${report.pages} pull page(s), ${mb(report.pulledBytes)} of pull JSON; `
        + `${ms(report.fullMs)} from engine start to its first round's end (${Math.round((report.records * 1000) / report.fullMs)} rec/s); `
        + `parts: pull ${ms(report.pullMs)}, open ${ms(report.decryptMs)}, bare put ${ms(report.putMs)}`,
        `seeding the relay (outside the figures): ${seeded.sets} sets of up to 1000 records, ${mb(seeded.bytes)} of ciphertext; `
        + `sealing ${ms(seeded.sealMs)}, pushing one set per request ${ms(seeded.pushMs)}`,
      ],
    };
  });

/** Creates a person on `writer`, then asks `reader` every 10 ms whether its store holds it; the page stamps the moment. */
const measureLatency = async (browser: ExtensionBrowser, seeded: SeededTeam): Promise<VaultOutcome> =>
  withBenchPage(browser, 'push to visible, writer', (writer) => withBenchPage(browser, 'push to visible, reader', async (reader) => {
    const [asWriter, asReader] = [await newDevice(writer, seeded, 'writer'), await newDevice(reader, seeded, 'reader')];
    // Each device verifies the other's sets: both know every signer (device A, writer, reader).
    const join: SyncJoin = { ...asWriter, signers: [...asWriter.signers, ...asReader.signers.slice(-1)] };
    const open = (page: Page, name: string) => page.evaluate(([which, joining]) => {
      if (!window.locketBench) throw new Error('window.locketBench is missing');
      return window.locketBench.syncOpen(which, joining);
    }, [name, join] as const);
    await Promise.all([open(writer, 'writer'), open(reader, 'reader')]);
    const samples: number[] = [];
    try {
      for (let index = 0; index < LATENCY_WRITES; index += 1) {
        const written = v.parse(SyncWriteSchema, await writer.evaluate((at) => {
          if (!window.locketBench) throw new Error('window.locketBench is missing');
          return window.locketBench.syncWrite('writer', at);
        }, index));
        const deadline = Date.now() + SEEN_TIMEOUT_MS;
        let seenAt: number | null = null;
        while (seenAt === null) {
          if (Date.now() > deadline) throw new Error(`Write ${index + 1} was not visible on the other device after ${SEEN_TIMEOUT_MS} ms`);
          await pause(10);
          seenAt = await reader.evaluate((id) => window.locketBench?.syncSeen('reader', id) ?? null, written.id);
        }
        samples.push(seenAt - written.startedAt);
        // Apart, as edits by hand are: each write is its own push, not part of a burst.
        await pause(100);
      }
    } finally {
      await Promise.all([
        writer.evaluate(() => window.locketBench?.syncClose('writer')),
        reader.evaluate(() => window.locketBench?.syncClose('reader')),
      ]);
    }
    return {
      figures: { 'sync.latencyMedian': median(samples), 'sync.latencyP95': percentile(samples, 95) },
      notes: [`push to visible: ${samples.length} writes, ms: ${samples.map((sample) => sample.toFixed(0)).join(', ')}`],
    };
  }));

/** Both sync figures for one size, each in its own account on one relay; `profileDir` gets the new device's page profile. */
export const measureSync = async (browser: ExtensionBrowser, size: number, seed: number, profileDir?: string): Promise<VaultOutcome> => {
  // The relay's own limits: a seeded set of 1000 records (about 0.7 MB of JSON) fits one push request.
  const relay = await startTestRelay();
  try {
    const full = await measureFullSync(browser, await seedTeam(relay.url, size, seed), size, profileDir);
    const latency = await measureLatency(browser, await seedTeam(relay.url, 1, seed));
    return { figures: { ...full.figures, ...latency.figures }, notes: [...full.notes, ...latency.notes] };
  } finally {
    await relay.dispose();
  }
};
