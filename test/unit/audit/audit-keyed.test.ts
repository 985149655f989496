import { describe, expect, it } from 'vitest';
import { createAuditLog, GENESIS_HASH, legacyAuditEntryHash, type AuditEntry } from '../../../core/audit/audit-log';
import { AUDIT_KEYED_KEY, keyLegacyAuditLog } from '../../../core/audit/audit-rekey';
import { auditKeysFrom, deriveAuditKeys, legacyEmailHash } from '../../../core/audit/hash';
import { PASSWORD, withAccount } from '../vault/access-harness';
import { ok } from '../vault/helpers';
import { createHarness, person, saved } from '../store/harness';

/** What someone with a copy of the profile but not the key can do: rewrite the chain with hashes they can compute. */
const rechainedWith = async (entries: readonly AuditEntry[], hash: (entry: Omit<AuditEntry, 'hash'>) => Promise<string>) => {
  const out: AuditEntry[] = [];
  let previous = GENESIS_HASH;
  for (const entry of entries) {
    const unhashed = { ...entry, prevHash: previous };
    const next = { ...unhashed, hash: await hash(unhashed) };
    out.push(next);
    previous = next.hash;
  }
  return out;
};

describe('the keyed audit log', () => {
  it('refuses an edited log whose hashes were all recomputed without the key', async () => {
    const { store, db } = await createHarness();
    for (const rows of [1, 2, 3]) await store.audit.append({ type: 'export-taken', by: 'owner', subjects: [], detail: { rows } });
    const entries = await store.audit.entries();
    const edited = entries.map((entry, index) => (index === 1 ? { ...entry, detail: { rows: 999 } } : entry));
    const otherKey = auditKeysFrom(crypto.getRandomValues(new Uint8Array(32)));
    for (const forged of [await rechainedWith(edited, legacyAuditEntryHash), await rechainedWith(edited, (entry) => otherKey.mac(entry.prevHash + JSON.stringify(entry)))]) {
      await Promise.all(forged.map((entry) => db.put('audit', entry)));
      const head = forged.at(-1);
      await db.put('meta', { seq: head?.seq, hash: head?.hash }, 'audit-head');
      expect(await store.audit.verifyChain()).toMatchObject({ ok: false, seq: 1, reason: 'altered after it was written' });
    }
  });

  it('keeps suppressed emails so that a copy of the profile cannot test an address against them', async () => {
    const { store, db } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace', { emails: ['ada@example.com'] })));
    await store.erase(ada.id, { suppressEmails: true });
    const stored = (await db.getAll('suppressed')).map((row) => (row as { hash: string }).hash);
    expect(stored).toHaveLength(1);
    // The plain hash anyone can compute, and the keyed hash under any other key, both miss.
    expect(stored).not.toContain(await legacyEmailHash('ada@example.com'));
    const guess = auditKeysFrom(crypto.getRandomValues(new Uint8Array(32)));
    expect(stored).not.toContain(await guess.mac('locket-email:ada@example.com'));
    expect(await store.isSuppressed(' ADA@example.com ')).toBe(true);
    expect(await store.isSuppressed('grace@example.com')).toBe(false);
  });

  it('still matches a suppressed email written by an earlier version as a plain hash', async () => {
    const { store, db } = await createHarness();
    await db.put('suppressed', { hash: await legacyEmailHash('old@example.com'), at: 1 });
    expect(await store.isSuppressed('Old@Example.com')).toBe(true);
  });

  it('writes entries while locked unsealed and chains them at the next unlock', async () => {
    const harness = await withAccount();
    harness.lock();
    const locked = createAuditLog({ db: harness.db, clock: harness.clock, keys: async () => null });
    const written = await locked.append({ type: 'records-purged', by: 'sweep', subjects: [], detail: { person: 2 } });
    expect(written).toMatchObject({ prevHash: '', hash: '' });
    ok(await harness.access.unlock(PASSWORD));

    const entries = await harness.ports.audit.entries();
    const purged = entries.find((entry) => entry.type === 'records-purged');
    expect(purged?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(entries.at(-1)).toMatchObject({ type: 'unlocked', prevHash: purged?.hash });
    expect(await harness.ports.audit.verifyChain()).toEqual({ ok: true, count: entries.length });
  });

  it('chains a log written by an earlier version again under the key at unlock, once, if it held', async () => {
    const { store, db } = await createHarness();
    for (const rows of [1, 2]) await store.audit.append({ type: 'export-taken', by: 'owner', subjects: [], detail: { rows } });
    const legacy = await rechainedWith(await store.audit.entries(), legacyAuditEntryHash);
    await Promise.all(legacy.map((entry) => db.put('audit', entry)));
    await db.put('meta', { seq: 2, hash: legacy.at(-1)?.hash }, 'audit-head');
    const keys = await deriveAuditKeys(crypto.getRandomValues(new Uint8Array(32)));
    const log = createAuditLog({ db, clock: { now: () => 0 }, keys: async () => keys });
    expect(await log.verifyChain()).toMatchObject({ ok: false });

    const KEYED_AT = Date.UTC(2026, 0, 5);
    expect(await keyLegacyAuditLog(db, keys, KEYED_AT)).toBe(2);
    expect(await log.verifyChain()).toEqual({ ok: true, count: 2 });
    expect(await db.get('meta', AUDIT_KEYED_KEY)).toEqual({ at: KEYED_AT });
    expect(await keyLegacyAuditLog(db, keys, KEYED_AT + 1)).toBe(0);
  });
});
