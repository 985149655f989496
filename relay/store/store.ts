/**
 * The relay's typed operations, written once over `SqlDriver` so they run unchanged on SQLite and
 * PostgreSQL: only SQL both accept (`ON CONFLICT DO NOTHING`, `UPDATE … RETURNING`, `DELETE … RETURNING`).
 *
 * Invariants:
 * - Per team, `seq` is gap-free and commits in order: every append first takes the team row with
 *   `UPDATE teams SET head_seq = head_seq + ? … RETURNING`, which serialises writers of one team.
 * - Per device, stored `client_seq` values are 1..acked with no hole: a gap is refused, a duplicate
 *   set id is acknowledged again with its original seq, nothing is stored twice.
 * - A removed device stays removed: it cannot push, open a session, or be added again; its old
 *   sessions resolve as removed.
 * - On PostgreSQL, a commit that stored sets also delivers `<team>:<head>` to every relay
 *   process listening (team-notices.ts); a rollback delivers nothing.
 * The store trusts its caller to have validated and signature-checked every envelope.
 */
import { DEFAULT_MAX_DRIFT_MS, parseHlc } from '../../core/hlc';
import type { Clock } from '../../core/clock';
import { fromBase64Url, toBase64Url } from '../../core/security/base64url';
import type { DeviceInfo, Envelope, PushResult } from '../../core/sync/protocol';
import { LATEST_SCHEMA_VERSION, migrate, readSchemaVersion } from './migrations';
import { pullSets } from './pull';
import { createErasureOps } from './retention-erasure';
import { createTombstoneOps } from './retention-tombstones';
import { loadRelayKey, type RelayKey } from './retention-relay-key';
import { createTeamRetentionOps } from './retention-teams';
import { watchTrash } from './retention-trash';
import { createPairingOps } from './pairing';
import { createSessionOps } from './sessions';
import { createSnapshotOps } from './snapshots';
import { createTeamLogOps, CURRENT_EPOCH_COLUMN } from './team-log';
import { createRecoveryLookupOps } from './recovery-lookup';
import { announceTeamHead } from './team-notices';
import { createJoinLimitOps } from './join-limits';
import { createJoinClaimOps } from './join-claims';
import { createMemberLoginOps } from './member-logins';
import { createTwoFactorOps } from './two-factor';
import { ANY_TOMBSTONE_COLUMN, applyTerminalItems, namesTombstone } from './tombstones';
import type { SqlDriver, SqlExecutor } from './sql-driver';

export interface RelayStoreOptions {
  readonly clock: Clock;
  readonly randomBytes?: (n: number) => Uint8Array;
  readonly maxDriftMs?: number;
  /** Test-only fault injection: runs inside an append's transaction after its writes, before the commit. */
  readonly beforeCommit?: () => void;
  /** Seals the relay's signing key at rest (relay/server/relay-key-secret.ts); without it the store signs nothing. */
  readonly relayKeySecret?: Uint8Array;
}

export interface DeviceRow {
  readonly team: string;
  readonly device: string;
  readonly publicKey: Uint8Array;
  readonly removed: boolean;
}

export interface AppendOutcome {
  readonly results: PushResult[];
  readonly head: number;
  /** How many sets this call stored (duplicates and refusals excluded). */
  readonly stored: number;
  /** How many earlier items lost their ciphertext to a purge or erase in these sets. */
  readonly ciphertextsDropped: number;
}

export type TeamCreation = 'created' | 'team_exists';
export type DeviceAddition = 'added' | 'already_added' | 'removed' | 'unknown_team';

const bytesOf = (base64url: string): Uint8Array => {
  const bytes = fromBase64Url(base64url);
  if (!bytes) throw new TypeError('Expected base64url bytes: validate envelopes before storing them');
  return bytes;
};

const randomId = (randomBytes: (n: number) => Uint8Array): string => toBase64Url(randomBytes(16));

type DeviceState = { sign_pub: Uint8Array; removed_at: number | null; acked_client_seq: number };

