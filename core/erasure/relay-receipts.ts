/**
 * A device's side of the relay's erasure receipts (SYNC.md §10), run after a sync round at most
 * once per `everyMs` (injected clock): it reads the relay's key and checks it against the key it
 * pinned on its first run with this relay (a changed key is refused, and nothing is erased or
 * acknowledged), fetches the receipts after its cursor, verifies each, erases the person if this
 * device still holds them (through the erasure's own path, audit entry naming the eraser), keeps
 * the receipt for the eraser's audit view, and acknowledges.
 *
 * Invariants:
 * - Nothing is acknowledged before the local copy is gone: an ack is a device's word that it
 *   erased. A receipt that does not verify is skipped and never acknowledged.
 * - The cursor moves past a receipt only once it was handled, so a run cut short repeats it
 *   (erasing again finds nothing; acknowledging twice is harmless on the relay).
 * - The relay names an erased id by the SHA-256 of the id its set carried, which is the keyed
 *   hash the audit log names the person by (core/erasure/erase.ts `eraseSet`).
 */
import * as v from 'valibot';
import type { Clock } from '../clock';
import { fromBase64Url } from '../security/base64url';
import type { RelayTransport } from '../sync/ports';
import { PullReplySchema } from '../sync/protocol';
import { ErasureReceiptListSchema, RelayKeySchema, verifyRelayErasureReceipt, type RelayErasureReceipt } from './relay-receipt';

/** The key a device saw at its first run with this relay and believes from then on. */
export interface RelayKeyPin {
  readonly publicKey: string;
  readonly pinnedAt: number;
}

export interface RelayReceiptStore {
  readonly pin: () => Promise<RelayKeyPin | null>;
  readonly setPin: (pin: RelayKeyPin) => Promise<void>;
  /** The relay seq of the last receipt handled. */
  readonly cursor: () => Promise<number>;
  /** Keeps the receipt (for the eraser's audit view) and moves the cursor to its seq, together. */
  readonly keep: (receipt: RelayErasureReceipt) => Promise<void>;
}

export interface RelayReceiptDeps {
  readonly transport: RelayTransport;
  /** A session token of this device; throws when none can be had (the next run tries again). */
  readonly token: () => Promise<string>;
  readonly team: string;
  readonly clock: Clock;
  readonly everyMs: number;
  readonly store: RelayReceiptStore;
  /**
   * Erases the person whose keyed hash has this SHA-256, if this device holds them, with the
   * audit entry naming `eraser` (a device id) when known; true when something was erased.
   */
  readonly eraseHeld: (relayIdHash: string, eraser: string | undefined) => Promise<boolean>;
}

export type RelayReceiptsOutcome =
  | { readonly type: 'not-due' }
  /** The relay now signs with another key than the one pinned: refused, nothing erased or acknowledged. */
  | { readonly type: 'relay-key-changed'; readonly pinnedAt: number }
  | { readonly type: 'done'; readonly receipts: number; readonly erased: number; readonly acknowledged: number; readonly invalid: number };

/** The relay answered something else than expected: this run ends, the next tries again. */
export class RelayReceiptsUnavailable extends Error {}

/**
 * A quarter of an hour: two small requests; the pull already erased what its sets carried, so
 * this is the backstop and the acknowledgement, soon enough for the eraser's audit view.
 */
export const RELAY_RECEIPTS_EVERY_MS = 15 * 60 * 1000;

export const createRelayReceipts = (deps: RelayReceiptDeps) => {
  const { transport, store, clock } = deps;
  let lastRunAt: number | null = null;
  let running: Promise<RelayReceiptsOutcome> | null = null;

  const call = async (path: string, body?: unknown): Promise<unknown> => {
    const answer = await transport.request(path, body === undefined ? {} : { body, token: await deps.token() });
    if (answer.status !== 200) throw new RelayReceiptsUnavailable(`${path} answered ${answer.status}`);
    return answer.body;
  };

  /** The key, pinned on first sight; null when it differs from the pinned one. */
  const trustedKey = async (): Promise<{ key: Uint8Array } | { changed: RelayKeyPin }> => {
    const offered = v.safeParse(RelayKeySchema, await call('/v1/relay-key'));
    if (!offered.success) throw new RelayReceiptsUnavailable('/v1/relay-key answered an unexpected body');
    const pinned = await store.pin();
    if (pinned && pinned.publicKey !== offered.output.publicKey) return { changed: pinned };
    if (!pinned) await store.setPin({ publicKey: offered.output.publicKey, pinnedAt: clock.now() });
    const key = fromBase64Url(offered.output.publicKey);
    if (!key) throw new RelayReceiptsUnavailable('/v1/relay-key is not base64url');
    return { key };
  };

  /** The device that pushed the erase set at `seq`, for the audit entry; undefined when the relay no longer serves it. */
  const eraserOf = async (seq: number): Promise<string | undefined> => {
    const reply = v.safeParse(PullReplySchema, await call('/v1/pull', { since: seq - 1, limit: 1 }).catch(() => null));
    const set = reply.success ? reply.output.sets[0] : undefined;
    return set?.seq === seq ? set.device : undefined;
  };

  const run = async (): Promise<RelayReceiptsOutcome> => {
    const trusted = await trustedKey();
    if ('changed' in trusted) return { type: 'relay-key-changed', pinnedAt: trusted.changed.pinnedAt };
    const listed = v.safeParse(ErasureReceiptListSchema, await call('/v1/erasures', { since: await store.cursor() }));
    if (!listed.success) throw new RelayReceiptsUnavailable('/v1/erasures answered an unexpected body');
    let erased = 0;
    let acknowledged = 0;
    let invalid = 0;
    for (const receipt of listed.output.receipts) {
      if (receipt.team !== deps.team || !(await verifyRelayErasureReceipt(trusted.key, receipt))) {
        invalid += 1;
        continue;
      }
      if (await deps.eraseHeld(receipt.idHash, await eraserOf(receipt.seq))) erased += 1;
      await store.keep(receipt);
      await call('/v1/erasures/ack', { idHash: receipt.idHash });
      acknowledged += 1;
    }
    return { type: 'done', receipts: listed.output.receipts.length, erased, acknowledged, invalid };
  };

  return {
    /** After a round: runs when due (a clock that went back counts as due), one run at a time. */
    afterRound: (): Promise<RelayReceiptsOutcome> => {
      if (running) return running;
      const now = clock.now();
      if (lastRunAt !== null && now >= lastRunAt && now - lastRunAt < deps.everyMs) return Promise.resolve({ type: 'not-due' });
      lastRunAt = now;
      running = run().finally(() => { running = null; });
      return running;
    },
  };
};
