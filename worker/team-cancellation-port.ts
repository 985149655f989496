/**
 * The worker's cancellation watch for one sync identity (core/sync-account/team-cancellation-watch.ts):
 * owner device keys as this device knows them (the membership log's owners, or every device of
 * the account in a team of one, which is its owner's alone), the relay instance of its own
 * cursor, the sweeps' clock-trust rule, and the wipe with its audit entry.
 */
import type { AuditLog } from '../core/audit/audit-log';
import type { StoreDeps } from '../core/db/store-deps';
import { fromBase64Url } from '../core/security/base64url';
import type { RelayTransport, ReplicaPort, SyncIdentity } from '../core/sync/ports';
import type { KnownDevice } from '../core/sync-account/identity-store';
import { createTeamCancellationWatch } from '../core/sync-account/team-cancellation-watch';
import { wipeTeamData } from '../core/sync-account/team-wipe';
import type { TeamAccount } from '../core/sync-account/team-account';
import { deviceRole } from '../core/team/state';

export interface TeamCancellationPortDeps {
  readonly store: StoreDeps;
  readonly audit: AuditLog;
  readonly replica: Pick<ReplicaPort, 'cursor'>;
  readonly team: Pick<TeamAccount, 'latest' | 'loadCached'> | null;
  readonly knownDevices: () => Promise<readonly KnownDevice[]>;
  readonly clockTrusted: () => Promise<boolean>;
}

export const teamCancellationFor = (deps: TeamCancellationPortDeps) => (identity: SyncIdentity, transport: RelayTransport) =>
  createTeamCancellationWatch({
    db: deps.store.db, transport, team: identity.team, clock: deps.store.clock, clockTrusted: deps.clockTrusted,
    relayInstance: async () => (await deps.replica.cursor())?.relayInstance ?? null,
    ownerDeviceKeys: async () => {
      const keys = new Map<string, Uint8Array>();
      await deps.team?.loadCached();
      const state = deps.team?.latest() ?? null;
      if (state) {
        for (const [id, device] of state.devices) {
          const key = fromBase64Url(device.device.signPub);
          if (key && deviceRole(state, id) === 'owner') keys.set(id, key);
        }
        return keys;
      }
      for (const known of await deps.knownDevices()) {
        const key = fromBase64Url(known.publicKey);
        if (key && !known.removed) keys.set(known.device, key);
      }
      return keys;
    },
    wipe: (wiped) => wipeTeamData({ db: deps.store.db, audit: deps.audit, author: deps.store.author }, wiped),
  });
