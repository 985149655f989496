/**
 * Every device validates the whole membership log it receives, from the genesis on, before it
 * trusts any role, device key or team key in it. A log that ever disagrees with what this device
 * saw before (`known`: a position it validated earlier) is a fork, whatever the relay says.
 */
import * as v from 'valibot';
import type { Clock } from '../clock';
import type { Result } from '../result';
import { admitEntry } from './admit';
import { entryHash } from './encoding';
import { refusal, type LogRefusal } from './refusals';
import { TeamEntrySchema, type TeamEntry } from './schemas';
import type { TeamState } from './state';

export interface ValidateOptions {
  readonly clock: Clock;
  readonly maxDriftMs?: number;
  /** A head this device validated before: the log must still hold that entry at that seq. */
  readonly known?: { readonly seq: number; readonly hash: string };
}

export type LogValidation = Result<TeamState, LogRefusal>;

/** Schema-checks one entry as it arrived from the wire. */
export const parseEntry = (raw: unknown, seq: number): Result<TeamEntry, LogRefusal> => {
  const parsed = v.safeParse(TeamEntrySchema, raw);
  if (parsed.success) return { ok: true, value: parsed.output };
  return { ok: false, error: refusal('malformed', seq, parsed.issues[0]?.message ?? 'not an entry') };
};

export const validateLog = async (entries: readonly unknown[], options: ValidateOptions): Promise<LogValidation> => {
  const now = options.clock.now();
  let state: TeamState | null = null;
  const hashes: string[] = [];
  for (const [index, raw] of entries.entries()) {
    const parsed = parseEntry(raw, index + 1);
    if (!parsed.ok) return parsed;
    const admitted = await admitEntry(state, parsed.value, { now, ...(options.maxDriftMs === undefined ? {} : { maxDriftMs: options.maxDriftMs }) });
    if (!admitted.ok) return admitted;
    state = admitted.value;
    hashes.push(state.head.hash);
  }
  if (!state) return { ok: false, error: refusal('bad-genesis', 1, 'an empty log') };
  const { known } = options;
  if (known && hashes[known.seq - 1] !== known.hash) {
    return { ok: false, error: refusal('fork', known.seq, known.seq > hashes.length ? 'the log went back' : 'another entry where one was seen') };
  }
  return { ok: true, value: state };
};

/** The hashes of a validated log's entries, for a device to remember where it stood. */
export const headOf = async (entries: readonly TeamEntry[]): Promise<{ seq: number; hash: string } | null> => {
  const last = entries.at(-1);
  return last ? { seq: last.seq, hash: await entryHash(last) } : null;
};
