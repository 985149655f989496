/**
 * The sync capability of a page's worker: the options page's calls, answered from any worker.
 * Account calls (devices, removal, pairing) need a session of this device: the running engine's,
 * here or lent by the worker holding the sync lock, else a session of its own. Confirming
 * two-factor runs the security key in the asking page either way, and hands the proof to the
 * worker that runs sync.
 */
import type { Clock } from '../core/clock';
import type { RelayTransport, SyncAccountPort, SyncDeviceView, SyncStatusView } from '../core/sync/ports';
import { normaliseRelayUrl } from '../platform/sync/relay-address';
import type { SyncRunner } from '../platform/sync/sync-runner';
import type { SyncImplementation } from './contract';
import { createTokenSource, ownRelaySession } from './sync-token';
import type { TeamAccount } from '../core/sync-account/team-account';
import type { SecurityKeyPrompter } from './contracts/sync';
import type { SecurityKeyPort } from '../core/sync/engine/two-factor-session';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Result } from '../core/result';
import type { CeremonyRefusal } from '../core/security/webauthn-failures';
import type { RelayRestoreRequest, RestoreAnswer } from '../core/sync-account/relay-restore';

/** The device list costs the relay a request: asked at most this often while the page polls status. */
const DEVICES_FRESH_MS = 30_000;

export interface SyncApiDeps {
  /** Null until this build has a sync account: every call then answers `not-connected`. */
  readonly account: SyncAccountPort | null;
  readonly runner: SyncRunner | null;
  readonly transportFor: (relayUrl: string) => RelayTransport;
  readonly clock: Clock;
  /** The account's team (issue 13): connecting makes it a team of one, pairing reads its log. */
  readonly team?: Pick<TeamAccount, 'ensureTeam' | 'refresh'>;
  /** A fresh install restoring from the relay with the printed recovery key (core/sync-account/relay-restore.ts). */
  readonly restore?: (request: RelayRestoreRequest) => Promise<RestoreAnswer<unknown>>;
}

/** The engine's key port, each ceremony asked of the page; the page answers a registration with a registration. */
const securityKeyThroughPage = (prompt: SecurityKeyPrompter, user: { id: string; name: string }): SecurityKeyPort => ({
  register: async (request) =>
    await prompt({ ceremony: 'register', request, user }) as Result<RegistrationResponseJSON, CeremonyRefusal>,
  assert: async (request) =>
    await prompt({ ceremony: 'assert', request, user }) as Result<AuthenticationResponseJSON, CeremonyRefusal>,
});

const notConnected = { ok: false, error: { type: 'not-connected' } } as const;

export const createSyncApi = ({ account, runner, transportFor, clock, team, restore }: SyncApiDeps): SyncImplementation => {
  let devices: { list: readonly SyncDeviceView[]; at: number } | null = null;

  const token = createTokenSource({ account, runner, transportFor, clock });

  const deviceList = async (): Promise<readonly SyncDeviceView[]> => {
    if (devices && clock.now() - devices.at < DEVICES_FRESH_MS) return devices.list;
    const session = await token();
    if (!session.ok || !account) return devices?.list ?? [];
    const listed = await account.devices(session.value);
    if (listed.ok) devices = { list: listed.value, at: clock.now() };
    return devices?.list ?? [];
  };

  const identityChanged = async (): Promise<void> => {
    devices = null;
    await runner?.identityChanged();
  };

  return {
    syncStatus: async (): Promise<SyncStatusView> => {
      const identity = await account?.identity();
      const engine = runner?.status();
      if (!identity || !engine) return { state: 'off', relayUrl: null, lastSyncedAt: null, waiting: 0, devices: [], problem: null };
      const listed = engine.state === 'removed' ? devices?.list ?? [] : await deviceList();
      return { ...engine, relayUrl: identity.relayUrl, devices: listed };
    },
    syncNow: async () => (runner ? runner.syncNow() : notConnected),
    connectSync: async (relayUrl, deviceName) => {
      if (!account) return notConnected;
      const origin = normaliseRelayUrl(relayUrl);
      if (!origin.ok) return origin;
      if (await account.identity()) return { ok: false, error: { type: 'already-connected' } };
      const created = await account.createAccount(origin.value, deviceName);
      if (!created.ok) return created;
      // The genesis, with the sync key as the team's first key; a relay that does not answer now gets it on the next team view.
      const session = team ? await token() : null;
      if (team && session?.ok) await team.ensureTeam(session.value);
      await identityChanged();
      return { ok: true, value: undefined };
    },
    disconnectSync: async () => {
      if (!account) return;
      await account.forget();
      await identityChanged();
    },
    removeSyncDevice: async (deviceId) => {
      const session = await token();
      if (!session.ok || !account) return session.ok ? notConnected : session;
      const removed = await account.removeDevice(session.value, deviceId);
      // Forgotten only once the relay removed it: a list read while the removal was on its way would still show it.
      if (removed.ok) devices = null;
      return removed;
    },
    offerPairing: async (onStep) => {
      const session = await token();
      if (!session.ok || !account) return session.ok ? notConnected : session;
      return account.offerPairing(session.value, (step) => {
        if (step.phase === 'done') devices = null;
        onStep(step);
      });
    },
    joinWithCode: async (relayUrl, code, deviceName, onStep) => {
      if (!account) return notConnected;
      const origin = normaliseRelayUrl(relayUrl);
      if (!origin.ok) return origin;
      if (await account.identity()) return { ok: false, error: { type: 'already-connected' } };
      const joined = await account.joinWithCode(origin.value, code, deviceName, onStep);
      if (!joined.ok) return joined;
      // The team's keys, so this device seals with the newest epoch from its first push.
      const session = team ? await token() : null;
      if (team && session?.ok) await team.refresh(session.value);
      await identityChanged();
      return { ok: true, value: undefined };
    },
    confirmPairing: async (same) => { account?.confirmPairing(same); },
    restoreFromRelay: async (relayUrl, words, deviceName) => {
      if (!account || !restore) return notConnected;
      const origin = normaliseRelayUrl(relayUrl);
      if (!origin.ok) return origin;
      const connected = await account.identity();
      // Tried again after the enrolment went through but the first sync did not: only the sync is left to do.
      if (connected && connected.relayUrl !== origin.value) return { ok: false, error: { type: 'already-connected' } };
      if (!connected) {
        const restored = await restore({ relayUrl: origin.value, words, deviceName });
        if (!restored.ok) return restored;
        await identityChanged();
      }
      // The records arrive with the first sync: the restore is done when they are here, not before. A worker
      // that does not run sync (another page holds it) leaves the pull to that page's engine.
      const synced = runner ? await runner.syncNow() : notConnected;
      return synced.ok || synced.error.type === 'not-connected' ? { ok: true, value: undefined } : synced;
    },
    confirmTwoFactor: async (prompt) => {
      const identity = await account?.identity();
      if (!identity || !runner) return notConnected;
      const key = securityKeyThroughPage(prompt, { id: identity.deviceId, name: identity.deviceName });
      const engine = runner.engine();
      if (engine) return engine.confirmTwoFactor(key);
      // Another page's worker runs sync: the key answers here, in the page the user pressed the
      // button in, and the proof (bound to this device, used once) opens that worker's session.
      const session = await ownRelaySession({ account, transportFor, clock });
      if (!session) return notConnected;
      const proof = await session.secondFactor(key);
      return proof.ok ? runner.resumeWithProof(proof.value) : proof;
    },
  };
};
