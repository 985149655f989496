/**
 * The convergence model with a team (issue 13): devices belong to members with roles, and while
 * they write, sync, lose requests and the relay crashes, members are invited and join, are
 * removed (the key rotating in the same entry), a read-only member forges sets past its own role
 * guard (to the relay, and into a relay that skips the role check), and a removed member pushes
 * what it wrote before and after its removal with the keys it still holds. Then the network heals
 * and the current members sync, and:
 *   - no set the relay or a device refuses (role, removal) is applied on any device;
 *   - every current member's device shows the same records, each field the latest write by HLC;
 *   - no set stored after a removal is under a key the removed member holds, nor opens with it;
 *   - a removed device receives nothing after its removal.
 *
 * LOCKET_MODEL_RUNS raises the number of runs; a failure prints the seed and path to replay it
 * (`LOCKET_MODEL_SEED=<seed> LOCKET_MODEL_PATH=<path> npx vitest run test/relay/team-convergence.test.ts`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../core/clock';
import { fromBase64Url } from '../../core/security/base64url';
import { keyringOf } from '../../core/sync-account/team-log-cache';
import { createSyncCrypto } from '../../core/sync/envelopes';
import type { StoredSet } from '../../core/sync/protocol';
import type { InviteRole } from '../../core/team/roles';
import { START } from '../unit/store/harness';
import { checkConverged, quiesce } from './support/model-checks';
import type { DeviceSetup, ModelNetwork } from './support/model-devices';
import { openModelRelay } from './support/model-relay';
import { faultArb, skewArb } from './support/model-steps';
import { addTeamMember, createTeamOwner } from './support/model-team';
import { roleArb, runTeamStep, scratchStore, teamStepArb, type TeamStep, type TeamWorld } from './support/model-team-steps';

/** Each run builds a team through the real invite, join and confirm (about 2 s on two cores): 15 keep the file under a minute. */
const RUNS = Number(process.env.LOCKET_MODEL_RUNS ?? 15);
/** Drawn here rather than by fast-check, so a run that overruns its time can be replayed too. */
const SEED = process.env.LOCKET_MODEL_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.LOCKET_MODEL_SEED);
const PATH = process.env.LOCKET_MODEL_PATH;
const TIME_LIMIT_MS = 600_000;

type Setup = Omit<DeviceSetup, 'index'>;
const setupArb: fc.Arbitrary<Setup> = fc.record({ skewMs: skewArb, faults: fc.array(faultArb, { maxLength: 8 }) });

interface Scenario {
  readonly owner: Setup;
  readonly members: readonly { readonly role: InviteRole; readonly setup: Setup }[];
  readonly steps: readonly TeamStep[];
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  owner: setupArb,
  members: fc.array(fc.record({ role: roleArb, setup: setupArb }), { minLength: 1, maxLength: 2 }),
  steps: fc.array(teamStepArb(setupArb), { minLength: 1, maxLength: 30 }),
});

const everySet = async (world: TeamWorld): Promise<StoredSet[]> => {
  const sets: StoredSet[] = [];
  for (let since = 0, page = 0; page < 100; page += 1) {
    const pulled = await world.relay.store().pullSets(world.team, since, 500);
    sets.push(...(JSON.parse(JSON.stringify(pulled.sets)) as StoredSet[]));
    if (!pulled.more || pulled.sets.length === 0) break;
    since = pulled.sets.at(-1)!.seq;
  }
  return sets;
};

const checkTeam = async (world: TeamWorld): Promise<void> => {
  // No refused set applied anywhere: a removed member's own writes stay on its own device only.
  for (const member of world.members) {
    for (const id of (await member.device.db.getAllKeys('records')).map(String)) {
      const holder = world.refused.get(id);
      if (holder !== undefined) expect(holder, `${id}, refused, is on ${member.device.name}`).toBe(member.device.name);
    }
  }
  const owner = world.members[0]!;
  await owner.team.refresh(await owner.token());
  const final = owner.team.latest()!;
  const sets = await everySet(world);
  const signers = new Map((await world.relay.store().listDevices(world.team)).map((device) => [device.device, fromBase64Url(device.publicKey)]));
  for (const removed of world.members.filter((member) => member.removal)) {
    const { afterSeq, cursor } = removed.removal!;
    const keys = (await removed.team.unlocked())!.keys;
    const ring = await keyringOf(final, keys);
    const after = sets.filter((set) => set.seq > afterSeq);
    for (const set of after) {
      expect(ring?.keys.has(set.epoch), `set ${set.seq} stored after ${removed.device.name}'s removal is under epoch ${set.epoch}, which it holds`).toBe(false);
    }
    if (ring) {
      // Whoever signed them, what it holds opens none of them.
      const held = await createSyncCrypto(
        { device: keys.signing, team: world.team, epoch: ring.epoch, syncKey: ring.key, olderKeys: ring.keys },
        async (deviceId) => signers.get(deviceId) ?? null,
      );
      for (const set of after) expect(await held.open(set), `set ${set.seq} opens with ${removed.device.name}'s keys`).toBeNull();
    }
    expect(await removed.device.replica.cursor(), `${removed.device.name} received something after its removal`).toEqual(cursor);
  }
};

