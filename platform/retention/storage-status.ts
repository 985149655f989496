/** How much this extension's origin stores, and whether the browser keeps it when the disk runs low. */
export interface StorageStatus {
  /** Bytes used by Locket's origin (IndexedDB and the rest), as the browser estimates them; null when it does not say. */
  readonly usage: number | null;
  /**
   * True when the browser does not evict Locket's data under storage pressure: it holds the
   * `unlimitedStorage` permission (Chromium never evicts such an origin, and answers persist()
   * with false for extensions), or the browser granted persist().
   */
  readonly kept: boolean;
}

/** What the status is read from, injected so that pages and tests can each give their own. */
export interface StoragePorts {
  readonly storage: Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>;
  /** Whether the extension holds the `unlimitedStorage` permission now. */
  readonly hasUnlimitedStorage: () => Promise<boolean>;
}

export const readStorageStatus = async ({ storage, hasUnlimitedStorage }: StoragePorts): Promise<StorageStatus> => {
  const [estimate, persisted, unlimited] = await Promise.all([storage.estimate(), storage.persisted(), hasUnlimitedStorage()]);
  return { usage: estimate.usage ?? null, kept: unlimited || persisted };
};

/**
 * Asks the browser to keep Locket's data when the disk runs low: this device holds the only
 * copy of the records. Resolves with whether it is kept now, by either way.
 */
export const askToKeepData = async (ports: StoragePorts): Promise<boolean> => {
  const persisted = await ports.storage.persist();
  return persisted || ports.hasUnlimitedStorage();
};
