/**
 * The slice of the extension API the elements reach (storage areas and their change event),
 * kept in memory. An element page in the test runner is an ordinary web page: without this,
 * `browser.storage` from wxt/browser is undefined.
 */
type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

const listeners = new Set<Listener>();

const storageArea = (area: 'session' | 'local') => {
  const values = new Map<string, unknown>();
  const announce = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => {
    if (Object.keys(changes).length === 0) return;
    // The browser announces after the write has landed, never inside the caller's await.
    setTimeout(() => { for (const listener of listeners) listener(changes, area); }, 0);
  };
  const keysOf = (keys?: string | readonly string[] | null): string[] =>
    keys === undefined || keys === null ? [...values.keys()] : typeof keys === 'string' ? [keys] : [...keys];
  return {
    get: async (keys?: string | readonly string[] | null) =>
      Object.fromEntries(keysOf(keys).filter((key) => values.has(key)).map((key) => [key, structuredClone(values.get(key))])),
    set: async (items: Record<string, unknown>) => {
      const changes = Object.fromEntries(Object.entries(items).map(([key, value]) => [key, { oldValue: values.get(key), newValue: value }]));
      for (const [key, value] of Object.entries(items)) values.set(key, structuredClone(value));
      announce(changes);
    },
    remove: async (keys: string | readonly string[]) => {
      const present = keysOf(keys).filter((key) => values.has(key));
      const changes = Object.fromEntries(present.map((key) => [key, { oldValue: values.get(key) }]));
      for (const key of present) values.delete(key);
      announce(changes);
    },
    clear: async () => {
      const changes = Object.fromEntries([...values].map(([key, value]) => [key, { oldValue: value }]));
      values.clear();
      announce(changes);
    },
  };
};

export const fakeBrowser = {
  runtime: { id: 'locket-element-tests' },
  // An unlocked page asks for its window (the side panel opens there) and for its storage permission.
  windows: { getCurrent: async () => ({ id: 1 }) },
  permissions: { contains: async () => true },
  sidePanel: { open: async () => undefined },
  storage: {
    session: storageArea('session'),
    local: storageArea('local'),
    onChanged: {
      addListener: (listener: Listener) => { listeners.add(listener); },
      removeListener: (listener: Listener) => { listeners.delete(listener); },
    },
  },
};

/** Empties both storage areas between tests, announcing it as the browser would. */
export const resetFakeBrowser = async (): Promise<void> => {
  await Promise.all([fakeBrowser.storage.session.clear(), fakeBrowser.storage.local.clear()]);
};
