/** Every time-dependent rule takes its `now` from an injected clock, so tests move time instead of waiting. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  readonly now: () => number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests can move by hand. */
export interface ManualClock extends Clock {
  readonly set: (ms: number) => void;
  readonly advance: (ms: number) => void;
}

export const createManualClock = (start: number): ManualClock => {
  let current = start;
  return {
    now: () => current,
    set: (ms) => { current = ms; },
    advance: (ms) => { current += ms; },
  };
};