const runScenario = async (scenario: Scenario): Promise<void> => {
  const clock = createManualClock(START);
  const relay = await openModelRelay(clock);
  const network: ModelNetwork = { delayed: [], healed: false };
  try {
    const owner = await createTeamOwner(clock, relay, network, { index: 0, ...scenario.owner });
    const world: TeamWorld = {
      team: (await owner.account.identity())!.team, clock, relay, network, devices: [owner.device], members: [owner],
      writes: [], ended: new Set(), undoneBy: new Map(), refused: new Map(), endedBy: new Map(),
      join: (index, setup, inviter, role) => addTeamMember(clock, relay, network, { index, ...setup }, inviter, role),
    };
    const scratch = scratchStore('forger-scratch');
    for (const { role, setup } of scenario.members) await runTeamStep(world, { t: 'add-member', role, by: 0, setup }, scratch);
    for (const step of scenario.steps) await runTeamStep(world, step, scratch);
    const current = { ...world, devices: world.members.filter((member) => !member.removal).map((member) => member.device) };
    await quiesce(current);
    await checkConverged(current);
    await checkTeam(world);
  } finally {
    await relay.dispose();
  }
};

const still: Setup = { skewMs: 0, faults: [] };

/** Cases the model found, shrunk: each failed before its fix. */
const FOUND: readonly { readonly name: string; readonly scenario: Scenario }[] = [
  {
    // Seed 2054875620, path 30:0:0:0:1:1:1:1:2:2:4:2:2:5:7:8:8:6:6: the relay stored the set under epoch 1, which the removed member holds.
    name: 'a set written before a removal and pushed after it, by a member who has not read the log since, goes out under the new key',
    scenario: {
      owner: still,
      members: [{ role: 'read-only', setup: still }, { role: 'standard', setup: still }],
      steps: [{ t: 'create', d: 2, name: 'Ada' }, { t: 'remove-member', pick: 0, by: 0 }, { t: 'sync', d: 0 }],
    },
  },
];

describe('team convergence model: members join and leave, roles hold, a removal rotates the key', () => {
  for (const found of FOUND) it(found.name, () => runScenario(found.scenario));

  it('a removed member\'s writes reach nobody, and what the others write after it opens with nothing it holds', () => runScenario({
    owner: still,
    members: [{ role: 'standard', setup: still }, { role: 'standard', setup: still }],
    steps: [
      { t: 'create', d: 2, name: 'Ada' }, { t: 'sync', d: 2 }, { t: 'create', d: 2, name: 'Grace' },
      { t: 'remove-member', pick: 1, by: 0 }, { t: 'removed-write', pick: 0, name: 'Mallory' },
      { t: 'create', d: 1, name: 'Alan' }, { t: 'sync', d: 1 }, { t: 'sync', d: 0 },
    ],
  }));

  it('a read-only member\'s forged sets are refused by the relay, and by every device when a relay lets one through', () => runScenario({
    owner: still,
    members: [{ role: 'read-only', setup: still }, { role: 'admin', setup: still }],
    steps: [{ t: 'forge', pick: 0, via: 'relay' }, { t: 'forge', pick: 0, via: 'careless-relay' }, { t: 'create', d: 2, name: 'Ada' }],
  }));

  it(`converges after members join and leave among writes and faults (${RUNS} runs)`, async () => {
    const outcome = await fc.check(fc.asyncProperty(scenarioArb, (scenario) => runScenario(scenario)), {
      numRuns: RUNS, seed: SEED, ...(PATH === undefined ? {} : { path: PATH }),
      interruptAfterTimeLimit: TIME_LIMIT_MS - 60_000, markInterruptAsFailure: true,
    });
    if (outcome.failed) {
      const replay = `LOCKET_MODEL_SEED=${outcome.seed} LOCKET_MODEL_PATH=${outcome.counterexamplePath ?? ''} npx vitest run test/relay/team-convergence.test.ts`;
      throw new Error(`${fc.defaultReportMessage(outcome)}\n\n${String(outcome.errorInstance)}\n\nReplay the shrunk case with:\n  ${replay}`);
    }
  }, TIME_LIMIT_MS);
});
