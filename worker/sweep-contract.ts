import * as v from 'valibot';
import type { RecordKind } from '../core/records/types';
import type { ClockHold } from '../core/retention/clock-trust';
import type { LowStorage } from '../core/snapshots/headroom';
import type { WriteFailure } from '../core/db/store-errors';
import { method, returns, type ClientOf, type ImplementationOf } from './contracts/method';

/** Who started a sweep: a page as it opened, the background's alarm, or the owner's button. */
export type SweepTrigger = 'page' | 'alarm' | 'manual';

/** What one sweep removed, kept in `meta` (in the clear: counts and times only) for the options page. */
export interface SweepReport {
  readonly trigger: SweepTrigger;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly durationMs: number;
  /** Records purged from the trash, per kind (notes included). */
  readonly purged: Readonly<Partial<Record<RecordKind, number>>>;
  readonly changeSetsDeleted: number;
  readonly changeSetsRewritten: number;
  /** Change sets that still hold purged records' values and wait for an unlocked sweep to rewrite them. */
  readonly changeSetsAwaitingKey: number;
  readonly loginsDeleted: number;
  readonly snapshotsDeleted: number;
  /** The snapshot this sweep took, if one was due. */
  readonly snapshotTaken: string | null;
  /** Why a daily snapshot that was due was not taken. */
  readonly snapshotSkipped: LowStorage | null;
  /** The cancelled account's 14 days had passed and everything was deleted. */
  readonly accountDeleted: boolean;
  /** Why the sweep deleted nothing: its clock disagreed with the newest time Locket has seen. */
  readonly held: ClockHold | null;
  /** Why the sweep stopped early, as a code (a full disk, or the error's own message); the next run resumes where it stopped. */
  readonly error: WriteFailure | null;
}

export interface SweepRequest {
  readonly trigger: SweepTrigger;
  /** The unlocked account key when there is one: rewrites change sets and takes snapshots of settings. Null while locked. */
  readonly accountKey: Uint8Array | null;
}

/** What crosses from the host: checked in the worker, since a page or the offscreen document may be wrong. */
const SweepRequestSchema = v.strictObject({
  trigger: v.picklist(['page', 'alarm', 'manual']),
  accountKey: v.nullable(v.pipe(v.instance(Uint8Array), v.length(32, 'The account key must be 32 bytes.'))),
});

/** The one contract of the sweep worker, hosted by pages and by the offscreen document (see contracts/method.ts). */
export const sweepContract = {
  /**
   * Runs one sweep. A 'page' or 'alarm' sweep resolves null when another context's sweep holds
   * the lock (that one does the work); a 'manual' one waits for it and then runs. Needs no
   * store opened first: each sweep opens its own.
   */
  sweep: method({ args: [SweepRequestSchema], result: returns<SweepReport | null>(), waitsForOpen: false }),
};

/** What a host calls (`Remote<SweepWorkerApi>`). */
export type SweepWorkerApi = ClientOf<typeof sweepContract>;
export type SweepImplementation = ImplementationOf<typeof sweepContract>;
