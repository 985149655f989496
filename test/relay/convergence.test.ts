/**
 * The convergence model: 2–5 devices (real stores, replicas and SyncCrypto) write, trash, restore,
 * purge, erase and tag while a faulty network loses, duplicates and delays their requests, the
 * relay dies before commits and comes back from an older copy of its file, devices go offline for
 * weeks and read clocks up to an hour off. Then the network heals and everyone syncs (bounded
 * rounds), and every device must show the same records, each field the latest write by HLC, no
 * purged or erased id anywhere, and applying the whole log again must change nothing.
 *
 * LOCKET_MODEL_RUNS raises the number of runs; a failure prints the seed and path to replay it
 * (`LOCKET_MODEL_SEED=<seed> LOCKET_MODEL_PATH=<path> npx vitest run test/relay/convergence.test.ts`).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { createManualClock } from '../../core/clock';
import { START } from '../unit/store/harness';
import { checkConverged, quiesce } from './support/model-checks';
import { createModelDevice, newAccount, type Fault, type ModelDevice, type ModelNetwork } from './support/model-devices';
import { openModelRelay } from './support/model-relay';
import { faultArb, runStep, skewArb, stepArb, type ModelWorld, type Step } from './support/model-steps';

/** 1,000 runs under CI (about 2 minutes on two cores); 150 locally, so a change is checked in seconds. */
const RUNS = Number(process.env.LOCKET_MODEL_RUNS ?? (process.env.CI ? 1000 : 150));
/** Drawn here rather than by fast-check, so a run that overruns its time can be replayed too. */
const SEED = process.env.LOCKET_MODEL_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.LOCKET_MODEL_SEED);
const PATH = process.env.LOCKET_MODEL_PATH;
const TIME_LIMIT_MS = 600_000;
const scenarioArb = fc.record({
  devices: fc.array(fc.record({ skewMs: skewArb, faults: fc.array(faultArb, { maxLength: 8 }) }), { minLength: 2, maxLength: 5 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 40 }),
});

const runScenario = async (scenario: { devices: readonly { skewMs: number; faults: readonly Fault[] }[]; steps: readonly Step[] }) => {
  const clock = createManualClock(START);
  const relay = await openModelRelay(clock);
  const network: ModelNetwork = { delayed: [], healed: false };
  const account = newAccount();
  try {
    const devices: ModelDevice[] = [];
    for (const [index, setup] of scenario.devices.entries()) {
      devices.push(await createModelDevice(account, relay, network, clock, { index, ...setup }));
    }
    const world: ModelWorld = { team: account.team, clock, relay, network, devices, writes: [], ended: new Set(), undoneBy: new Map() };
    for (const step of scenario.steps) await runStep(world, step);
    await quiesce(world);
    await checkConverged(world);
  } finally {
    await relay.dispose();
  }
};

const still = (count: number) => Array.from({ length: count }, () => ({ skewMs: 0, faults: [] }));

