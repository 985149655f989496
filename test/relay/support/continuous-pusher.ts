/**
 * A device pushing one set after another over HTTP while the relay or its database is being
 * killed: each set is retried until acknowledged, so the relay either stored it before the crash
 * (and acknowledges it again with its original seq) or stores it now. Bounded by `maxAttempts`.
 */
import { expect } from 'vitest';
import type { Envelope, StoredSet } from '../../../core/sync/protocol';
import type { TestDevice } from './test-device';

export interface ContinuousPusher {
  /** setId → the seq the relay acknowledged it with. */
  readonly acked: Map<string, number>;
  /** Every set made, in clientSeq order (the last one may be unacknowledged). */
  readonly pushed: Envelope[];
  /** Stops after the set in flight is acknowledged or the attempts run out. */
  readonly stop: () => Promise<void>;
}

export interface PusherOptions {
  readonly device: TestDevice;
  readonly token: string;
  /** Where the relay is now (its port changes when it restarts). */
  readonly baseUrl: () => string;
  readonly plaintext: (index: number) => string;
  readonly maxAttempts: number;
}

export const sleep = (ms: number): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, ms));

export const startPusher = (options: PusherOptions): ContinuousPusher => {
  const { device, token } = options;
  const acked = new Map<string, number>();
  const pushed: Envelope[] = [];
  let stopping = false;
  let attempts = 0;

  /** True when acknowledged, false when the relay could not answer; throws when it refused the set. */
  const pushOnce = async (set: Envelope): Promise<boolean> => {
    try {
      const response = await fetch(`${options.baseUrl()}/v1/push`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ reqId: set.setId, sets: [set] }), signal: AbortSignal.timeout(5000),
      });
      if (response.status !== 200) return false;
      const ack = (await response.json()) as { results: { setId: string; seq?: number }[] };
      const seq = ack.results[0]?.seq;
      if (seq === undefined) throw new Error(`Push refused: ${JSON.stringify(ack.results[0])}`);
      acked.set(set.setId, seq);
      return true;
    } catch (error) {
      if ((error as Error).message.startsWith('Push refused')) throw error;
      return false;
    }
  };

  const running = (async () => {
    while (!stopping && attempts < options.maxAttempts) {
      const set = await device.nextSet([options.plaintext(pushed.length)]);
      pushed.push(set);
      while (!(await pushOnce(set))) {
        attempts += 1;
        if (stopping || attempts >= options.maxAttempts) return;
        await sleep(25);
      }
    }
  })();

  return {
    acked,
    pushed,
    stop: async () => {
      stopping = true;
      await running;
    },
  };
};

/**
 * What a crash must not break, read from a full pull: the team's seqs are 1..n, every device's
 * clientSeqs are 1..k, every acknowledged set is there with its acknowledged seq, and every stored
 * set is byte for byte the envelope its device pushed.
 */
export const expectNothingLost = (stored: readonly StoredSet[], pushers: readonly ContinuousPusher[]): void => {
  expect(stored.map((s) => s.seq)).toEqual(stored.map((_, i) => i + 1));
  const byDevice = new Map<string, StoredSet[]>();
  for (const set of stored) byDevice.set(set.device, [...(byDevice.get(set.device) ?? []), set]);
  for (const sets of byDevice.values()) expect(sets.map((s) => s.clientSeq)).toEqual(sets.map((_, i) => i + 1));
  const storedById = new Map(stored.map((s) => [s.setId, s]));
  const pushedById = new Map(pushers.flatMap((p) => p.pushed.map((s) => [s.setId, s] as const)));
  for (const pusher of pushers) {
    for (const [setId, seq] of pusher.acked) expect(storedById.get(setId)?.seq).toBe(seq);
  }
  for (const set of stored) {
    const { seq: _seq, ...envelope } = set;
    expect(envelope).toEqual(pushedById.get(set.setId));
  }
};
