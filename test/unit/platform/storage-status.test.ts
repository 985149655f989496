import { describe, expect, it } from 'vitest';
import { askToKeepData, readStorageStatus, type StoragePorts } from '../../../platform/retention/storage-status';

/** A browser's storage as Chromium answers an extension: persist() is refused, whatever the permission. */
const aBrowser = ({ usage, persistGranted, unlimited }: { usage?: number; persistGranted: boolean; unlimited: boolean }) => {
  let persisted = false;
  const asked: string[] = [];
  const ports: StoragePorts = {
    storage: {
      estimate: async () => (usage === undefined ? {} : { usage, quota: 10 * usage }),
      persisted: async () => persisted,
      persist: async () => { asked.push('persist'); persisted = persistGranted; return persisted; },
    },
    hasUnlimitedStorage: async () => unlimited,
  };
  return { ports, asked };
};

describe('storage status', () => {
  it('counts the data as kept with unlimitedStorage even though the browser refuses persist()', async () => {
    const { ports } = aBrowser({ usage: 12_900_000, persistGranted: false, unlimited: true });
    expect(await readStorageStatus(ports)).toEqual({ usage: 12_900_000, kept: true });
    expect(await askToKeepData(ports)).toBe(true);
  });

  it('says the data is not kept when neither the permission nor persist() keeps it, and asking changes that once granted', async () => {
    const refused = aBrowser({ usage: 2048, persistGranted: false, unlimited: false });
    expect(await readStorageStatus(refused.ports)).toEqual({ usage: 2048, kept: false });
    expect(await askToKeepData(refused.ports)).toBe(false);

    const granted = aBrowser({ persistGranted: true, unlimited: false });
    expect(await askToKeepData(granted.ports)).toBe(true);
    expect(granted.asked).toEqual(['persist']);
    expect(await readStorageStatus(granted.ports)).toEqual({ usage: null, kept: true });
  });
});
