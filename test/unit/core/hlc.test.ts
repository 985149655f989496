import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../core/clock';
import {
  DEFAULT_MAX_DRIFT_MS, MAX_COUNTER, MAX_WALL_MS, compareHlc, createHlc, formatHlc, parseHlc, type HlcTimestamp,
} from '../../../core/hlc';

const START = Date.UTC(2025, 0, 1);
const nodeIdArb = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/);

/** Clock jumps, including backwards ones, and local events. */
const localOpArb = fc.oneof(
  fc.constant({ type: 'tick' as const }),
  fc.record({ type: fc.constant('move' as const), by: fc.integer({ min: -600_000, max: 600_000 }) }),
  fc.record({ type: fc.constant('stall' as const) }),
);

const sign = (n: number): number => Math.sign(n);
const compareTuples = (a: HlcTimestamp, b: HlcTimestamp): number =>
  a.wallMs - b.wallMs || a.counter - b.counter || (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0);

const expectOk = (result: ReturnType<ReturnType<typeof createHlc>['receive']>): string => {
  if (!result.ok) throw new Error(`receive refused: ${result.error.reason}`);
  return result.value;
};

describe('hybrid logical clock', () => {
  it('gives every local event a strictly greater timestamp, even when the wall clock goes backwards', () => {
    fc.assert(fc.property(fc.array(localOpArb, { minLength: 1, maxLength: 200 }), (ops) => {
      const clock = createManualClock(START);
      const hlc = createHlc({ clock, nodeId: 'a' });
      let previous = '';
      for (const op of ops) {
        if (op.type === 'move') clock.advance(op.by);
        else {
          const next = hlc.tick();
          expect(compareHlc(next, previous)).toBe(1);
          previous = next;
        }
      }
    }));
  });

  it('follows the wall clock when it moves forward', () => {
    const clock = createManualClock(START);
    const hlc = createHlc({ clock, nodeId: 'a' });
    hlc.tick();
    clock.advance(250);
    expect(parseHlc(hlc.tick())).toEqual({ wallMs: START + 250, counter: 0, nodeId: 'a' });
  });

  it('answers a received timestamp with one greater than both the local and the remote', () => {
    fc.assert(fc.property(
      fc.array(localOpArb, { maxLength: 50 }),
      fc.integer({ min: -DEFAULT_MAX_DRIFT_MS * 2, max: DEFAULT_MAX_DRIFT_MS }),
      fc.integer({ min: 0, max: MAX_COUNTER }),
      nodeIdArb,
      (ops, remoteOffset, remoteCounter, remoteNode) => {
        const clock = createManualClock(START);
        const hlc = createHlc({ clock, nodeId: 'local' });
        let local = '';
        for (const op of ops) {
          if (op.type === 'move') clock.advance(op.by);
          else local = hlc.tick();
        }
        const remote = formatHlc({ wallMs: clock.now() + remoteOffset, counter: remoteCounter, nodeId: remoteNode });
        const merged = expectOk(hlc.receive(remote));
        expect(compareHlc(merged, local)).toBe(1);
        expect(compareHlc(merged, remote)).toBe(1);
        expect(compareHlc(hlc.tick(), merged)).toBe(1);
      },
    ));
  });

  it('orders encoded timestamps exactly as their (wallMs, counter, nodeId) tuples', () => {
    const tupleArb = fc.record({
      wallMs: fc.integer({ min: 0, max: MAX_WALL_MS }),
      counter: fc.integer({ min: 0, max: MAX_COUNTER }),
      nodeId: nodeIdArb,
    });
    fc.assert(fc.property(tupleArb, tupleArb, (a, b) => {
      expect(sign(compareHlc(formatHlc(a), formatHlc(b)))).toBe(sign(compareTuples(a, b)));
      expect(parseHlc(formatHlc(a))).toEqual(a);
    }));
  });

  it('never gives two events the same timestamp across two nodes exchanging messages', () => {
    const opArb = fc.oneof(
      fc.record({ type: fc.constant('tick' as const), node: fc.constantFrom(0, 1) }),
      fc.record({ type: fc.constant('send' as const), from: fc.constantFrom(0, 1) }),
      fc.record({ type: fc.constant('move' as const), node: fc.constantFrom(0, 1), by: fc.integer({ min: -5_000, max: 5_000 }) }),
    );
    fc.assert(fc.property(fc.array(opArb, { minLength: 1, maxLength: 200 }), (ops) => {
      // Each device has its own, independently wrong, wall clock.
      const clocks = [createManualClock(START), createManualClock(START + 3)] as const;
      const nodes = [createHlc({ clock: clocks[0], nodeId: 'device-a' }), createHlc({ clock: clocks[1], nodeId: 'device-b' })] as const;
      const seen: string[] = [];
      for (const op of ops) {
        if (op.type === 'move') clocks[op.node].advance(op.by);
        else if (op.type === 'tick') seen.push(nodes[op.node].tick());
        else {
          const to = op.from === 0 ? 1 : 0;
          const sent = nodes[op.from].tick();
          seen.push(sent, expectOk(nodes[to].receive(sent)));
        }
      }
      expect(new Set(seen).size).toBe(seen.length);
    }));
  });

  it('refuses a remote timestamp more than an hour ahead and stays where it was', () => {
    const clock = createManualClock(START);
    const hlc = createHlc({ clock, nodeId: 'a' });
    const before = hlc.tick();
    const remote = formatHlc({ wallMs: START + DEFAULT_MAX_DRIFT_MS + 1, counter: 0, nodeId: 'b' });
    expect(hlc.receive(remote)).toEqual({
      ok: false, error: { reason: 'drift', remote, aheadMs: DEFAULT_MAX_DRIFT_MS + 1 },
    });
    const after = hlc.tick();
    expect(parseHlc(after)?.wallMs).toBe(START);
    expect(compareHlc(after, before)).toBe(1);
    expect(hlc.receive(formatHlc({ wallMs: START + DEFAULT_MAX_DRIFT_MS, counter: 0, nodeId: 'b' })).ok).toBe(true);
  });

  it('takes a custom drift allowance', () => {
    const clock = createManualClock(START);
    const hlc = createHlc({ clock, nodeId: 'a', maxDriftMs: 1_000 });
    expect(hlc.receive(formatHlc({ wallMs: START + 1_001, counter: 0, nodeId: 'b' })).ok).toBe(false);
    expect(hlc.receive(formatHlc({ wallMs: START + 1_000, counter: 0, nodeId: 'b' })).ok).toBe(true);
  });

  it.each(['', 'garbage', '1735689600000-0-a', '1735689600000-00000-', '1735689600000-00000-bad id', '1735689600000_00000-a'])(
    'refuses the malformed remote %j',
    (remote) => {
      const hlc = createHlc({ clock: createManualClock(START), nodeId: 'a' });
      expect(hlc.receive(remote)).toEqual({ ok: false, error: { reason: 'malformed', remote } });
      expect(parseHlc(remote)).toBeUndefined();
    },
  );

  it('borrows the next millisecond when the counter runs out, and keeps increasing', () => {
    const clock = createManualClock(START);
    const hlc = createHlc({ clock, nodeId: 'a' });
    let previous = hlc.tick();
    for (let i = 0; i < MAX_COUNTER + 5; i += 1) {
      const next = hlc.tick();
      if (next <= previous) throw new Error(`${next} is not after ${previous}`);
      previous = next;
    }
    expect(parseHlc(previous)).toEqual({ wallMs: START + 1, counter: 4, nodeId: 'a' });
    const fromFullRemote = expectOk(hlc.receive(formatHlc({ wallMs: START + 1, counter: MAX_COUNTER, nodeId: 'b' })));
    expect(parseHlc(fromFullRemote)).toEqual({ wallMs: START + 2, counter: 0, nodeId: 'a' });
  });

  it('resumes after a restart without reissuing a timestamp, even if the clock went back', () => {
    const clock = createManualClock(START);
    const first = createHlc({ clock, nodeId: 'a' });
    first.tick();
    const last = first.tick();
    clock.advance(-60_000);
    const resumed = createHlc({ clock, nodeId: 'a', last });
    expect(compareHlc(resumed.tick(), last)).toBe(1);
  });

  it('refuses a node id that would break the encoding', () => {
    const clock = createManualClock(START);
    expect(() => createHlc({ clock, nodeId: '' })).toThrow(RangeError);
    expect(() => createHlc({ clock, nodeId: 'has space' })).toThrow(RangeError);
    expect(() => createHlc({ clock, nodeId: 'a', last: 'nonsense' })).toThrow(RangeError);
  });
});

describe('adopt', () => {
  it('moves the clock past a stamp too far ahead to receive, so the next local stamp is greater', () => {
    const clock = createManualClock(START);
    const hlc = createHlc({ clock, nodeId: 'a' });
    const ahead = formatHlc({ wallMs: START + DEFAULT_MAX_DRIFT_MS + 5_000, counter: 3, nodeId: 'b' });
    expect(hlc.receive(ahead).ok).toBe(false);
    expect(hlc.tick() < ahead).toBe(true);
    hlc.adopt(ahead);
    expect(hlc.tick() > ahead).toBe(true);
  });

  it('never moves the clock back, and ignores a malformed stamp', () => {
    const clock = createManualClock(START);
    const hlc = createHlc({ clock, nodeId: 'a' });
    const first = hlc.tick();
    hlc.adopt(formatHlc({ wallMs: START - 10_000, counter: 0, nodeId: 'b' }));
    hlc.adopt('not a stamp');
    expect(hlc.tick() > first).toBe(true);
  });
});
