/**
 * How a worker method is declared, once: the schemas of its arguments, the type of its
 * result, whether it waits for the store to open, and which bytes move across instead of
 * being copied. The host (validation, deferral), the client (the type pages call, progress
 * proxies, transfers) and the implementation's type are all derived from this.
 */
import type * as v from 'valibot';

/** Any schema an argument is checked against; progress callbacks are `v.custom` functions. */
export type ArgSchema = v.GenericSchema;

/** Carries a result type without a value: `result: returns<SearchHit[]>()`. */
export interface Returns<T> { readonly resultType?: T }
export const returns = <T>(): Returns<T> => ({});
/** For a method whose answer is only that it finished. */
export const returnsNothing = (): Returns<void> => ({});

export interface MethodSpec<Args extends readonly ArgSchema[], Result, Waits extends boolean = boolean> {
  readonly args: Args;
  readonly result: Returns<Result>;
  /** Every call waits for the store to open unless this is false (`open` itself). */
  readonly waitsForOpen?: Waits;
  /** Buffers of the result handed over to the page (the worker's copy is left empty). */
  readonly movesOut?: (result: Result) => readonly Transferable[];
}

// Argument schemas with a role beyond checking, read by the client when it sends a call.
const movedSchemas = new WeakSet<ArgSchema>();
const progressSchemas = new WeakSet<ArgSchema>();

/** Marks a byte-array argument as moved: the page's copy is left empty once sent. */
export const moved = <S extends v.GenericSchema<unknown, Uint8Array>>(schema: S): S => {
  movedSchemas.add(schema);
  return schema;
};
export const isMoved = (schema: ArgSchema | undefined): boolean => schema !== undefined && movedSchemas.has(schema);

/**
 * Marks a progress callback: the page sends it as a comlink proxy, and the session counts the
 * job's progress as activity so that auto-lock does not end the worker mid-job.
 */
export const progress = <S extends ArgSchema>(schema: S): S => {
  progressSchemas.add(schema);
  return schema;
};
export const isProgress = (schema: ArgSchema | undefined): boolean => schema !== undefined && progressSchemas.has(schema);

const callbackSchemas = new WeakSet<ArgSchema>();
/**
 * Marks a callback the worker calls back and waits on (a security key prompt, which only a page
 * can show): the page sends it as a comlink proxy and its answer returns to the worker.
 */
export const callback = <S extends ArgSchema>(schema: S): S => {
  callbackSchemas.add(schema);
  return schema;
};
export const isCallback = (schema: ArgSchema | undefined): boolean => schema !== undefined && callbackSchemas.has(schema);

/** Declares one worker method. Waits for the store to open unless told otherwise. */
export const method = <const Args extends readonly ArgSchema[], Result, const Waits extends boolean = true>(
  spec: MethodSpec<Args, Result, Waits>,
): MethodSpec<Args, Result, Waits> => spec;

export const waitsForOpen = (spec: AnyMethod): boolean => spec.waitsForOpen !== false;

// Any spec: results vary per method, and a function of a specific result is not one of `unknown`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMethod = MethodSpec<readonly ArgSchema[], any>;
export type Contract = Readonly<Record<string, AnyMethod>>;

/**
 * Declares the type a page sends where the schema's own input type is narrower than the
 * domain type the worker hands out (a mapping from previewImport goes back to planImport).
 */
export const sentAs = <Sent>() => <S extends ArgSchema>(schema: S): S & SentType<Sent> =>
  Object.assign<S, SentType<Sent>>(schema, {});
interface SentType<Sent> { readonly '~sent'?: Sent }

/** What a page may pass: readonly anywhere, any kind of buffer behind a byte array. */
type Sendable<T> =
  T extends (...args: never[]) => unknown ? T
    : T extends Uint8Array ? Uint8Array
      : T extends readonly (infer E)[] ? readonly Sendable<E>[]
        : T extends object ? { readonly [K in keyof T]: Sendable<T[K]> }
          : T;

type SentOf<S extends ArgSchema> = '~sent' extends keyof S ? Exclude<S[keyof S & '~sent'], undefined> : Sendable<v.InferInput<S>>;

/** Arguments as sent: optional schemas become optional parameters. */
type InputArgs<A extends readonly unknown[]> =
  A extends readonly [infer First extends ArgSchema, ...infer Rest]
    ? undefined extends v.InferInput<First>
      ? [SentOf<First>?, ...InputArgs<Rest>]
      : [SentOf<First>, ...InputArgs<Rest>]
    : [];

/** Checked values are the implementation's to read, not to change. */
type Checked<T> = T extends (...args: never[]) => unknown ? T : Readonly<T>;

/** Arguments as the implementation receives them: checked against their schemas. */
type CheckedArgs<A extends readonly unknown[]> =
  A extends readonly [infer First extends ArgSchema, ...infer Rest]
    ? undefined extends v.InferOutput<First>
      ? [Checked<v.InferOutput<First>>?, ...CheckedArgs<Rest>]
      : [Checked<v.InferOutput<First>>, ...CheckedArgs<Rest>]
    : [];

type ResultOf<M> = M extends MethodSpec<readonly ArgSchema[], infer R> ? R : never;
type ArgsOf<M> = M extends { readonly args: infer A } ? A : never;

/** The type a page calls: every method of the contract, as it is sent. */
export type ClientOf<C extends Contract> = {
  readonly [K in keyof C]: (...args: InputArgs<ArgsOf<C[K]>>) => Promise<ResultOf<C[K]>>;
};

/** What the worker implements: every method, called only with checked arguments. */
export type ImplementationOf<C extends Contract> = {
  readonly [K in keyof C]: (...args: CheckedArgs<ArgsOf<C[K]>>) => Promise<ResultOf<C[K]>>;
};

/** The names of the methods that need the open store, and of those that do not. */
export type ImmediateMethods<C extends Contract> = { [K in keyof C]: C[K] extends { readonly waitsForOpen?: false } ? K : never }[keyof C];
export type WaitingMethods<C extends Contract> = Exclude<keyof C, ImmediateMethods<C>>;
