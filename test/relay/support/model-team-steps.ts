/**
 * What the team convergence model does: every step of the convergence model (model-steps.ts) on
 * a device of some member, held to what the member's role allows on its own device
 * (core/team/local-rights.ts), and membership steps: a member invited and joined, a member
 * removed (with the key rotation in the same entry), a read-only member forging a set past its
 * own role guard (pushed to the relay, or slipped into a relay that skips the role check), and a
 * removed member writing and pushing with the keys it still holds.
 *
 * The oracle follows what the relay took: a removed member's writes that had not reached the
 * relay at its removal, and everything it writes after, are out of the model's writes and ended ids.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { formatHlc } from '../../../core/hlc';
import { mayAct, type LocalAct } from '../../../core/team/local-rights';
import type { InviteRole } from '../../../core/team/roles';
import { device as replicaDevice, type Device } from '../../unit/replica/replica-harness';
import type { DeviceSetup } from './model-devices';
import type { TeamModelDevice } from './model-team';
import { runStep, stepArb, type ModelWorld, type Step } from './model-steps';

/** Every device the model ever holds, removed ones included. */
export const MAX_TEAM_DEVICES = 5;

export type TeamStep =
  | Step
  | { readonly t: 'add-member'; readonly role: InviteRole; readonly by: number; readonly setup: Omit<DeviceSetup, 'index'> }
  | { readonly t: 'remove-member'; readonly pick: number; readonly by: number }
  | { readonly t: 'forge'; readonly pick: number; readonly via: 'relay' | 'careless-relay' }
  | { readonly t: 'removed-write'; readonly pick: number; readonly name: string };

export const roleArb = fc.constantFrom<InviteRole>('read-only', 'standard', 'admin');

/** A relay restored from an older copy takes the membership log back too: that is a fork every device refuses, another model. */
const syncStepArb = stepArb.filter((step) => step.t !== 'snapshot' && step.t !== 'restore-relay');

export const teamStepArb = (setupArb: fc.Arbitrary<Omit<DeviceSetup, 'index'>>): fc.Arbitrary<TeamStep> => fc.oneof(
  { weight: 12, arbitrary: syncStepArb },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('add-member' as const), role: roleArb, by: fc.nat(4), setup: setupArb }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('remove-member' as const), pick: fc.nat(4), by: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('forge' as const), pick: fc.nat(4), via: fc.constantFrom('relay' as const, 'careless-relay' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('removed-write' as const), pick: fc.nat(4), name: fc.constantFrom('Mallory', 'Trudy') }) },
);

export interface TeamWorld extends ModelWorld {
  /** Aligned with `devices`: the member each device acts for. */
  readonly members: TeamModelDevice[];
  /**
   * Record ids no other device may ever apply, each with the one device that may hold it: a
   * removed member's own writes stay on its device; a forged set's record is on none ('').
   */
  readonly refused: Map<string, string>;
  /** Which device ended each id (purge, erase, undo of its import). */
  readonly endedBy: Map<string, string>;
  /** Builds device `index` for a new member; the test supplies the relay and network. */
  readonly join: (index: number, setup: Omit<DeviceSetup, 'index'>, inviter: TeamModelDevice, role: InviteRole) => Promise<TeamModelDevice>;
}

const actOf = (step: Step): LocalAct | null => {
  switch (step.t) {
    case 'create': case 'import': return 'create';
    case 'edit': case 'tags': return 'edit';
    case 'trash': case 'restore': case 'purge': case 'erase': case 'undo-import': return step.t;
    default: return null;
  }
};

const active = (world: TeamWorld): TeamModelDevice[] => world.members.filter((member) => !member.removal);
const pickOf = <T>(list: readonly T[], at: number): T | undefined => list[at % Math.max(1, list.length)];

/** Every set the relay holds from `deviceId`, by set id. */
const landedFrom = async (world: TeamWorld, deviceId: string): Promise<Set<string>> => {
  const landed = new Set<string>();
  for (let since = 0, page = 0; page < 100; page += 1) {
    const pulled = await world.relay.store().pullSets(world.team, since, 500);
    for (const set of pulled.sets) if (set.device === deviceId) landed.add(set.setId);
    if (!pulled.more || pulled.sets.length === 0) break;
    since = pulled.sets.at(-1)!.seq;
  }
  return landed;
};

/**
 * After `removed` was removed: its writes the relay never took leave the oracle, and an id it
 * ended without the relay taking the purge is not ended for anyone else.
 */
const forgetUnlanded = async (world: TeamWorld, removed: TeamModelDevice): Promise<void> => {
  const landed = await landedFrom(world, removed.deviceId);
  const unlanded = (await removed.device.replica.pending(1000)).filter((entry) => !landed.has(entry.set.setId)).map((entry) => entry.set);
  const unlandedIds = new Set(unlanded.map((set) => set.setId));
  const kept = world.writes.filter((write) => write.deviceId !== removed.device.name || !unlandedIds.has(write.hlc));
  world.writes.splice(0, world.writes.length, ...kept);
  const unlandedRecords = new Set(unlanded.flatMap((set) => set.items.map((item) => item.recordId)));
  for (const [id, by] of world.endedBy) {
    if (by === removed.device.name && unlandedRecords.has(id)) {
      world.ended.delete(id);
      world.endedBy.delete(id);
    }
  }
};

