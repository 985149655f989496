/**
 * Push: the outbox's oldest sets, sealed and sent in order, at most 100 and at most a body the
 * relay accepts at a time; the replica learns the highest clientSeq the relay holds without a hole. A `gap` names the clientSeq the relay expects
 * next: the sets from there are sent again. `tombstoned` ends the push for the round to pull first.
 */
import type { OutboxEntry, ReplicaPort, SyncCrypto, SyncCursor } from '../ports';
import { AckSchema, LIMITS, type Ack, type Envelope } from '../protocol';
import { parseAnswer, SyncFailure } from './relay-problem';
import type { RelaySession } from './relay-session';

/** Enough for a 50-day outbox at 100 sets a request; a round stops here and the next carries on. */
const MAX_PUSH_REQUESTS = 200;

export interface PushDeps {
  readonly replica: ReplicaPort;
  readonly crypto: SyncCrypto;
  readonly session: RelaySession;
  readonly team: string;
  readonly nextRequestId: () => string;
  /** Called with every answer's relay instance and head, before anything is acknowledged. */
  readonly checkRelay: (relayInstance: string, head: number) => Promise<void>;
}

/**
 * The relay refused a set for naming an id purged or erased on another device. The purge is in
 * the relay's log: once pulled, this device holds the tombstone and its outbox hands the set out
 * again without those items (they are gone anyway), so the round pulls and pushes again.
 */
export class PurgedElsewhere extends Error {
  /** The ids the refused set edits (terminal items left out): one of them the relay ended. */
  constructor(readonly recordIds: readonly string[] = []) {
    super('tombstoned');
  }
}

/**
 * The relay refused a set sealed under a key a removal rotated away since this device last read
 * the team's log. The outbox holds plaintext and seals at push time: once the log is read again,
 * the same sets go out under the new key.
 */
export class KeyRotated extends Error {
  constructor() {
    super('stale_epoch');
  }
}

/** The highest clientSeq acknowledged without a hole from the first entry on, or null for none. */
const contiguousAck = (entries: readonly OutboxEntry[], ack: Ack): number | null => {
  let held: number | null = null;
  for (const [index, entry] of entries.entries()) {
    const result = ack.results[index];
    if (!result || result.setId !== entry.set.setId || !('seq' in result)) break;
    held = entry.clientSeq;
  }
  return held;
};

/** A request's sets stay this far under the relay's body limit, leaving room for the request's own fields. */
const PUSH_BODY_BUDGET = LIMITS.maxBodyBytes - 64 * 1024;
const bytesOf = (envelope: Envelope): number => new TextEncoder().encode(JSON.stringify(envelope)).byteLength + 1;

/**
 * Seals entries in order while they fit the budget; the first always goes, alone if need be
 * (a set the relay still finds too large is refused as final, never retried in a loop).
 */
const sealWithinBudget = async (crypto: SyncCrypto, team: string, entries: readonly OutboxEntry[]): Promise<Envelope[]> => {
  const sealed: Envelope[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const envelope = await crypto.seal(entry, team);
    bytes += bytesOf(envelope);
    if (sealed.length > 0 && bytes > PUSH_BODY_BUDGET) break;
    sealed.push(envelope);
  }
  return sealed;
};

/** Sends every pending set; resolves when the outbox holds nothing the relay lacks. */
export const pushAll = async (deps: PushDeps, cursor: () => Promise<SyncCursor | null>): Promise<number> => {
  const { replica, crypto, session, team } = deps;
  let pushed = 0;
  // How many sets the last request carried: large sets ask the outbox for fewer next time.
  let lastFit: number = LIMITS.maxSetsPerPush;
  for (let request = 0; request < MAX_PUSH_REQUESTS; request += 1) {
    const offered = await replica.pending(Math.min(LIMITS.maxSetsPerPush, lastFit * 2));
    if (offered.length === 0) return pushed;
    const sets = await sealWithinBudget(crypto, team, offered);
    const entries = offered.slice(0, sets.length);
    const first = entries[0];
    if (!first) return pushed;
    lastFit = sets.length;
    const ack = parseAnswer(AckSchema, await session.call('/v1/push', { reqId: deps.nextRequestId(), sets }));
    if (ack.results.length !== entries.length) throw new SyncFailure({ type: 'relay-refused', code: 'bad_answer' });
    await deps.checkRelay(ack.relayInstance, ack.head);
    const held = contiguousAck(entries, ack);
    if (held !== null) {
      await replica.acknowledge(held);
      pushed += held - first.clientSeq + 1;
    }
    const firstRefusal = ack.results.find((result) => 'error' in result);
    if (!firstRefusal || !('error' in firstRefusal)) continue;
    if (firstRefusal.error === 'gap' && firstRefusal.expected !== undefined) {
      const relayHolds = firstRefusal.expected - 1;
      // The relay holds fewer of ours than we thought: those after its count are pending again.
      if (relayHolds < (held ?? first.clientSeq - 1)) {
        const at = await cursor();
        await replica.relayRegressed(relayHolds, at ?? { relayInstance: ack.relayInstance, seq: 0 });
      } else if (relayHolds >= first.clientSeq) {
        await replica.acknowledge(relayHolds);
      }
      continue;
    }
    if (firstRefusal.error === 'tombstoned') {
      const refused = entries[ack.results.indexOf(firstRefusal)];
      throw new PurgedElsewhere((refused?.set.items ?? []).filter((item) => item.op !== 'purge' && item.op !== 'erase').map((item) => item.recordId));
    }
    if (firstRefusal.error === 'stale_epoch') throw new KeyRotated();
    // Anything else refused (a signature, a conflict): retrying the same bytes cannot help now.
    throw new SyncFailure({ type: 'relay-refused', code: firstRefusal.error });
  }
  return pushed;
};
