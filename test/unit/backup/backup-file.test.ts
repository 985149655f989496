import { GENESIS_HASH, legacyAuditEntryHash, type AuditEntry } from '../../../core/audit/audit-log';
import { describe, expect, it } from 'vitest';
import { readBackup, writeBackup } from '../../../core/backup/backup-file';
import { BACKUP_DAMAGED, type BackupContents } from '../../../core/backup/types';
import { createManualClock } from '../../../core/clock';
import { createIdFactory } from '../../../core/ids';
import type { LocketRecord } from '../../../core/records/types';
import { defaultVaultDeps } from '../../../core/vault/deps';
import { DEFAULT_KDF_ITERATIONS } from '../../../core/vault/kdf';
import {
  createArchiveHarness, noProgress, PASSWORD, rawDatabase, saved, seedAccount, TEST_KDF_ITERATIONS,
} from './archive-harness';

const crypto = defaultVaultDeps();
const newId = createIdFactory(createManualClock(Date.UTC(2025, 0, 1)));

const personRecord = (emails: string[]): LocketRecord => ({
  id: newId(), kind: 'person', createdAt: 1, updatedAt: 2, deletedAt: null,
  fields: {
    firstName: 'Ada', lastName: 'Lovelace', jobTitle: '', organisationId: null, emails, phones: [], websites: [],
    addresses: [], tags: [], customFields: [], consent: null, owner: 'owner', cadenceDays: null,
  },
});

const contents = (records: LocketRecord[]): BackupContents => ({
  createdAt: Date.UTC(2025, 0, 1), records: records.map((record) => ({ record, deletedBy: null })), settings: null, audit: [], auditKey: null,
});

const roundTrip = async (input: BackupContents) =>
  readBackup(await writeBackup(input, PASSWORD, { iterations: TEST_KDF_ITERATIONS, crypto }), PASSWORD, { crypto });

describe('backup file', () => {
  it('opens what it sealed', async () => {
    const input = contents([personRecord(['ada@example.org'])]);
    expect(saved(await roundTrip(input))).toEqual(input);
  });

  it('refuses a sealed record that does not pass validation', async () => {
    expect(await roundTrip(contents([personRecord(['not an address'])]))).toEqual({ ok: false, error: BACKUP_DAMAGED });
  });

  it('refuses a sealed audit log whose chain is broken', async () => {
    const harness = await createArchiveHarness();
    await seedAccount(harness);
    const entries = await harness.store.audit.entries();
    const auditKey = harness.deps.auditKeys?.raw ?? null;
    const edited = entries.map((entry, index) => (index === 0 ? { ...entry, detail: { ...entry.detail, rows: 999 } } : entry));
    expect(await roundTrip({ ...contents([]), audit: edited, auditKey })).toEqual({ ok: false, error: BACKUP_DAMAGED });
    expect(await roundTrip({ ...contents([]), audit: entries.slice(1), auditKey })).toEqual({ ok: false, error: BACKUP_DAMAGED });
    // Without the key it was made with, a keyed log does not check out as an unkeyed one either.
    expect(await roundTrip({ ...contents([]), audit: entries, auditKey: null })).toEqual({ ok: false, error: BACKUP_DAMAGED });
    expect(saved(await roundTrip({ ...contents([]), audit: entries, auditKey })).audit).toEqual(entries);
  });

  it('still opens a backup made before keyed hashes: its log chained with plain SHA-256 and no key inside', async () => {
    const harness = await createArchiveHarness();
    await seedAccount(harness);
    const unkeyed: AuditEntry[] = [];
    for (const entry of await harness.store.audit.entries()) {
      const unhashed = { ...entry, prevHash: unkeyed.at(-1)?.hash ?? GENESIS_HASH };
      unkeyed.push({ ...unhashed, hash: await legacyAuditEntryHash(unhashed) });
    }
    expect(saved(await roundTrip({ ...contents([]), audit: unkeyed, auditKey: null })).audit).toEqual(unkeyed);
  });

  it('stretches the password with the vault\'s iteration count unless told otherwise', async () => {
    const file = await writeBackup(contents([]), PASSWORD, { crypto });
    const header = JSON.parse(new TextDecoder().decode(file.subarray(0, file.indexOf(0x0a))));
    expect(header).toMatchObject({ format: 'locket-backup', version: 1, kdf: { algorithm: 'PBKDF2-SHA256', iterations: DEFAULT_KDF_ITERATIONS } });
    expect(header.kdf.salt).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it('makes a different file from the same data each time (fresh salt and IVs)', async () => {
    const input = contents([personRecord(['ada@example.org'])]);
    const first = await writeBackup(input, PASSWORD, { iterations: TEST_KDF_ITERATIONS, crypto });
    const second = await writeBackup(input, PASSWORD, { iterations: TEST_KDF_ITERATIONS, crypto });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false);
  });

  it('refuses, through the worker API, a backup with a forged record and changes nothing', async () => {
    const harness = await createArchiveHarness();
    await seedAccount(harness);
    const forged = await writeBackup(contents([personRecord(['not an address'])]), PASSWORD, { iterations: TEST_KDF_ITERATIONS, crypto });
    const before = await rawDatabase(harness.db);
    expect(await harness.archive.restoreBackup(forged, PASSWORD, noProgress)).toEqual({ ok: false, error: BACKUP_DAMAGED });
    expect(await rawDatabase(harness.db)).toEqual(before);
  });
});
