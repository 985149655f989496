/** Why a membership entry or a whole log is refused: typed, with the entry's seq; the words for people live at the UI edge. */
export const LOG_REFUSALS = [
  'malformed', 'wrong-team', 'bad-genesis', 'broken-chain', 'stale-head', 'fork', 'clock', 'forged-signature',
  'unknown-signer', 'signer-removed', 'role-forbidden', 'invite-unknown', 'invite-used', 'invite-expired',
  'role-escalation', 'device-key-substituted', 'device-exists', 'member-exists', 'member-unknown', 'member-removed',
  'join-unknown', 'key-grant', 'no-change',
] as const;
export type LogRefusalType = (typeof LOG_REFUSALS)[number];

export interface LogRefusal {
  readonly type: LogRefusalType;
  /** The refused entry's place in the log (its own `seq` claim when it has one). */
  readonly seq: number;
  /** For logs and tests: which rule, in a few words. */
  readonly detail?: string;
}

export const refusal = (type: LogRefusalType, seq: number, detail?: string): LogRefusal =>
  detail === undefined ? { type, seq } : { type, seq, detail };
