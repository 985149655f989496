/**
 * Removing a cancelled team's data from this device (SYNC.md §11), once `teamWipeDue` says so:
 * an owner-signed cancellation this device verified itself, 14 days old by a clock its sweeps
 * trust. Records, the change log, the outbox, tombstones and snapshots go, and so does the sync
 * identity (the team is gone); the audit log, the vault and settings stay. The wipe and its audit
 * entry commit in one transaction, with the note the sync page shows afterwards.
 */
import * as v from 'valibot';
import type { AuditLog } from '../audit/audit-log';
import type { LocketDatabase } from '../db/schema';
import { retriedWrite } from '../db/transaction';
import { CURSOR_KEY, OUTBOX_STATE_KEY } from '../replica/outbox';
import { HELD_BACK_KEY } from '../replica/relay-ended';
import { SYNC_DEVICES_KEY, SYNC_IDENTITY_KEY } from './identity-store';
import { forgetCachedLog } from './team-log-cache';
import { markUnloggedChange } from '../db/unlogged-mark';

/** `meta`: the cancellation this device verified, kept while the team is cancelled (the relay deletes its own copy at day 14). */
export const TEAM_CANCELLATION_KEY = 'sync-team-cancellation';
/** `meta`: what the sync page says once the team's data left this device. */
export const TEAM_WIPED_KEY = 'sync-team-wiped';

const Time = v.pipe(v.number(), v.integer(), v.minValue(0));
export const TeamWipedSchema = v.strictObject({ team: v.string(), signedAt: Time, wipedAt: Time });
export type TeamWiped = v.InferOutput<typeof TeamWipedSchema>;

const WIPED_STORES = ['records', 'changes', 'outbox', 'purged', 'snapshots', 'snapshotChunks'] as const;

export const wipeTeamData = async (
  deps: { readonly db: LocketDatabase; readonly audit: AuditLog; readonly author: string },
  wiped: TeamWiped,
): Promise<void> => {
  const { db } = deps;
  await retriedWrite(db, {
    subject: { type: 'sync-identity' },
    stores: [...WIPED_STORES, 'meta'],
    prepare: async () => ({ records: await db.count('records') }),
    write: async (tx, prepared) => {
      const meta = tx.objectStore('meta');
      await Promise.all([
        ...WIPED_STORES.map((name) => tx.objectStore(name).clear()),
        ...[SYNC_IDENTITY_KEY, SYNC_DEVICES_KEY, CURSOR_KEY, OUTBOX_STATE_KEY, HELD_BACK_KEY, TEAM_CANCELLATION_KEY].map((key) => meta.delete(key)),
        meta.put(wiped, TEAM_WIPED_KEY),
        markUnloggedChange(meta),
      ]);
      return prepared;
    },
    receipt: async ({ records }) => deps.audit.stage({
      type: 'sync-disconnected', by: deps.author, subjects: [],
      detail: { reason: 'team-cancelled', cancelledAt: wiped.signedAt, recordsRemoved: records },
    }),
  });
  await forgetCachedLog(db);
};

export const readTeamWiped = async (db: LocketDatabase): Promise<TeamWiped | null> => {
  const parsed = v.safeParse(TeamWipedSchema, await db.get('meta', TEAM_WIPED_KEY));
  return parsed.success ? parsed.output : null;
};