/** Cases the model found, shrunk: each failed before its fix. */
const FOUND: readonly { readonly name: string; readonly devices: number; readonly steps: Step[]; readonly skews?: readonly number[] }[] = [
  {
    name: 'a device that hears of an erased person only with the erasure keeps no line of them',
    devices: 2,
    steps: [{ t: 'create', d: 0, name: 'Ada' }, { t: 'sync', d: 0 }, { t: 'erase', d: 0, pick: 0 }],
  },
  {
    name: 'a set whose push died with the relay, then purged, still goes out and the device keeps syncing',
    devices: 2,
    steps: [{ t: 'crash' }, { t: 'create', d: 0, name: 'Ada' }, { t: 'sync', d: 0 }, { t: 'purge', d: 0, pick: 0 }],
  },
  {
    name: 'a relay restored from an older copy that reached the same head with other sets is noticed',
    devices: 4,
    steps: [
      { t: 'snapshot' }, { t: 'create', d: 3, name: 'Ada' }, { t: 'sync', d: 3 }, { t: 'create', d: 0, name: 'Grace' },
      { t: 'restore-relay' }, { t: 'sync', d: 0 },
    ],
  },
  {
    name: 'a device whose unsent edit names a person erased elsewhere pulls the erasure and syncs on',
    devices: 2,
    steps: [
      { t: 'create', d: 1, name: 'Ada' }, { t: 'sync', d: 1 }, { t: 'edit', d: 1, pick: 0, field: 'firstName', value: 'Alan' },
      { t: 'sync', d: 0 }, { t: 'erase', d: 0, pick: 0 },
    ],
  },
  {
    name: 'a device whose unsent edit names a record purged elsewhere pulls the purge and syncs on',
    devices: 2,
    steps: [
      { t: 'create', d: 1, name: 'Ada' }, { t: 'create', d: 1, name: 'Grace' }, { t: 'sync', d: 1 },
      { t: 'edit', d: 1, pick: 0, field: 'jobTitle', value: 'Alan' }, { t: 'sync', d: 0 }, { t: 'purge', d: 0, pick: 0 },
    ],
  },
  {
    name: 'a device whose acknowledged set a restored relay lost, before its cursor reached it, pushes it again',
    devices: 2,
    steps: [{ t: 'snapshot' }, { t: 'create', d: 0, name: 'Ada' }, { t: 'sync-without-pull', d: 0 }, { t: 'restore-relay' }],
  },
  {
    name: 'a record created on a device whose clock lags a stamp it received shows the same createdAt everywhere',
    devices: 2,
    skews: [0, -1],
    steps: [{ t: 'create', d: 0, name: 'Ada' }, { t: 'sync', d: 0 }, { t: 'sync', d: 1 }, { t: 'create', d: 1, name: 'Grace' }],
  },
  {
    name: 'an edit on a device whose clock is more than the drift limit behind the record it edits wins everywhere, as it does there',
    devices: 4,
    skews: [0, -375_481, 3_224_520, 0],
    steps: [{ t: 'create', d: 2, name: 'Ada' }, { t: 'sync', d: 2 }, { t: 'sync', d: 1 }, { t: 'edit', d: 1, pick: 0, field: 'firstName', value: 'Alan' }],
  },
  {
    name: 'a device holding a record live when its trash and purge arrive in one pull keeps no line of it',
    devices: 3,
    steps: [{ t: 'create', d: 1, name: 'Ada' }, { t: 'sync', d: 1 }, { t: 'purge', d: 1, pick: 0 }],
  },
  {
    name: 'an import that takes a tag off a record takes it off everywhere',
    devices: 2,
    steps: [{ t: 'import', d: 0, names: ['Ada'], retag: [] }, { t: 'import', d: 0, names: [], retag: [{ pick: 0, tags: [] }] }],
  },
  {
    name: 'undoing an import that tagged a record gives it back its earlier tags everywhere',
    devices: 2,
    steps: [
      { t: 'create', d: 0, name: 'Ada' }, { t: 'tags', d: 0, pick: 0, tags: ['lead'] }, { t: 'sync', d: 0 },
      { t: 'import', d: 0, names: [], retag: [{ pick: 0, tags: ['vip'] }] }, { t: 'sync', d: 0 }, { t: 'sync', d: 1 },
      { t: 'undo-import', d: 0, pick: 0 },
    ],
  },
  {
    name: 'a record removed by undoing its import stays gone where it was undone when an earlier edit from elsewhere arrives',
    devices: 2,
    steps: [
      { t: 'import', d: 0, names: ['Ada'], retag: [] }, { t: 'sync', d: 0 }, { t: 'sync', d: 1 },
      { t: 'edit', d: 1, pick: 0, field: 'firstName', value: 'Alan' }, { t: 'undo-import', d: 0, pick: 0 },
      { t: 'sync', d: 1 }, { t: 'sync', d: 0 },
    ],
  },
];

describe('convergence model: devices, a faulty network and a relay that crashes', () => {
  for (const found of FOUND) {
    const devices = still(found.devices).map((device, index) => ({ ...device, skewMs: found.skews?.[index] ?? 0 }));
    it(found.name, () => runScenario({ devices, steps: found.steps }));
  }

  it(`converges after any mix of writes and faults (${RUNS} runs)`, async () => {
    const outcome = await fc.check(fc.asyncProperty(scenarioArb, (scenario) => runScenario(scenario)), {
      numRuns: RUNS, seed: SEED, ...(PATH === undefined ? {} : { path: PATH }),
      // Stopped (and reported with its seed) before the test's own time limit would end it without one.
      interruptAfterTimeLimit: TIME_LIMIT_MS - 60_000, markInterruptAsFailure: true,
    });
    if (outcome.failed) {
      const replay = `LOCKET_MODEL_SEED=${outcome.seed} LOCKET_MODEL_PATH=${outcome.counterexamplePath ?? ''} npx vitest run test/relay/convergence.test.ts`;
      throw new Error(`${fc.defaultReportMessage(outcome)}\n\n${String(outcome.errorInstance)}\n\nReplay the shrunk case with:\n  ${replay}`);
    }
  }, TIME_LIMIT_MS);
});
