/**
 * The worker's side of a contract. Every call is checked against its method's schemas before
 * anything runs (a refusal is a WorkerInputRefused and nothing is done); calls that need the
 * store wait for it inside the call; declared result buffers are moved, not copied.
 *
 * The host answers as soon as it is exposed: the worker must listen for messages from its
 * first moment, since a page may call before the store has opened, and a message that
 * arrives with no listener is lost.
 */
import * as Comlink from 'comlink';
import * as v from 'valibot';
import {
  waitsForOpen, type AnyMethod, type ClientOf, type Contract, type ImmediateMethods, type ImplementationOf, type WaitingMethods,
} from './contracts/method';
import { WorkerInputRefused } from './contracts/refusal';

type LooseCall = (...args: unknown[]) => Promise<unknown>;
type LooseImplementation = Readonly<Record<string, LooseCall>>;

export interface HostParts<C extends Contract> {
  /** The methods that answer before the store is open (`open`). */
  readonly immediate: ImplementationOf<Pick<C, ImmediateMethods<C>>>;
  /** Everything else, once the store is open. */
  readonly ready: Promise<ImplementationOf<Pick<C, WaitingMethods<C>>>>;
}

const argumentCheck = (name: string, spec: AnyMethod) => {
  const schema = v.strictTuple([...spec.args]);
  return (args: readonly unknown[]): unknown[] => {
    const checked = v.safeParse(schema, args);
    if (!checked.success) throw new WorkerInputRefused(name, checked.issues[0].message);
    return checked.output;
  };
};

const checkedCalls = (
  contract: Contract, implementationOf: (name: string, spec: AnyMethod) => Promise<LooseCall | undefined> | LooseCall | undefined,
): Record<string, LooseCall> => Object.fromEntries(Object.entries(contract).map(([name, spec]) => {
  const check = argumentCheck(name, spec);
  const call = async (...args: unknown[]): Promise<unknown> => {
    const checked = check(args);
    const implementation = await implementationOf(name, spec);
    if (!implementation) throw new Error(`The worker does not implement ${name}.`);
    const result = await implementation(...checked);
    return spec.movesOut ? Comlink.transfer(result, [...spec.movesOut(result)]) : result;
  };
  return [name, call];
}));

/**
 * The API a worker exposes with `Comlink.expose`. The casts below are sound by construction:
 * every name is a key of `contract`, each implementation's type is derived from that same
 * contract, and each call passes it the arguments its schemas just produced.
 */
export const hostContract = <C extends Contract>(contract: C, { immediate, ready }: HostParts<C>): ClientOf<C> => {
  const now = immediate as unknown as LooseImplementation;
  const later = ready as unknown as Promise<LooseImplementation>;
  return checkedCalls(contract, async (name, spec) => (waitsForOpen(spec) ? (await later)[name] : now[name])) as ClientOf<C>;
};

/** The same checks on an implementation used in place, without comlink or waiting (benchmarks, tests). */
export const validated = <C extends Contract>(contract: C, implementation: ImplementationOf<C>): ClientOf<C> => {
  const calls = implementation as unknown as LooseImplementation;
  return checkedCalls(contract, (name) => calls[name]) as ClientOf<C>;
};
