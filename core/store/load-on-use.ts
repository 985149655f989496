/**
 * A capability whose code is fetched the first time one of its operations is called, so a page
 * that never merges, bulk-edits or applies a track does not load that code before it paints.
 * Invariants: the module is loaded at most once per store; every operation is async already,
 * so waiting for the load changes no caller; a failed load rejects that call and the next
 * call tries again.
 */
type AsyncOps<T> = { readonly [K in keyof T]: (...args: never[]) => Promise<unknown> };

export const loadOnUse = <T extends AsyncOps<T>>(names: Readonly<Record<keyof T, true>>, load: () => Promise<T>): T => {
  let loading: Promise<T> | null = null;
  const loaded = (): Promise<T> => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
  const ops: Record<string, (...args: never[]) => Promise<unknown>> = {};
  for (const name of Object.keys(names)) {
    ops[name] = async (...args: never[]) => {
      const capability: Record<string, ((...args: never[]) => Promise<unknown>) | undefined> = await loaded();
      const op = capability[name];
      if (!op) throw new Error(`The store has no operation ${name}`);
      return op(...args);
    };
  }
  return ops as T;
};
