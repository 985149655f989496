/**
 * A device and its team's cancellation: it believes only an owner's signature it can check
 * itself, shows "cancelled, restorable until …" for 14 days, and removes the team's data from
 * this device only after that, by a trusted clock, with an audit entry; never on the relay's word.
 */
import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../../../core/audit/audit-log';
import { toBase64Url } from '../../../core/security/base64url';
import { DAY_MS } from '../../../core/retention/windows';
import type { RelayTransport } from '../../../core/sync/ports';
import { signBytes } from '../../../core/sync/signing';
import { teamCancellationMessage, type TeamCancellationRequest } from '../../../core/sync/team-cancellation';
import { createTeamCancellationWatch } from '../../../core/sync-account/team-cancellation-watch';
import { readTeamWiped, wipeTeamData } from '../../../core/sync-account/team-wipe';
import { SYNC_IDENTITY_KEY } from '../../../core/sync-account/identity-store';
import { createTestDevice, newTeamId, newTeamKey } from '../../relay/support/test-device';
import { createHarness, person, saved, TEST_AUDIT_KEYS } from '../store/harness';

const RELAY_INSTANCE = 'relay-instance-1';

const setUp = async (options: { signer?: 'owner' | 'stranger'; trusted?: () => boolean } = {}) => {
  const harness = await createHarness();
  const { deps, clock, store } = harness;
  saved(await store.create('person', person('Ada', 'Lovelace')));
  await deps.db.put('meta', { relayUrl: 'https://relay.example', team: 'x' }, SYNC_IDENTITY_KEY);
  const team = newTeamId();
  const owner = await createTestDevice(team, newTeamKey(), clock);
  const stranger = await createTestDevice(team, newTeamKey(), clock);
  const signer = options.signer === 'stranger' ? stranger : owner;
  const unsigned = { team, device: owner.keys.deviceId, nonce: toBase64Url(new Uint8Array(32).fill(4)), signedAt: clock.now() };
  const cancellation: TeamCancellationRequest = {
    ...unsigned, sig: await signBytes(signer.keys.privateKey, teamCancellationMessage('cancel', RELAY_INSTANCE, unsigned)),
  };
  let relayHolds = true;
  const transport: RelayTransport = {
    request: async (path) => {
      expect(path).toBe('/v1/team-cancellation');
      return { status: 200, body: { cancellation: relayHolds ? { ...cancellation, cancelledAt: cancellation.signedAt } : null, relayInstance: RELAY_INSTANCE } };
    },
    openSocket: () => { throw new Error('unused'); },
  };
  const audit = createAuditLog({ db: deps.db, clock, keys: async () => TEST_AUDIT_KEYS });
  const watch = createTeamCancellationWatch({
    db: deps.db, transport, team, clock, relayInstance: async () => RELAY_INSTANCE,
    ownerDeviceKeys: async () => new Map([[owner.keys.deviceId, owner.keys.publicKey]]),
    clockTrusted: async () => options.trusted?.() ?? true,
    wipe: (wiped) => wipeTeamData({ db: deps.db, audit, author: deps.author }, wiped),
  });
  return { ...harness, watch, cancellation, audit, relayDeletesTeam: () => { relayHolds = false; } };
};

describe('a cancelled team on this device', () => {
  it('is shown as restorable by the owner for 14 days, then its data leaves this device with an audit entry, even after the relay forgot it', async () => {
    const { watch, clock, deps, cancellation, audit, relayDeletesTeam } = await setUp();
    clock.advance(DAY_MS);
    const restorableUntil = cancellation.signedAt + 14 * DAY_MS;
    expect(await watch.check()).toEqual({ type: 'cancelled', signedAt: cancellation.signedAt, restorableUntil });
    clock.advance(12 * DAY_MS);
    expect(await watch.check()).toEqual({ type: 'cancelled', signedAt: cancellation.signedAt, restorableUntil });
    expect(await deps.db.count('records')).toBe(1);

    // Day 14 on the relay: it deleted the team and serves no cancellation; this device kept its own.
    relayDeletesTeam();
    clock.advance(DAY_MS + 1);
    expect(await watch.check()).toEqual({ type: 'wiped', signedAt: cancellation.signedAt, wipedAt: clock.now() });
    expect(await deps.db.count('records')).toBe(0);
    expect(await deps.db.count('changes')).toBe(0);
    expect(await deps.db.get('meta', SYNC_IDENTITY_KEY)).toBeUndefined();
    expect(await readTeamWiped(deps.db)).toEqual({ team: cancellation.team, signedAt: cancellation.signedAt, wipedAt: clock.now() });
    const entry = (await audit.entries()).at(-1);
    expect(entry).toMatchObject({ type: 'sync-disconnected', detail: { reason: 'team-cancelled', cancelledAt: cancellation.signedAt, recordsRemoved: 1 } });
  });

  it('removes nothing on a cancellation the owner did not sign, however old', async () => {
    const { watch, clock, deps } = await setUp({ signer: 'stranger' });
    clock.advance(20 * DAY_MS);
    expect(await watch.check()).toEqual({ type: 'active' });
    expect(await deps.db.count('records')).toBe(1);
  });

  it('removes nothing while the sweeps do not trust the clock, and does once they do', async () => {
    let trusted = false;
    const { watch, clock, deps } = await setUp({ trusted: () => trusted });
    clock.advance(15 * DAY_MS);
    expect((await watch.check()).type).toBe('cancelled');
    expect(await deps.db.count('records')).toBe(1);
    trusted = true;
    expect((await watch.check()).type).toBe('wiped');
  });

  it('forgets the cancellation when the owner restores the team', async () => {
    const { watch, clock, deps } = await setUp();
    clock.advance(DAY_MS);
    expect((await watch.check()).type).toBe('cancelled');
    await watch.restored();
    expect(await watch.state()).toEqual({ type: 'active' });
    expect(await deps.db.count('records')).toBe(1);
  });
});
