/**
 * Fakes whose answers a test controls: answered now, refused with a typed failure, or held
 * until the test lets them go (to see busy states, and late answers arriving out of order).
 */

/** An object with only the members a test gave it; any other member throws when called, naming itself. */
export const fakeWith = <T extends object>(name: string, members: Partial<T>): T =>
  new Proxy(members as T, {
    get: (target, key, receiver) => {
      // Probes by libraries (a promise's `then`, Lit's `_$litDirective$`) must see an absent member, not a fake.
      if (key in target || typeof key === 'symbol' || key === 'then' || /^[_$]/.test(key)) return Reflect.get(target, key, receiver) as unknown;
      return () => { throw new Error(`The test gave ${name} no ${String(key)}.`); };
    },
  });

export interface Held<T> {
  readonly promise: Promise<T>;
  readonly resolve: (value: T) => void;
  readonly reject: (error: unknown) => void;
}

export const held = <T>(): Held<T> => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
};

/** One call of a controlled function: what it was given, and the answer the test has yet to send. */
export interface HeldCall<Args extends unknown[], T> extends Held<T> {
  readonly args: Args;
}

/**
 * A function whose every call waits for the test: `calls[i].resolve(value)` answers the i-th
 * call, `calls[i].reject(error)` fails it. Answering a later call first reproduces a slow
 * earlier request that comes back after a newer one.
 */
export const controlled = <Args extends unknown[], T>() => {
  const calls: HeldCall<Args, T>[] = [];
  const fn = (...args: Args): Promise<T> => {
    const call = { ...held<T>(), args };
    calls.push(call);
    return call.promise;
  };
  return { fn, calls };
};

/** The failure a write raises when the browser has no room left (as core/store/store-errors types it). */
export const storageFullError = (): Error => Object.assign(new Error('storage-full'), { name: 'StorageFullError', type: 'storage-full' });

/** Lets pending promise callbacks and a rendered frame run. */
export const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
