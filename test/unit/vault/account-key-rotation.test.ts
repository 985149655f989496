import { describe, expect, it } from 'vitest';
import { unlockWithPrf, unlockWithRecoveryCode } from '../../../core/vault/vault';
import { parseVaultRecord } from '../../../core/vault/vault-schema';
import { PASSWORD, type AccessHarness } from './access-harness';
import { TEST_KDF_BOUNDS, ok } from './helpers';
import { auditLogFor, copyOfProfile, populatedAccount, readWith, storedValues, storeFor } from './rotation-fixture';
import type { SoftKey } from './soft-ceremonies';

const earlierRecord = (stored: unknown) => {
  const parsed = parseVaultRecord(stored, TEST_KDF_BOUNDS);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

const unlockWith = async (harness: AccessHarness, key: SoftKey) => {
  harness.lock();
  harness.waitOutThrottle();
  harness.ceremonies.hold(key);
  ok(await harness.access.unlock(PASSWORD));
  const session = harness.session();
  if (!session) throw new Error('No session after unlocking');
  return session;
};

const sealedEverywhere = (read: Map<string, unknown>) => [...read.values()].every((value) => value === 'sealed');

describe('removing a key draws a new account key', () => {
  it('so an earlier copy of the profile, the password and the removed key open none of the current rows', async () => {
    const { harness, blue, red, keys } = await populatedAccount();
    const copy = await copyOfProfile(harness.db);
    const record = earlierRecord(copy.vault);
    const redOutput = await red.key.evaluatePrf(record.secondFactor!.prfSalt);
    // What the attacker gets from the copy: the account key as it was.
    const stolen = ok(await unlockWithPrf(record, PASSWORD, red.key.credentialId, redOutput!, harness.ports.deps));
    const before = await readWith(keys.accountKey, await storedValues(harness.db));
    expect([...before.values()].some((value) => value === 'sealed')).toBe(false);

    harness.ceremonies.hold(blue.key);
    ok(await harness.account.removeKey(keys, PASSWORD, red.key.credentialId));

    const current = await storedValues(harness.db);
    expect(current.length).toBe(before.size);
    expect(sealedEverywhere(await readWith(stolen.accountKey, current))).toBe(true);
    // The remaining key opens all of it, value for value as before.
    const session = await unlockWith(harness, blue.key);
    expect(session.accountKey).not.toEqual(keys.accountKey);
    expect(await readWith(session.accountKey, current)).toEqual(before);
    // The copy itself still opens with what it held: no change can reach back into a copy.
    expect(await readWith(stolen.accountKey, copy.values)).toEqual(before);
  });

  it('and so does turning two-factor off with the last key', async () => {
    const { harness, blue, red, keys } = await populatedAccount();
    harness.ceremonies.hold(blue.key);
    ok(await harness.account.removeKey(keys, PASSWORD, red.key.credentialId));
    const afterRed = harness.session()!;
    const copy = await copyOfProfile(harness.db);
    ok(await harness.account.removeKey(afterRed, PASSWORD, blue.key.credentialId));
    const stolen = ok(await unlockWithPrf(earlierRecord(copy.vault), PASSWORD, blue.key.credentialId,
      (await blue.key.evaluatePrf(earlierRecord(copy.vault).secondFactor!.prfSalt))!, harness.ports.deps));
    expect(sealedEverywhere(await readWith(stolen.accountKey, await storedValues(harness.db)))).toBe(true);
    harness.lock();
    harness.waitOutThrottle();
    const session = ok(await harness.access.unlock(PASSWORD));
    expect([...(await readWith(session.accountKey, await storedValues(harness.db))).values()]).not.toContain('sealed');
  });

  it('the audit log verifies under the new key, logs the removal, and earlier erasures still keep their people out', async () => {
    const { harness, blue, red, keys, people } = await populatedAccount();
    const entriesBefore = (await auditLogFor(harness, keys).entries()).length;
    harness.ceremonies.hold(blue.key);
    ok(await harness.account.removeKey(keys, PASSWORD, red.key.credentialId));
    const session = await unlockWith(harness, blue.key);
    const log = auditLogFor(harness, session);
    expect(await log.verifyChain()).toMatchObject({ ok: true });
    const entries = await log.entries();
    expect(entries.map((entry) => entry.type)).toContain('key-removed');
    expect(entries.length).toBeGreaterThan(entriesBefore);
    // Under the old key, the current chain no longer verifies: whoever holds it cannot re-forge it.
    expect(await auditLogFor(harness, keys).verifyChain()).toMatchObject({ ok: false });
    const store = await storeFor(harness, session);
    expect(await store.isSuppressed(`p2@example.com`)).toBe(true);
    expect(await store.isSuppressed('someone@example.com')).toBe(false);
    // A record still stored (here in the trash) is named in the log by the new key's hash, so its entries are found.
    const trashed = people[1]!;
    expect((await store.audit.entriesAbout(await store.auditIdHash(trashed.id))).map((entry) => entry.type)).toEqual(['record-deleted']);
  });
});

describe('replacing the recovery codes draws a new account key', () => {
  it('so an earlier copy, the password and an old code open none of the current rows', async () => {
    const { harness, blue, keys } = await populatedAccount();
    const codes = blue.recoveryCodes!;
    const copy = await copyOfProfile(harness.db);
    const stolen = ok(await unlockWithRecoveryCode(earlierRecord(copy.vault), PASSWORD, codes[3]!, harness.ports.deps));
    const before = await readWith(keys.accountKey, await storedValues(harness.db));
    harness.ceremonies.hold(blue.key);
    const fresh = ok(await harness.account.regenerateRecoveryCodes(keys, PASSWORD));
    expect(sealedEverywhere(await readWith(stolen.keys.accountKey, await storedValues(harness.db)))).toBe(true);
    harness.lock();
    harness.waitOutThrottle();
    const session = ok(await harness.access.unlockWithRecoveryCode(PASSWORD, fresh[0]!));
    expect(await readWith(session.accountKey, await storedValues(harness.db))).toEqual(before);
    expect(await auditLogFor(harness, session).verifyChain()).toMatchObject({ ok: true });
  });
});
