/** How much this extension's origin stores, and whether the browser has promised not to evict it. */
export interface StorageStatus {
  /** Bytes used by Locket's origin (IndexedDB and the rest), as the browser estimates them; null when it does not say. */
  readonly usage: number | null;
  /** True when the browser keeps the data even when the disk runs low. */
  readonly persisted: boolean;
}

/** The browser's StorageManager, injected so that pages and tests can each give their own. */
export type StorageManagerPort = Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>;

export const readStorageStatus = async (storage: StorageManagerPort): Promise<StorageStatus> => {
  const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted()]);
  return { usage: estimate.usage ?? null, persisted };
};

/**
 * Asks the browser to keep Locket's data when the disk runs low. The only copy of the records
 * is on this device, so eviction would lose them; the answer is the browser's, shown under Retention.
 */
export const askToKeepData = (storage: StorageManagerPort): Promise<boolean> => storage.persist();
