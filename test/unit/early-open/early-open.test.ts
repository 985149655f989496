import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCKET_DB_NAME } from '../../../core/db/db-name';
import { startEarlyOpen, takeEarlyOpen } from '../../../platform/early-open/early-open';
import { openGateConnection } from '../../../platform/page-services/gate-connection';

const deleted = (name: string): Promise<void> => new Promise((resolve, reject) => {
  const request = indexedDB.deleteDatabase(name);
  request.addEventListener('success', () => resolve());
  request.addEventListener('error', () => reject(request.error ?? new Error('delete failed')));
});

afterEach(async () => {
  (await takeEarlyOpen())?.close();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  await deleted(LOCKET_DB_NAME);
});

describe('opening the account database early', () => {
  it('hands the connection started first to the gate, which opens no other', async () => {
    // The gate's security ports name the extension's own origin.
    vi.stubGlobal('location', { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' });
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 Chrome/156.0' });
    const opens = vi.spyOn(indexedDB, 'open');
    startEarlyOpen();
    const gate = await openGateConnection(() => undefined);

    expect(opens).toHaveBeenCalledTimes(1);
    expect(gate.isOpen()).toBe(true);
    expect([...gate.db.objectStoreNames]).toContain('records');
    gate.db.close();
  });

  it('hands it over once: a later connection is the caller’s own', async () => {
    startEarlyOpen();
    const first = await takeEarlyOpen();
    expect(first?.name).toBe(LOCKET_DB_NAME);
    expect(await takeEarlyOpen()).toBeNull();
    first?.close();
  });

  it('does not hand over a connection the browser closed before it was taken', async () => {
    startEarlyOpen();
    // Opened, then the database is deleted (as a sweep of a cancelled account does): the connection is closed for it.
    await new Promise((resolve) => { setTimeout(resolve, 50); });
    await deleted(LOCKET_DB_NAME);
    expect(await takeEarlyOpen()).toBeNull();
  });

  it('gives nothing when no page started it', async () => {
    expect(await takeEarlyOpen()).toBeNull();
  });
});
