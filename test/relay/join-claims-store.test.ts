/**
 * Joiners' sealed claims on every driver: kept with the join in its transaction (and not at all
 * when the join is refused), served while the join waits, deleted with the confirmation or the
 * removal that answers it; and a device's own sealed name, set once it is in.
 */
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { createManualClock } from '../../core/clock';
import { generateSyncDeviceKeys, type SyncDeviceKeys } from '../../core/sync/device-keys';
import { buildConfirm, buildGenesis, buildInvite, buildJoin, buildRemoval } from '../../core/team/build';
import { entryHash } from '../../core/team/encoding';
import type { TeamState } from '../../core/team/state';
import { validateLog } from '../../core/team/validate';
import { createRelayStore, type RelayStore } from '../../relay/store/store';
import { drivers } from './drivers';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, releaseDriverResources } from './postgres-drivers';
import { newTeamId } from './support/test-device';

afterAll(releaseDriverResources, FIRST_OPEN_TIMEOUT_MS);

/** Opaque to the relay: any base64url of a claim's size. */
const CLAIM = 'c'.repeat(120);

for (const factory of drivers) describeDriver(factory, ({ open }) => {
  let store: RelayStore;
  const clock = createManualClock(Date.UTC(2026, 11, 6, 9));

  beforeEach(async () => {
    store = createRelayStore(await open(), { clock });
    await store.migrate();
  }, FIRST_OPEN_TIMEOUT_MS);
  afterEach(async () => { await store.close(); });

  const stateOf = async (team: string): Promise<TeamState> => {
    const validated = await validateLog((await store.readTeamLog(team, 0)).entries, { clock });
    if (!validated.ok) throw new Error(JSON.stringify(validated.error));
    return validated.value;
  };

  /** A team with its owner, and a member who joined with a claim and waits. */
  const pendingJoin = async () => {
    const team = newTeamId();
    const owner = (await generateSyncDeviceKeys()).keys;
    await store.createTeam(team, owner.signing.deviceId, owner.signing.publicKey);
    const genesis = await buildGenesis(team, owner, { name: 'O', email: '' }, clock);
    await store.appendTeamEntry(team, genesis.entry);
    const invite = await buildInvite(await stateOf(team), owner, genesis.teamKey, { role: 'standard', canExport: false, profile: { name: '', email: '' } }, clock);
    await store.appendTeamEntry(team, invite.entry);
    if (invite.entry.body.type !== 'invite') throw new Error('expected an invite');
    const inviteId = invite.entry.body.inviteId;
    const joiner: SyncDeviceKeys = (await generateSyncDeviceKeys()).keys;
    const build = async () => buildJoin(team, (await stateOf(team)).head, { inviteId, member: invite.member }, invite.secret, joiner, 'standard', clock);
    const stale = await build();
    const join = await build();
    expect(await store.appendTeamEntry(team, join, CLAIM)).toMatchObject({ kind: 'appended' });
    // The same join again is refused (the invite is used): its claim is not kept a second time.
    expect(await store.appendTeamEntry(team, stale, 'd'.repeat(120))).toMatchObject({ kind: 'refused' });
    return { team, owner, teamKey: genesis.teamKey, member: invite.member, inviteId, joiner, join };
  };

  it('keeps a join\'s claim while it waits and deletes it with the confirmation; the confirmed device then names itself', async () => {
    const { team, owner, teamKey, inviteId, joiner, join } = await pendingJoin();
    expect(await store.joinClaims(team)).toEqual([{ inviteId, device: joiner.signing.deviceId, claim: CLAIM }]);
    expect(await store.joinClaims(newTeamId())).toEqual([]);
    expect(await store.setDeviceLabel(team, joiner.signing.deviceId, 'label')).toBe(false);

    await store.appendTeamEntry(team, await buildConfirm(await stateOf(team), owner, teamKey, await entryHash(join), clock));
    expect(await store.joinClaims(team)).toEqual([]);
    expect(await store.setDeviceLabel(team, joiner.signing.deviceId, 'bGFiZWw')).toBe(true);
    expect((await store.listDevices(team)).find((device) => device.device === joiner.signing.deviceId)?.label).toBe('bGFiZWw');
  });

  it('deletes a declined join\'s claim with the removal', async () => {
    const { team, owner, teamKey, member } = await pendingJoin();
    await store.appendTeamEntry(team, (await buildRemoval(await stateOf(team), owner, teamKey, member, clock)).entry);
    expect(await store.joinClaims(team)).toEqual([]);
  });
});
