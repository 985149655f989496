/**
 * The relay's schema as one ordered, append-only list of steps, written once in SQLite's words and
 * mapped for PostgreSQL by a small type map. `relay_meta.schema_version` records the last step
 * applied; all pending steps run in one transaction, so a crash mid-migration leaves the old schema.
 */
import type { SqlDriver, SqlExecutor } from './sql-driver';

type Dialect = SqlDriver['dialect'];

/** Fair-use counters (rate-limit-store.ts): a step below, and the whole of a SQLite relay's in-memory counter database. */
export const RATE_LIMITS_TABLE = `CREATE TABLE rate_limits (key TEXT PRIMARY KEY, points INTEGER NOT NULL, expire INTEGER) STRICT`;

/** Each step is a list of single statements (better-sqlite3 prepares one statement at a time). */
export const MIGRATIONS: readonly (readonly string[])[] = [
  [
    `CREATE TABLE teams (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, head_seq INTEGER NOT NULL DEFAULT 0) STRICT`,
    `CREATE TABLE devices (
      team_id TEXT NOT NULL, device_id TEXT NOT NULL, sign_pub BLOB NOT NULL, added_at INTEGER NOT NULL,
      added_by TEXT, removed_at INTEGER, acked_client_seq INTEGER NOT NULL DEFAULT 0, last_set_id TEXT,
      last_seen_at INTEGER, PRIMARY KEY (team_id, device_id)) STRICT`,
    `CREATE TABLE change_sets (
      team_id TEXT NOT NULL, seq INTEGER NOT NULL, set_id TEXT NOT NULL, device_id TEXT NOT NULL,
      client_seq INTEGER NOT NULL, prev_set_id TEXT, epoch INTEGER NOT NULL, batch_id TEXT, undo_of TEXT,
      hlc_wall INTEGER NOT NULL, received_at INTEGER NOT NULL, sig BLOB NOT NULL, bytes INTEGER NOT NULL,
      PRIMARY KEY (team_id, seq), UNIQUE (team_id, set_id), UNIQUE (team_id, device_id, client_seq)) STRICT`,
    `CREATE TABLE change_items (
      team_id TEXT NOT NULL, seq INTEGER NOT NULL, idx INTEGER NOT NULL, record_id TEXT NOT NULL, kind TEXT NOT NULL,
      op TEXT NOT NULL, h BLOB NOT NULL, ct BLOB, PRIMARY KEY (team_id, seq, idx)) STRICT`,
    `CREATE INDEX change_items_by_record ON change_items (team_id, record_id)`,
    `CREATE TABLE nonces (nonce BLOB PRIMARY KEY, team_id TEXT NOT NULL, device_id TEXT NOT NULL, expires_at INTEGER NOT NULL) STRICT`,
    `CREATE TABLE sessions (token_hash BLOB PRIMARY KEY, team_id TEXT NOT NULL, device_id TEXT NOT NULL, expires_at INTEGER NOT NULL) STRICT`,
  ],
  // Purge and erasure: a purged or erased id leaves only the SHA-256 of itself (hex), the op and the set that ended it.
  [
    `CREATE TABLE tombstones (
      team_id TEXT NOT NULL, id_hash TEXT NOT NULL, op TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL,
      PRIMARY KEY (team_id, id_hash)) STRICT`,
  ],
  [
    // A device's name, encrypted on the device: opaque base64url to the relay.
    `ALTER TABLE devices ADD COLUMN label TEXT`,
    // Pairing mailboxes (relay/store/pairing.ts): one row per slot, each message kind written once.
    `CREATE TABLE pairing_slots (
      slot TEXT PRIMARY KEY, team_id TEXT NOT NULL, expires_at INTEGER NOT NULL, offer_msg TEXT NOT NULL,
      join_msg TEXT, accept_msg TEXT, welcome_msg TEXT) STRICT`,
  ],
  // The team membership log (relay/store/team-log.ts) and what the relay derives from it to enforce roles.
  [
    `ALTER TABLE teams ADD COLUMN log_seq INTEGER NOT NULL DEFAULT 0`,
    `CREATE TABLE team_log (
      team_id TEXT NOT NULL, seq INTEGER NOT NULL, hash TEXT NOT NULL, type TEXT NOT NULL, signer TEXT NOT NULL,
      entry TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (team_id, seq), UNIQUE (team_id, hash)) STRICT`,
    `CREATE TABLE team_members (
      team_id TEXT NOT NULL, member_id TEXT NOT NULL, role TEXT NOT NULL, can_export INTEGER NOT NULL, status TEXT NOT NULL,
      PRIMARY KEY (team_id, member_id)) STRICT`,
    // The member a device acts for; null only in a team without a log (its one owner).
    `ALTER TABLE devices ADD COLUMN member_id TEXT`,
  ],
  // Retention on the relay (relay/store/retention-*.ts, relay/retention/*): what the relay's own sweep measures its windows by.
  [
    // Per record, the HLC-latest move to or out of the trash: `trashed_at` (relay time) while trashed, null once restored.
    `CREATE TABLE trash_watch (
      team_id TEXT NOT NULL, record_id TEXT NOT NULL, set_id TEXT NOT NULL, trashed_at INTEGER, PRIMARY KEY (team_id, record_id)) STRICT`,
    `CREATE INDEX trash_watch_due ON trash_watch (trashed_at)`,
    `CREATE INDEX change_sets_by_received ON change_sets (received_at)`,
    // An owner-signed cancellation: while a row exists every read and write of the team is refused.
    `CREATE TABLE team_cancellations (
      team_id TEXT PRIMARY KEY, cancelled_at INTEGER NOT NULL, device_id TEXT NOT NULL, signed_at INTEGER NOT NULL, nonce TEXT NOT NULL,
      sig TEXT NOT NULL) STRICT`,
    // A team deleted after its cancellation: only the SHA-256 of its id stays, so the id is never taken again.
    `CREATE TABLE team_tombstones (team_hash TEXT PRIMARY KEY, deleted_at INTEGER NOT NULL) STRICT`,
    // One row per erased id, written in the push transaction; the relay signs it when it is read (Ed25519 is deterministic).
    `CREATE TABLE erasure_receipts (
      team_id TEXT NOT NULL, id_hash TEXT NOT NULL, seq INTEGER NOT NULL, items_deleted INTEGER NOT NULL, at INTEGER NOT NULL,
      PRIMARY KEY (team_id, id_hash)) STRICT`,
    `CREATE TABLE erasure_acks (
      team_id TEXT NOT NULL, id_hash TEXT NOT NULL, device_id TEXT NOT NULL, at INTEGER NOT NULL,
      PRIMARY KEY (team_id, id_hash, device_id)) STRICT`,
  ],
  // Fair-use limits (relay/store/rate-limit-store.ts): one counter per hashed key, until its window ends.
  // Used on PostgreSQL; a SQLite relay keeps its counters in memory and leaves this table empty.
  [RATE_LIMITS_TABLE],
  // Two-factor the relay verifies (relay/store/two-factor.ts), and the invite attempt limit.
  [
    // Derived from the log's latest require-two-factor entry, like team_members: what the relay enforces.
    `ALTER TABLE teams ADD COLUMN two_factor_required INTEGER NOT NULL DEFAULT 0`,
    // Logs appended before this step: the entry's JSON names the flag once, in its body.
    `UPDATE teams SET two_factor_required = 1 WHERE (SELECT l.entry FROM team_log l WHERE l.team_id = teams.id
      AND l.type = 'require-two-factor' ORDER BY l.seq DESC LIMIT 1) LIKE '%"required":true%'`,
    // When the session's start came with a WebAuthn assertion the relay verified; null without one.
    `ALTER TABLE sessions ADD COLUMN two_factor_at INTEGER`,
    `CREATE TABLE two_factor_keys (
      team_id TEXT NOT NULL, member_id TEXT NOT NULL, credential_id TEXT NOT NULL, public_key BLOB NOT NULL,
      sign_count INTEGER NOT NULL, transports TEXT NOT NULL, origin TEXT NOT NULL, created_at INTEGER NOT NULL,
      last_verified_at INTEGER, PRIMARY KEY (team_id, credential_id)) STRICT`,
    `CREATE INDEX two_factor_keys_by_member ON two_factor_keys (team_id, member_id)`,
    `CREATE TABLE two_factor_challenges (
      challenge TEXT PRIMARY KEY, team_id TEXT NOT NULL, device_id TEXT NOT NULL, expires_at INTEGER NOT NULL) STRICT`,
    // Failed joins per invite (for good) and per client address (per window): `key` is 'invite:<team>:<id>' or 'ip:<address>'.
    `CREATE TABLE join_failures (key TEXT PRIMARY KEY, failures INTEGER NOT NULL, window_start INTEGER NOT NULL) STRICT`,
  ],
  // A joiner's name, email and device name sealed under the invite secret (relay/store/join-claims.ts): kept while the join waits.
  [
    `CREATE TABLE team_join_claims (
      team_id TEXT NOT NULL, invite_id TEXT NOT NULL, member_id TEXT NOT NULL, device_id TEXT NOT NULL, claim TEXT NOT NULL,
      PRIMARY KEY (team_id, invite_id)) STRICT`,
  ],
  // A team's recent logins (relay/store/member-logins.ts): session starts and sealed unlock reports, no addresses.
  [
    `CREATE TABLE member_sessions (team_id TEXT NOT NULL, device_id TEXT NOT NULL, started_at INTEGER NOT NULL, two_factor INTEGER NOT NULL) STRICT`,
    `CREATE INDEX member_sessions_by_team ON member_sessions (team_id, started_at)`,
    `CREATE INDEX member_sessions_by_start ON member_sessions (started_at)`,
    // `bucket`: the hour the unlock fell in; its exact time is inside `ct`, sealed under the team key.
    `CREATE TABLE member_unlocks (
      team_id TEXT NOT NULL, device_id TEXT NOT NULL, bucket INTEGER NOT NULL, epoch INTEGER NOT NULL, ct BLOB NOT NULL,
      received_at INTEGER NOT NULL) STRICT`,
    `CREATE INDEX member_unlocks_by_team ON member_unlocks (team_id, bucket)`,
    `CREATE INDEX member_unlocks_by_bucket ON member_unlocks (bucket)`,
  ],
  // Encrypted snapshots (relay/store/snapshots.ts) and the log's floor: sets at or below it may be gone.
  [
    `ALTER TABLE teams ADD COLUMN floor_seq INTEGER NOT NULL DEFAULT 0`,
    // `created_at` is the relay's time of `begin`; `complete` once the uploader committed every row.
    `CREATE TABLE snapshots (
      team_id TEXT NOT NULL, id TEXT NOT NULL, at_seq INTEGER NOT NULL, epoch INTEGER NOT NULL, created_at INTEGER NOT NULL,
      device_id TEXT NOT NULL, complete INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (team_id, id)) STRICT`,
    `CREATE TABLE snapshot_rows (
      team_id TEXT NOT NULL, snapshot_id TEXT NOT NULL, record_id TEXT NOT NULL, kind TEXT NOT NULL, ct BLOB NOT NULL,
      PRIMARY KEY (team_id, snapshot_id, record_id)) STRICT`,
    `CREATE INDEX snapshot_rows_by_record ON snapshot_rows (team_id, record_id)`,
  ],
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/** SQLite's words to PostgreSQL's: BLOB→BYTEA, INTEGER→BIGINT, no STRICT. Identity for SQLite. */
export const toDialect = (sql: string, dialect: Dialect): string =>
  dialect === 'sqlite'
    ? sql
    : sql.replace(/\bBLOB\b/g, 'BYTEA').replace(/\bINTEGER\b/g, 'BIGINT').replace(/\)\s*STRICT\b/g, ')');

