/**
 * Keeping a validated log in the cache (team-log-cache.ts) together with the audit entries of
 * what it adds: each new entry that records a member change (team-audit.ts) commits in the same
 * IndexedDB transaction as the cache that first holds it, so this device never knows an act
 * without its audit entry. Whoever appended it (this device, or another admin whose act this
 * device learns on reading the log), it is recorded once: the transaction checks that the cache
 * is still what the entry was found missing from, and one more read finds nothing new.
 *
 * The first log a device caches (its genesis, or a joining device's whole log) records nothing:
 * what happened before this device was in the team is not its to record, and every device then
 * starts from its own first cache. A cache that shrinks (a stale read) is never written.
 */
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { LocketDatabase } from '../db/schema';
import { retriedWrite, settled, STALE } from '../db/transaction';
import { admitEntry } from '../team/admit';
import type { TeamEntry } from '../team/schemas';
import type { TeamState } from '../team/state';
import { validateLog } from '../team/validate';
import { teamAuditDraft } from './team-audit';
import { readCachedEntries, TEAM_LOG_KEY } from './team-log-cache';

export interface LearnDeps {
  readonly db: LocketDatabase;
  readonly audit: AuditLog;
  /** Who this device's own acts are by; another admin's act is by their member id. */
  readonly author: string;
  readonly clock: Clock;
}

/** What a cached log is told apart by: its length and its last signature (each entry's is its own). */
const markOf = (entries: readonly unknown[]): string => {
  const last = entries.at(-1) as { sig?: unknown } | undefined;
  return `${entries.length}:${typeof last?.sig === 'string' ? last.sig : ''}`;
};

type Draft = Parameters<AuditLog['stage']>[0];

/** The state a validated log folds to after its first `at` entries: where the next chunk starts. */
interface Folded {
  readonly at: number;
  readonly state: TeamState;
}

/**
 * The entries to cache next after the first `from`: up to and including the next one that
 * records something, with its audit draft; everything left when none does. `start` spares
 * validating the prefix again when it is where the previous chunk ended.
 */
const nextChunk = async (deps: LearnDeps, entries: readonly TeamEntry[], from: number, ownDevice: string, start: Folded | null) => {
  let before: TeamState;
  if (start?.at === from) before = start.state;
  else {
    const prefix = await validateLog(entries.slice(0, from), { clock: deps.clock });
    // The whole log validated before this was called, so its prefix does too.
    if (!prefix.ok) throw new Error(`A validated log's prefix does not validate: ${prefix.error.type}`);
    before = prefix.value;
  }
  for (const [offset, entry] of entries.slice(from).entries()) {
    const recorded = teamAuditDraft(before, entry);
    const admitted = await admitEntry(before, entry, { now: deps.clock.now() });
    if (!admitted.ok) throw new Error(`A validated log's entry ${entry.seq} is not admitted: ${admitted.error.type}`);
    const upTo = from + offset + 1;
    if (recorded) {
      const by = entry.signer === ownDevice ? deps.author : (before.devices.get(entry.signer)?.member ?? entry.signer);
      return { upTo, draft: { ...recorded, by } as Draft, folded: { at: upTo, state: admitted.value } };
    }
    before = admitted.value;
  }
  return { upTo: entries.length, draft: null, folded: null };
};

/** Caches `entries` (validated, and holding the cached log as its start), each new member change with its audit entry. */
export const learnEntries = async (deps: LearnDeps, entries: readonly TeamEntry[], ownDevice: string): Promise<void> => {
  let folded: Folded | null = null;
  let prepared: Folded | null = null;
  // Every round commits at least one more entry or finds nothing left to cache.
  for (let round = 0; round <= entries.length; round += 1) {
    const { value: done } = await retriedWrite(deps.db, {
      subject: { type: 'sync-identity' },
      stores: ['meta'],
      prepare: async () => {
        const cached = await readCachedEntries(deps.db);
        if (entries.length <= cached.length) return settled(true);
        const chunk = cached.length === 0
          ? { upTo: entries.length, draft: null, folded: null }
          : await nextChunk(deps, entries, cached.length, ownDevice, folded);
        prepared = chunk.folded;
        return { mark: markOf(cached), ...chunk };
      },
      write: async (tx, { mark, upTo }) => {
        const meta = tx.objectStore('meta');
        const now = (await meta.get(TEAM_LOG_KEY)) as { entries?: unknown } | undefined;
        if (markOf(Array.isArray(now?.entries) ? now.entries : []) !== mark) return STALE;
        await meta.put({ entries: entries.slice(0, upTo).map((entry) => ({ ...entry })) }, TEAM_LOG_KEY);
        return upTo === entries.length;
      },
      receipt: async ({ draft }) => (draft ? deps.audit.stage(draft) : null),
    });
    if (done) return;
    // What the last prepare folded is what was written: the next chunk starts from it.
    folded = prepared;
  }
};
