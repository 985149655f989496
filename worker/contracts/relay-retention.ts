/**
 * What a page reads of the relay's retention as this device acts on it: the relay's part of an
 * erasure (for the person's audit entry), and the state the Sync section shows (a relay key that
 * changed, a cancelled or wiped team, records held back from sync).
 */
import * as v from 'valibot';
import type { RelayErasureView } from '../../core/erasure/relay-receipt';
import type { TeamCancellationState } from '../../core/sync-account/team-cancellation-watch';
import { method, returns } from './method';

export interface RelayRetentionView {
  /** The relay now signs with another key than the one pinned at `pinnedAt`: its receipts are refused. */
  readonly relayKeyChangedSince: number | null;
  readonly team: TeamCancellationState;
  /** Records the relay's trash rule ended that this device kept (core/replica/relay-ended.ts). */
  readonly heldBack: number;
}

/** The keyed hash the audit log names a person by. */
const SubjectHashSchema = v.pipe(v.string(), v.maxLength(200));

export const relayRetentionContract = {
  relayErasure: method({ args: [SubjectHashSchema], result: returns<RelayErasureView>() }),
  relayRetention: method({ args: [], result: returns<RelayRetentionView>() }),
};