/** Any fixed number: the advisory lock PostgreSQL holds for one migration at a time. */
const MIGRATION_LOCK_KEY = 0x6c6f636b;

const META_TABLE = `CREATE TABLE IF NOT EXISTS relay_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`;

export const readSchemaVersion = async (db: SqlExecutor): Promise<number> => {
  const rows = await db.all<{ value: string }>(`SELECT value FROM relay_meta WHERE key = 'schema_version'`);
  return rows[0] ? Number(rows[0].value) : 0;
};

/**
 * Brings the database to the latest schema and mints the relay instance id on first start.
 * Refuses a database newer than this code knows (a downgrade would misread it).
 */
export const migrate = async (driver: SqlDriver, newInstanceId: () => string): Promise<{ from: number; to: number }> =>
  driver.transaction(async (tx) => {
    // Relay processes starting together on one PostgreSQL take turns: the later ones find the schema current.
    if (driver.dialect === 'postgres') await tx.all(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.run(toDialect(META_TABLE, driver.dialect));
    const from = await readSchemaVersion(tx);
    if (from > LATEST_SCHEMA_VERSION) throw new Error(`The relay database is at schema ${from}; this relay knows up to ${LATEST_SCHEMA_VERSION}`);
    for (const step of MIGRATIONS.slice(from)) {
      for (const statement of step) await tx.run(toDialect(statement, driver.dialect));
    }
    await tx.run(`INSERT INTO relay_meta (key, value) VALUES ('instance_id', ?) ON CONFLICT DO NOTHING`, [newInstanceId()]);
    await tx.run(
      `INSERT INTO relay_meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [String(LATEST_SCHEMA_VERSION)],
    );
    return { from, to: LATEST_SCHEMA_VERSION };
  });
