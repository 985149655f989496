/**
 * A browser profile's team side in Node: its own fake IndexedDB and account key, its audit log,
 * sync account, team account, session tokens and the worker's team calls, over a fetch
 * transport to a real relay.
 */
import { IDBFactory } from 'fake-indexeddb';
import { createAuditLog, type AuditLog } from '../../../core/audit/audit-log';
import { auditKeysFrom } from '../../../core/audit/hash';
import { systemClock } from '../../../core/clock';
import { openLocketDb } from '../../../core/db/schema';
import { createIdentityStore } from '../../../core/sync-account/identity-store';
import { createSyncAccount } from '../../../core/sync-account/sync-account';
import { createTeamAccount } from '../../../core/sync-account/team-account';
import { joinTeam } from '../../../core/sync-account/team-join';
import type { RelayTransport } from '../../../core/sync/ports';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import { createTeamApi } from '../../../worker/team-api';
import { createTokenSource } from '../../../worker/sync-token';
import { fetchTransport } from './sync-profile';

let profiles = 0;

export interface TeamProfileOptions {
  /** Wraps the profile's audit log (a test's failing disk). */
  readonly audit?: (audit: AuditLog) => AuditLog;
  /** The profile's way to the relay (a test's relay that alters what it serves); fetch by default. */
  readonly transportFor?: (relayUrl: string) => RelayTransport;
}

export const createTeamProfile = async (options: TeamProfileOptions = {}) => {
  profiles += 1;
  const db = await openLocketDb(new IDBFactory(), `team-profile-${profiles}`);
  // Taken now: each profile keeps its own audit key whatever profiles follow it.
  const auditKey = new Uint8Array(32).fill(profiles);
  const stored = createAuditLog({ db, clock: systemClock, keys: async () => auditKeysFrom(auditKey) });
  const audit = options.audit?.(stored) ?? stored;
  const transportFor = options.transportFor ?? fetchTransport;
  const deps = {
    db, audit, author: 'owner', clock: systemClock, transportFor, pollMs: 20,
    codec: createAesGcmCodec(globalThis.crypto.getRandomValues(new Uint8Array(32))),
  };
  const team = createTeamAccount(deps);
  const account = createSyncAccount({ ...deps, onDeviceAdded: async (token, device) => { await team.enrolDevice(token, device); } });
  const token = createTokenSource({ account, runner: null, transportFor, clock: systemClock });
  const api = createTeamApi({
    team, token, clock: systemClock, identityChanged: async () => undefined,
    join: (request) => joinTeam({ ...deps, store: createIdentityStore(db, deps.codec, audit, 'owner'), team }, request),
  });
  return { db, deps, audit, account, team, token, api };
};

export type TeamProfile = Awaited<ReturnType<typeof createTeamProfile>>;