const insertSet = async (tx: SqlExecutor, team: string, seq: number, set: Envelope, receivedAt: number): Promise<void> => {
  const items = set.items.map((item) => ({ item, ct: item.ct === undefined ? null : bytesOf(item.ct) }));
  const bytes = items.reduce((total, { ct }) => total + (ct?.length ?? 0), 0);
  await tx.run(
    `INSERT INTO change_sets (team_id, seq, set_id, device_id, client_seq, prev_set_id, epoch, batch_id, undo_of, hlc_wall, received_at, sig, bytes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [team, seq, set.setId, set.device, set.clientSeq, set.prevSetId, set.epoch, set.batchId ?? null, set.undoOf ?? null,
      parseHlc(set.setId)?.wallMs ?? 0, receivedAt, bytesOf(set.sig), bytes],
  );
  if (items.length === 0) return;
  // One statement for all of a set's items: each statement is a round trip to PostgreSQL inside the team's lock.
  await tx.run(
    `INSERT INTO change_items (team_id, seq, idx, record_id, kind, op, h, ct) VALUES ${items.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    items.flatMap(({ item, ct }, idx) => [team, seq, idx, item.recordId, item.kind, item.op, bytesOf(item.h), ct]),
  );
};

export const createRelayStore = (driver: SqlDriver, options: RelayStoreOptions) => {
  const { clock } = options;
  const randomBytes = options.randomBytes ?? ((n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n)));
  const maxDriftMs = options.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS;

  const readDevice = async (db: SqlExecutor, team: string, device: string): Promise<DeviceState | undefined> =>
    (await db.all<DeviceState>(
      `SELECT sign_pub, removed_at, acked_client_seq FROM devices WHERE team_id = ? AND device_id = ?`, [team, device],
    ))[0];

  const refuseAll = (sets: readonly Envelope[], error: 'removed' | 'unknown_device'): PushResult[] =>
    sets.map((set) => ({ setId: set.setId, error }));

  let relayKey: Promise<RelayKey> | undefined;

  return {
    migrate: () => migrate(driver, () => randomId(randomBytes)),

    /** The relay's Ed25519 signing key (erasure receipts), made on first use and kept in the database. */
    relayKey: (): Promise<RelayKey> => {
      const secret = options.relayKeySecret;
      if (!secret) return Promise.reject(new Error('This relay store was opened without a key-encryption secret for its signing key'));
      relayKey ??= loadRelayKey(driver, secret).catch((error: unknown) => { relayKey = undefined; throw error; });
      return relayKey;
    },

    /** Migrations current and the database answering: what `/readyz` reports. */
    isReady: async (): Promise<boolean> => (await readSchemaVersion(driver)) === LATEST_SCHEMA_VERSION,

    instanceId: async (): Promise<string> => {
      const rows = await driver.all<{ value: string }>(`SELECT value FROM relay_meta WHERE key = 'instance_id'`);
      if (!rows[0]) throw new Error('The relay database has no instance id: run migrate() first');
      return rows[0].value;
    },

    head: async (team: string): Promise<number> =>
      (await driver.all<{ head_seq: number }>(`SELECT head_seq FROM teams WHERE id = ?`, [team]))[0]?.head_seq ?? 0,

    /** A new team whose only device is its creator (one account = a team of one, for now). */
    createTeam: (team: string, device: string, publicKey: Uint8Array, label?: string): Promise<TeamCreation> =>
      driver.transaction(async (tx) => {
        const now = clock.now();
        const created = await tx.all(`INSERT INTO teams (id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING id`, [team, now]);
        if (created.length === 0) return 'team_exists';
        await tx.run(`INSERT INTO devices (team_id, device_id, sign_pub, added_at, label) VALUES (?, ?, ?, ?, ?)`, [team, device, publicKey, now, label ?? null]);
        return 'created';
      }),

    addDevice: (team: string, device: string, publicKey: Uint8Array, addedBy: string, label?: string): Promise<DeviceAddition> =>
      driver.transaction(async (tx) => {
        if ((await tx.all(`SELECT id FROM teams WHERE id = ?`, [team])).length === 0) return 'unknown_team';
        const existing = await readDevice(tx, team, device);
        if (existing) return existing.removed_at === null ? 'already_added' : 'removed';
        // A device acts for the member whose device added it (in a team with a membership log).
        await tx.run(
          `INSERT INTO devices (team_id, device_id, sign_pub, added_at, added_by, label, member_id)
           VALUES (?, ?, ?, ?, ?, ?, (SELECT member_id FROM devices WHERE team_id = ? AND device_id = ?))`,
          [team, device, publicKey, clock.now(), addedBy, label ?? null, team, addedBy],
        );
        return 'added';
      }),

    getDevice: async (team: string, device: string): Promise<DeviceRow | undefined> => {
      const row = await readDevice(driver, team, device);
      return row && { team, device, publicKey: row.sign_pub, removed: row.removed_at !== null };
    },

    listDevices: async (team: string): Promise<DeviceInfo[]> => {
      const rows = await driver.all<{
        device_id: string; sign_pub: Uint8Array; added_at: number; removed_at: number | null; acked_client_seq: number; last_seen_at: number | null;
        label: string | null;
      }>(`SELECT device_id, sign_pub, added_at, removed_at, acked_client_seq, last_seen_at, label FROM devices WHERE team_id = ? ORDER BY added_at, device_id`, [team]);
      return rows.map((row) => ({
        device: row.device_id, publicKey: toBase64Url(row.sign_pub), addedAt: row.added_at, removedAt: row.removed_at,
        ackedClientSeq: row.acked_client_seq, lastSeenAt: row.last_seen_at, ...(row.label === null ? {} : { label: row.label }),
      }));
    },

    /** A device's own opaque name (a member's device names itself once it holds the team key); false for a removed or unknown one. */
    setDeviceLabel: async (team: string, device: string, label: string): Promise<boolean> =>
      (await driver.run(`UPDATE devices SET label = ? WHERE team_id = ? AND device_id = ? AND removed_at IS NULL`, [label, team, device])) > 0,

    /** Marks the device removed; its sessions stay only so its next request learns `removed` instead of a bare 401. */
    removeDevice: async (team: string, device: string): Promise<boolean> =>
      (await driver.run(
        `UPDATE devices SET removed_at = ? WHERE team_id = ? AND device_id = ? AND removed_at IS NULL`, [clock.now(), team, device],
      )) > 0,

    /**
     * Stores the sets one device pushed, in order, in one transaction. Per set: a new seq, the
     * original seq for a duplicate, or a refusal (`gap` with the expected clientSeq, `conflict`
     * for a reused clientSeq or set id, `clock_skew`, `stale_epoch` for a set sealed under a key
     * rotated away by a removal, `tombstoned` for a set naming a purged or erased id). Resolves only after the commit, and after SQLite scrubbed what a purge dropped.
     */
    appendSets: async (team: string, device: string, sets: readonly Envelope[]): Promise<AppendOutcome> => {
      const outcome = await driver.transaction(async (tx): Promise<AppendOutcome> => {
        // Takes the team row first: writers of one team queue here on both engines.
        const locked = await tx.all<{ head_seq: number }>(`UPDATE teams SET head_seq = head_seq + 0 WHERE id = ? RETURNING head_seq`, [team]);
        // Read after the lock, by a statement of its own: on PostgreSQL it then sees every push of the team committed before.
        const state = locked[0] ? (await tx.all<DeviceState & { any_tombstone: number; current_epoch: number | string }>(
          `SELECT sign_pub, removed_at, acked_client_seq, ${ANY_TOMBSTONE_COLUMN} AS any_tombstone, ${CURRENT_EPOCH_COLUMN} AS current_epoch
           FROM devices WHERE team_id = ? AND device_id = ?`,
          [team, team, team, device],
        ))[0] : undefined;
        const startHead = locked[0]?.head_seq ?? 0;
        if (!state) return { results: refuseAll(sets, 'unknown_device'), head: startHead, stored: 0, ciphertextsDropped: 0 };
        if (state.removed_at !== null) return { results: refuseAll(sets, 'removed'), head: startHead, stored: 0, ciphertextsDropped: 0 };

        const now = clock.now();
        let expected = state.acked_client_seq + 1;
        let head = startHead;
        let lastSetId: string | undefined;
        let ciphertextsDropped = 0;
        // Set once a tombstone exists (before this push or made by one of its sets).
        let tombstonesExist = Number(state.any_tombstone) === 1;
        // Read under the team row's lock, which a removal takes too: no set sealed under a key a removed member holds lands after it.
        const epoch = Number(state.current_epoch);
        const results: PushResult[] = [];
        for (const set of sets) {
          const prior = (await tx.all<{ seq: number; device_id: string; client_seq: number }>(
            `SELECT seq, device_id, client_seq FROM change_sets WHERE team_id = ? AND set_id = ?`, [team, set.setId],
          ))[0];
          if (prior) {
            const same = prior.device_id === set.device && prior.client_seq === set.clientSeq;
            results.push(same ? { setId: set.setId, seq: prior.seq, duplicate: true } : { setId: set.setId, error: 'conflict' });
            continue;
          }
          if (set.clientSeq < expected) results.push({ setId: set.setId, error: 'conflict' });
          else if (set.clientSeq > expected) results.push({ setId: set.setId, error: 'gap', expected });
          else if ((parseHlc(set.setId)?.wallMs ?? Infinity) > now + maxDriftMs) results.push({ setId: set.setId, error: 'clock_skew' });
          else if (set.epoch < epoch) results.push({ setId: set.setId, error: 'stale_epoch' });
          else if (tombstonesExist && (await namesTombstone(tx, team, set))) results.push({ setId: set.setId, error: 'tombstoned' });
          else {
            head += 1;
            await insertSet(tx, team, head, set, now);
            await watchTrash(tx, team, set, now);
            const ended = await applyTerminalItems(tx, team, head, set, now);
            ciphertextsDropped += ended.ciphertextsDropped;
            tombstonesExist ||= ended.tombstoned;
            results.push({ setId: set.setId, seq: head, duplicate: false });
            expected += 1;
            lastSetId = set.setId;
          }
        }
        const stored = head - startHead;
        if (stored > 0) {
          const moved = await tx.all<{ head_seq: number }>(`UPDATE teams SET head_seq = head_seq + ? WHERE id = ? RETURNING head_seq`, [stored, team]);
          if (moved[0]?.head_seq !== head) throw new Error('The team head moved inside its own lock');
          await announceTeamHead(driver, tx, team, head);
          options.beforeCommit?.();
          await tx.run(
            `UPDATE devices SET acked_client_seq = ?, last_set_id = ?, last_seen_at = ? WHERE team_id = ? AND device_id = ?`,
            [expected - 1, lastSetId ?? null, now, team, device],
          );
        }
        return { results, head, stored, ciphertextsDropped };
      });
      // The dropped ciphertext must leave the files too, not only the live rows.
      if (outcome.ciphertextsDropped > 0) await driver.scrub();
      return outcome;
    },

    /** Sets after `since`, in seq order, at most `limit`; `more` when the head is further on. */
    pullSets: (team: string, since: number, limit: number) => pullSets(driver, team, since, limit),

    ...createSessionOps(driver, clock),

    ...createPairingOps(driver, clock),

    ...createTeamLogOps(driver, clock),

    ...createErasureOps(driver, clock),
    ...createTombstoneOps(driver),

    ...createTeamRetentionOps(driver, clock),

    ...createTwoFactorOps(driver, clock),

    ...createJoinLimitOps(driver, clock),

    ...createJoinClaimOps(driver),
    ...createMemberLoginOps(driver, clock),
    ...createRecoveryLookupOps(driver),
    ...createSnapshotOps(driver, clock, randomBytes),

    close: () => driver.close(),
  };
};

export type RelayStore = ReturnType<typeof createRelayStore>;
