/**
 * The page's reads of the relay's retention (worker/contracts/relay-retention.ts). The relay's
 * part of an erasure is the receipt this device kept, checked against the key it pinned, and the
 * relay's acknowledgement status read now; devices are named as this device knows them, else by
 * their id's first characters.
 */
import * as v from 'valibot';
import { relayErasureView, ErasureStatusSchema, type RelayErasureView } from '../core/erasure/relay-receipt';
import type { LocketDatabase } from '../core/db/schema';
import { fromBase64Url } from '../core/security/base64url';
import { HELD_BACK_KEY, heldBackOf } from '../core/replica/relay-ended';
import type { RelayTransport, SyncAccountPort, SyncIdentity } from '../core/sync/ports';
import { readTeamWiped } from '../core/sync-account/team-wipe';
import type { TeamCancellationState } from '../core/sync-account/team-cancellation-watch';
import type { RelayRetentionView } from './contracts/relay-retention';
import type { RelayRetentionImplementation } from './contract';
import { createRelayReceiptStore, storedRelayReceipt } from './relay-receipts-port';
import type { RelayRetentionWorker } from './relay-retention-worker';
import type { TokenSource } from './sync-token';

export interface RelayRetentionApiDeps {
  readonly db: LocketDatabase;
  readonly account: Pick<SyncAccountPort, 'identity' | 'devices'>;
  readonly token: TokenSource;
  readonly transportFor: (relayUrl: string) => RelayTransport;
  readonly worker: Pick<RelayRetentionWorker, 'lastReceipts'> | null;
  readonly cancellationState: (identity: SyncIdentity) => Promise<TeamCancellationState>;
}

/** How a device is named when this device knows no name for it. */
export const shortDeviceId = (device: string): string => device.slice(0, 8);

const NOT_SYNCED: RelayErasureView = { type: 'not-synced' };

export const relayRetentionUnavailable: RelayRetentionImplementation = {
  relayErasure: async () => NOT_SYNCED,
  relayRetention: async () => ({ relayKeyChangedSince: null, team: { type: 'active' }, heldBack: 0 }),
};

export const createRelayRetentionApi = (deps: RelayRetentionApiDeps): RelayRetentionImplementation => ({
  relayErasure: async (subjectHash) => {
    const identity = await deps.account.identity();
    const receipt = await storedRelayReceipt(deps.db, subjectHash);
    if (!identity || !receipt) return NOT_SYNCED;
    const pin = await createRelayReceiptStore(deps.db, identity.team).pin();
    const key = pin ? fromBase64Url(pin.publicKey) : null;
    if (!key) return NOT_SYNCED;
    const session = await deps.token();
    let status = null;
    const names = new Map<string, string>();
    if (session.ok) {
      const answer = await deps.transportFor(identity.relayUrl).request('/v1/erasures/status', { body: { idHash: receipt.idHash }, token: session.value })
        .catch(() => null);
      const parsed = v.safeParse(ErasureStatusSchema, answer?.status === 200 ? answer.body : null);
      status = parsed.success ? parsed.output : null;
      const listed = await deps.account.devices(session.value);
      if (listed.ok) for (const device of listed.value) names.set(device.id, device.name);
    }
    return relayErasureView(key, receipt, status, (device) => names.get(device) ?? shortDeviceId(device));
  },
  relayRetention: async (): Promise<RelayRetentionView> => {
    const identity = await deps.account.identity();
    const wiped = await readTeamWiped(deps.db);
    const receipts = deps.worker?.lastReceipts();
    if (!identity) {
      return { relayKeyChangedSince: null, team: wiped ? { type: 'wiped', signedAt: wiped.signedAt, wipedAt: wiped.wipedAt } : { type: 'active' }, heldBack: 0 };
    }
    return {
      relayKeyChangedSince: receipts?.type === 'relay-key-changed' ? receipts.pinnedAt : null,
      team: await deps.cancellationState(identity),
      heldBack: heldBackOf(await deps.db.get('meta', HELD_BACK_KEY)).length,
    };
  },
});
