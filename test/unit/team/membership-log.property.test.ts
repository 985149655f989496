/**
 * Property tests over the membership log: random teams built by random members asking for random
 * acts, each admitted exactly when the role table allows it; any altered entry refused; invites
 * good once and only until they expire; joins never above their invite; removal always rotating.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildConfirm, buildEntry, buildInvite, buildJoin, buildRemoval, signEntry } from '../../../core/team/build';
import { entryHash } from '../../../core/team/encoding';
import { openTeamKeys } from '../../../core/team/keyring';
import { INVITE_ROLES, MEMBER_ROLES, mayAppend, roleRank, type InviteRole, type MemberRole } from '../../../core/team/roles';
import type { TeamEntry } from '../../../core/team/schemas';
import { validateLog } from '../../../core/team/validate';
import { addMember, DAY, inviteIdOf, newKeys, newTeamWorld, tryAppend, type Member, type TeamWorld } from './team-harness';

const RUNS = Number(process.env.LOCKET_TEAM_RUNS ?? 15);

type Command =
  | { readonly kind: 'add'; readonly role: InviteRole; readonly by: number }
  | { readonly kind: 'remove'; readonly target: number; readonly by: number }
  | { readonly kind: 'change'; readonly target: number; readonly role: InviteRole; readonly by: number };

const inviteRole = fc.constantFrom(...INVITE_ROLES);
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), role: inviteRole, by: fc.nat(9) }),
  fc.record({ kind: fc.constant('remove' as const), target: fc.nat(9), by: fc.nat(9) }),
  fc.record({ kind: fc.constant('change' as const), target: fc.nat(9), role: inviteRole, by: fc.nat(9) }),
);

const roleNow = (world: TeamWorld, member: Member): MemberRole => world.state.members.get(member.member)?.role ?? 'read-only';
const agreementOf = (member: Member) => ({
  deviceId: member.keys.signing.deviceId, agreementPrivateKey: member.keys.agreementPrivateKey, agreementPublicKey: member.keys.agreementPublicKey,
});

describe('the membership log, by property', () => {
  it('admits exactly what the role table allows; the whole log validates to the same state; removed devices open no later key', async () => {
    await fc.assert(fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 6 }), async (commands) => {
      const world = await newTeamWorld();
      let active: Member[] = [world.owner];
      const removed: { member: Member; epoch: number }[] = [];
      for (const step of commands) {
        const by = active[step.by % active.length]!;
        const byRole = roleNow(world, by);
        if (step.kind === 'add') {
          const invite = await buildInvite(world.state, by.keys, world.teamKey, { role: step.role, canExport: false, profile: { name: 'm', email: '' } }, world.clock);
          const refused = await tryAppend(world, invite.entry);
          expect(refused === null).toBe(mayAppend(byRole, { act: 'invite', role: step.role }));
          if (refused) { expect(refused.type).toBe('role-forbidden'); continue; }
          const keys = await newKeys();
          const join = await buildJoin(world.team, world.state.head, { inviteId: inviteIdOf(invite.entry), member: invite.member }, invite.secret, keys, step.role, world.clock);
          expect(await tryAppend(world, join)).toBeNull();
          expect(await tryAppend(world, await buildConfirm(world.state, by.keys, world.teamKey, await entryHash(join), world.clock))).toBeNull();
          active = [...active, { member: invite.member, keys }];
        } else {
          const target = active[step.target % active.length]!;
          const targetRole = roleNow(world, target);
          if (step.kind === 'remove') {
            const removal = await buildRemoval(world.state, by.keys, world.teamKey, target.member, world.clock);
            const refused = await tryAppend(world, removal.entry);
            expect(refused === null).toBe(mayAppend(byRole, { act: 'remove', role: targetRole }));
            if (refused) { expect(refused.type).toBe('role-forbidden'); continue; }
            world.teamKey = removal.nextKey;
            active = active.filter((member) => member !== target);
            removed.push({ member: target, epoch: world.state.epoch - 1 });
          } else {
            const entry = await buildEntry(world.state, by.keys, { type: 'change-role', member: target.member, role: step.role, canExport: true }, world.clock);
            const unchanged = targetRole === step.role && world.state.members.get(target.member)?.canExport === true;
            const refused = await tryAppend(world, entry);
            const allowed = mayAppend(byRole, { act: 'change-role', from: targetRole, to: step.role });
            expect(refused?.type ?? null).toBe(!allowed ? 'role-forbidden' : unchanged ? 'no-change' : null);
          }
        }
        world.clock.advance(60_000);
      }
      const validated = await validateLog(world.entries, { clock: world.clock });
      expect(validated.ok && validated.value.head).toEqual(world.state.head);
      for (const member of active) expect((await openTeamKeys(world.state, agreementOf(member))).get(world.state.epoch)).toEqual(world.teamKey);
      for (const { member, epoch } of removed) {
        expect(Math.max(...(await openTeamKeys(world.state, agreementOf(member))).keys())).toBeLessThanOrEqual(epoch);
      }
    }), { numRuns: RUNS });
  });

  it('refuses a log with any one entry altered after signing', async () => {
    const world = await newTeamWorld();
    const admin = await addMember(world, 'admin');
    await addMember(world, 'standard', admin);
    const mutations: ((entry: TeamEntry) => TeamEntry)[] = [
      (entry) => ({ ...entry, at: entry.at + 1 }),
      (entry) => ({ ...entry, signer: admin.keys.signing.deviceId }),
      (entry) => ({ ...entry, body: { ...entry.body, member: world.owner.member } as TeamEntry['body'] }),
      (entry) => ({ ...entry, sig: `${entry.sig.slice(0, 10)}${entry.sig[10] === 'A' ? 'B' : 'A'}${entry.sig.slice(11)}` }),
    ];
    await fc.assert(fc.asyncProperty(fc.nat(world.entries.length - 1), fc.nat(mutations.length - 1), async (index, which) => {
      const entries = world.entries.map((entry, at) => (at === index ? mutations[which]!(entry) : entry));
      fc.pre(JSON.stringify(entries[index]) !== JSON.stringify(world.entries[index]));
      expect((await validateLog(entries, { clock: world.clock })).ok).toBe(false);
    }), { numRuns: RUNS * 2 });
  });

  it('takes a join only within the invite\'s lifetime, only once, and never above the invited role', async () => {
    await fc.assert(fc.asyncProperty(
      inviteRole, fc.constantFrom(...MEMBER_ROLES), fc.integer({ min: 0, max: 10 * DAY }), fc.integer({ min: DAY, max: 14 * DAY }),
      async (invited, claimed, wait, ttlMs) => {
        const world = await newTeamWorld();
        const invite = await buildInvite(world.state, world.owner.keys, world.teamKey, { role: invited, canExport: false, profile: { name: 'i', email: '' }, ttlMs }, world.clock);
        expect(await tryAppend(world, invite.entry)).toBeNull();
        world.clock.advance(wait);
        const join = (keys: Awaited<ReturnType<typeof newKeys>>) =>
          buildJoin(world.team, world.state.head, { inviteId: inviteIdOf(invite.entry), member: invite.member }, invite.secret, keys, claimed, world.clock);
        const refused = await tryAppend(world, await join(await newKeys()));
        const expected = wait > ttlMs ? 'invite-expired' : roleRank(claimed) > roleRank(invited) ? 'role-escalation' : null;
        expect(refused?.type ?? null).toBe(expected);
        if (!refused) expect((await tryAppend(world, await join(await newKeys())))?.type).toBe('invite-used');
      },
    ), { numRuns: RUNS * 2 });
  });

  it('refuses any join whose device keys were swapped after the invitee signed it', async () => {
    await fc.assert(fc.asyncProperty(fc.boolean(), fc.boolean(), async (swapSigning, keepInviteSig) => {
      const world = await newTeamWorld();
      const invite = await buildInvite(world.state, world.owner.keys, world.teamKey, { role: 'standard', canExport: false, profile: { name: 'i', email: '' } }, world.clock);
      await tryAppend(world, invite.entry);
      const join = await buildJoin(world.team, world.state.head, { inviteId: inviteIdOf(invite.entry), member: invite.member }, invite.secret, await newKeys(), 'standard', world.clock);
      if (join.body.type !== 'join') throw new Error('expected a join');
      const relay = await newKeys();
      const device = swapSigning
        ? { id: relay.signing.deviceId, signPub: Buffer.from(relay.signing.publicKey).toString('base64url'), dhPub: Buffer.from(relay.agreementPublicKey).toString('base64url') }
        : { ...join.body.device, dhPub: Buffer.from(relay.agreementPublicKey).toString('base64url') };
      const { sig: _sig, inviteSig, ...unsigned } = join;
      const signer = swapSigning ? relay : null;
      const resigned = signer
        ? await signEntry(signer, { ...unsigned, signer: device.id, body: { ...join.body, device } })
        : { ...join, body: { ...join.body, device } };
      const forged = keepInviteSig && inviteSig ? { ...resigned, inviteSig } : { ...resigned, inviteSig: undefined };
      const refused = await tryAppend(world, JSON.parse(JSON.stringify(forged)) as TeamEntry);
      expect(refused?.type).toBe(swapSigning ? 'device-key-substituted' : 'forged-signature');
    }), { numRuns: 8 });
  });

  it('refuses any entry built on an earlier head, and a log that replaced any entry a device had seen', async () => {
    const world = await newTeamWorld();
    const admin = await addMember(world, 'admin');
    await addMember(world, 'read-only', admin);
    const heads: TeamWorld['state'][] = [];
    // Every earlier state the log passed through, rebuilt by validating its prefixes.
    for (let length = 1; length <= world.entries.length; length += 1) {
      const prefix = await validateLog(world.entries.slice(0, length), { clock: world.clock });
      if (prefix.ok) heads.push(prefix.value);
    }
    await fc.assert(fc.asyncProperty(fc.nat(heads.length - 2), fc.nat(heads.length - 1), async (earlier, seen) => {
      const stale = await buildEntry(heads[earlier]!, world.owner.keys, { type: 'require-two-factor', required: true }, world.clock);
      expect((await tryAppend({ ...world }, stale))?.type).toBe('stale-head');
      // A log forked after `earlier`: a device that saw a later entry calls it a fork, whatever the relay says.
      const forked = [...world.entries.slice(0, earlier + 1), stale];
      const known = { seq: heads[seen]!.head.seq, hash: heads[seen]!.head.hash };
      const validated = await validateLog(forked, { clock: world.clock, known });
      expect(validated.ok).toBe(known.seq <= earlier + 1);
      if (!validated.ok) expect(validated.error.type).toBe('fork');
    }), { numRuns: RUNS * 2 });
  });
});