const removeMember = async (world: TeamWorld, step: Extract<TeamStep, { t: 'remove-member' }>): Promise<void> => {
  const target = pickOf(active(world).filter((member) => member.role !== 'owner'), step.pick);
  if (!target) return;
  // Admins remove standard and read-only members; only the owner removes an admin.
  const removers = active(world).filter((member) => member !== target && (member.role === 'owner' || (member.role === 'admin' && target.role !== 'admin')));
  const remover = pickOf(removers, step.by)!;
  expect(await remover.api.removeMember(target.member), `${remover.device.name} removes ${target.device.name}`).toEqual({ ok: true, value: undefined });
  target.removal = { afterSeq: await world.relay.store().head(world.team), cursor: await target.device.replica.cursor() };
  await forgetUnlanded(world, target);
};

/** A person record's body as a local create writes it, sealed by `forger` and pushed past its role guard. */
const forge = async (world: TeamWorld, scratch: () => Promise<Device>, step: Extract<TeamStep, { t: 'forge' }>): Promise<void> => {
  const forger = pickOf(active(world).filter((member) => member.role === 'read-only'), step.pick);
  if (!forger) return;
  const source = await scratch();
  const created = await source.store.create('person', { firstName: 'Forged', lastName: '' });
  if (!created.ok) throw new Error('The scratch store refused a create');
  const [written] = await source.replica.pending(100).then((entries) => entries.slice(-1));
  await source.replica.acknowledge(written!.clientSeq);
  forger.forged += 1;
  const set = {
    ...written!.set, deviceId: forger.deviceId, setId: formatHlc({ wallMs: world.clock.now(), counter: forger.forged, nodeId: forger.deviceId }),
  };
  // Sealed under the newest key, as a forger would: the relay refuses anything older for its own reason.
  await forger.team.refresh(await forger.token());
  const identity = (await forger.account.identity())!;
  const envelope = await forger.device.crypto.seal({ clientSeq: forger.forged, prevSetId: null, set }, identity.team);
  world.refused.set(created.value.id, '');
  if (step.via === 'relay') {
    const answer = await world.relay.handle('/v1/push', { token: await forger.token(), body: { reqId: `forged-${forger.forged}`, sets: [envelope] } });
    expect(answer.body, 'the relay refuses a read-only member\'s set').toMatchObject({ results: [{ error: 'role_forbidden' }] });
    forger.forged -= 1;
    return;
  }
  // A relay that skipped the role check: every device's own check on receipt is what is left.
  const stored = await world.relay.direct((store) => store.appendSets(world.team, forger.deviceId, [envelope]));
  // The relay died before storing it: nothing was forged after all.
  if (stored === null) return;
  expect(stored.results[0], 'a careless relay stores the forged set').toMatchObject({ duplicate: false });
};

/** A removed member writes with what it holds and pushes everything it has: all of it refused. */
const removedWrite = async (world: TeamWorld, step: Extract<TeamStep, { t: 'removed-write' }>): Promise<void> => {
  const removed = pickOf(world.members.filter((member) => member.removal), step.pick);
  if (!removed) return;
  const created = await removed.device.store.create('person', { firstName: step.name, lastName: '' });
  if (created.ok) world.refused.set(created.value.id, removed.device.name);
  // Refused as removed, unless the faulty network lost the request first: never synced.
  const problem = await removed.device.sync();
  expect(['removed', 'relay-unreachable'], 'the relay refuses a removed member').toContain(problem?.type);
};

/** One base step on the device of the member it names, as that member's role allows on their own device. */
const memberStep = async (world: TeamWorld, step: Step & { d: number }): Promise<void> => {
  const member = world.members[step.d % world.members.length]!;
  const act = actOf(step);
  if (!member.removal && act && !mayAct({ role: member.role, canExport: false }, act)) return;
  const writes = world.writes.length;
  const ended = new Set(world.ended);
  await runStep(world, step);
  const newlyEnded = [...world.ended].filter((id) => !ended.has(id));
  if (!member.removal) {
    for (const id of newlyEnded) world.endedBy.set(id, member.device.name);
    return;
  }
  // Written after its removal: nobody else may ever see it.
  for (const write of world.writes.splice(writes)) if (write.op === 'create') world.refused.set(write.recordId, member.device.name);
  for (const id of newlyEnded) world.ended.delete(id);
};

export const runTeamStep = async (world: TeamWorld, step: TeamStep, scratch: () => Promise<Device>): Promise<void> => {
  switch (step.t) {
    case 'add-member': {
      if (world.members.length >= MAX_TEAM_DEVICES) return;
      // Admins invite standard and read-only members; only the owner invites an admin.
      const inviters = active(world).filter((member) => member.role === 'owner' || (member.role === 'admin' && step.role !== 'admin'));
      const joined = await world.join(world.members.length, step.setup, pickOf(inviters, step.by)!, step.role);
      world.members.push(joined);
      world.devices.push(joined.device);
      return;
    }
    case 'remove-member': return removeMember(world, step);
    case 'forge': return forge(world, scratch, step);
    case 'removed-write': return removedWrite(world, step);
    default:
      if ('d' in step) return memberStep(world, step);
      return runStep(world, step);
  }
};

/** A store to take a real create's body from, once per run. */
export const scratchStore = (name: string): (() => Promise<Device>) => {
  let made: Promise<Device> | undefined;
  return () => (made ??= replicaDevice(name));
};
