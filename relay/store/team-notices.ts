/**
 * Several relay processes on one PostgreSQL: a commit that stored sets for a team sends
 * `<team>:<head>` on one channel, and every process pokes its own sockets of that team, which
 * then pull from the database. The notice is a hint, never the data: a lost one (a listening
 * connection that dropped, a process that started late) costs latency only, because the pull
 * reads the truth and a connected device runs a round on its own every period.
 * SQLite serves one process, whose pokes go straight to its sockets: it sends no notice.
 */
import type { PostgresDriver } from './postgres-dialect';
import type { SqlDriver, SqlExecutor } from './sql-driver';

export const TEAM_CHANNEL = 'locket_team';
/** `<team>:<seq>` when a team's membership log moved: every process sends its sockets of that team a `members` poke. */
export const TEAM_LOG_CHANNEL = 'locket_team_log';

export interface TeamNotice {
  readonly team: string;
  readonly head: number;
}

/** Team ids are base64url, so the last `:` separates the head; a malformed payload is ignored. */
export const parseTeamNotice = (payload: string): TeamNotice | undefined => {
  const match = /^(.+):(\d{1,15})$/.exec(payload);
  return match?.[1] && match[2] ? { team: match[1], head: Number(match[2]) } : undefined;
};

/**
 * Inside the transaction that moved the team's head: PostgreSQL delivers the notice when it
 * commits and drops it when it rolls back, so no process pokes for a set that is not there.
 */
export const announceTeamHead = async (driver: SqlDriver, tx: SqlExecutor, team: string, head: number, channel = TEAM_CHANNEL): Promise<void> => {
  if (driver.dialect === 'postgres') await tx.all(`SELECT pg_notify(?, ?)`, [channel, `${team}:${head}`]);
};

const canListen = (driver: SqlDriver): driver is PostgresDriver => driver.dialect === 'postgres' && 'listen' in driver;

export interface TeamNoticeHandlers {
  readonly onHead: (notice: TeamNotice) => void;
  /** The listening connection came back: notices may have been missed meanwhile. */
  readonly onResumed: () => void;
}

/** Starts listening (PostgreSQL only); resolves to the function that stops. */
export const listenForTeamHeads = async (driver: SqlDriver, handlers: TeamNoticeHandlers, channel = TEAM_CHANNEL): Promise<() => Promise<void>> => {
  if (!canListen(driver)) return async () => undefined;
  return driver.listen(channel, (payload) => {
    const notice = parseTeamNotice(payload);
    if (notice) handlers.onHead(notice);
  }, handlers.onResumed);
};
