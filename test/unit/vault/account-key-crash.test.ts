import { describe, expect, it } from 'vitest';
import type { AccessPorts } from '../../../core/vault/access-ports';
import { createAccountManager } from '../../../core/vault/account';
import { RETIRED_ACCOUNT_KEYS } from '../../../core/vault/retired-keys';
import { rotateStoredData, type AccountKeyRotation } from '../../../core/vault/rotate-stored-data';
import { PASSWORD, type AccessHarness } from './access-harness';
import { ok } from './helpers';
import { auditLogFor, populatedAccount, readWith, storedValues, storeFor } from './rotation-fixture';
import { person, saved } from '../store/harness';
import type { SoftKey } from './soft-ceremonies';

const crash = new Error('the browser was closed here');

/** The account manager of a page whose rotation is interrupted where `interrupt` says. */
const managerWith = (harness: AccessHarness, overrides: Partial<AccessPorts>) => createAccountManager({ ...harness.ports, ...overrides });

const rotatingWith = (harness: AccessHarness, change: (rotation: AccountKeyRotation) => AccountKeyRotation): Partial<AccessPorts> => ({
  rotateData: async (rotation) => { await rotateStoredData(harness.db, harness.clock, change(rotation)); },
});

/** A value IndexedDB cannot store: the put throws inside the transaction, as a crash before commit would end it. */
const unstorable = { crash: () => undefined } as unknown as Record<string, never>;

const unlockWith = async (harness: AccessHarness, key: SoftKey) => {
  harness.lock();
  harness.waitOutThrottle();
  harness.ceremonies.hold(key);
  return ok(await harness.access.unlock(PASSWORD));
};

const crashes: readonly (readonly [string, (harness: AccessHarness) => Partial<AccessPorts>])[] = [
  ['while the rows are being read and re-encrypted', (harness) => rotatingWith(harness, (rotation) => ({
    ...rotation, onProgress: (rows) => { if (rows > 0) throw crash; },
  }))],
  ['after every row is written, before the vault record', (harness) => rotatingWith(harness, (rotation) => ({
    ...rotation, record: { ...rotation.record, ...unstorable },
  }))],
  ['after the rows and the vault record, at the audit entry', (harness) => rotatingWith(harness, (rotation) => ({
    ...rotation, audit: { ...rotation.audit, detail: { ...rotation.audit.detail, ...unstorable } },
  }))],
];

describe('a crash while the account key is replaced', () => {
  it.each(crashes)('%s leaves the old key opening everything, and the removal can be done again', async (_step, interrupt) => {
    const { harness, blue, red, keys } = await populatedAccount();
    const before = await readWith(keys.accountKey, await storedValues(harness.db));
    const entries = (await auditLogFor(harness, keys).entries()).length;
    harness.ceremonies.hold(blue.key);
    await expect(managerWith(harness, interrupt(harness)).removeKey(keys, PASSWORD, red.key.credentialId)).rejects.toThrow();

    // Restarted: the session is gone; the vault still wraps the old account key, under which every row still opens.
    const session = await unlockWith(harness, red.key);
    expect(session.accountKey).toEqual(keys.accountKey);
    expect(await readWith(session.accountKey, await storedValues(harness.db))).toEqual(before);
    const log = auditLogFor(harness, session);
    expect(await log.verifyChain()).toMatchObject({ ok: true });
    expect((await log.entries()).map((entry) => entry.type)).not.toContain('key-removed');
    expect((await log.entries()).length).toBe(entries + 1);

    harness.ceremonies.hold(blue.key);
    ok(await harness.account.removeKey(session, PASSWORD, red.key.credentialId));
    const after = await unlockWith(harness, blue.key);
    expect(await readWith(after.accountKey, await storedValues(harness.db))).toEqual(before);
  });

  it('after the commit, before the session moves on, leaves the new key opening everything at the next unlock', async () => {
    const { harness, blue, red, keys } = await populatedAccount();
    const before = await readWith(keys.accountKey, await storedValues(harness.db));
    harness.ceremonies.hold(blue.key);
    const manager = managerWith(harness, { session: { write: () => Promise.reject(crash) } });
    await expect(manager.removeKey(keys, PASSWORD, red.key.credentialId)).rejects.toThrow(crash.message);

    const session = await unlockWith(harness, blue.key);
    expect(session.accountKey).not.toEqual(keys.accountKey);
    expect(await readWith(session.accountKey, await storedValues(harness.db))).toEqual(before);
    expect(await auditLogFor(harness, session).verifyChain()).toMatchObject({ ok: true });
    harness.lock();
    harness.waitOutThrottle();
    harness.ceremonies.hold(red.key);
    expect((await harness.access.unlock(PASSWORD)).ok).toBe(false);
  });
});

describe('a write from another page while the rows are re-encrypted', () => {
  it('makes the rotation start over, so the new row is re-encrypted too rather than left under the old key', async () => {
    const { harness, blue, red, keys } = await populatedAccount();
    const otherPage = await storeFor(harness, keys);
    let written: string | null = null;
    const ports = rotatingWith(harness, (rotation) => ({
      ...rotation,
      onProgress: () => {
        if (written !== null) return;
        written = 'pending';
        void otherPage.create('person', person('Grace', 'Hopper')).then((result) => { written = saved(result).id; });
      },
    }));
    harness.ceremonies.hold(blue.key);
    ok(await managerWith(harness, ports).removeKey(keys, PASSWORD, red.key.credentialId));
    expect(written).not.toBe('pending');

    const session = await unlockWith(harness, blue.key);
    const read = await readWith(session.accountKey, await storedValues(harness.db));
    expect([...read.values()]).not.toContain('sealed');
    expect(read.get(`record ${written}`)).toMatchObject({ firstName: 'Grace', lastName: 'Hopper' });
  });
});

describe('a write another page had prepared under the old key, committed just after the change', () => {
  it('is sealed again under the new key at the next unlock, and the old key is then forgotten', async () => {
    const { harness, blue, red, keys } = await populatedAccount();
    const otherPage = await storeFor(harness, keys);
    harness.ceremonies.hold(blue.key);
    ok(await harness.account.removeKey(keys, PASSWORD, red.key.credentialId));
    const late = saved(await otherPage.create('person', person('Late', 'Writer')));
    expect((await readWith(harness.session()!.accountKey, await storedValues(harness.db))).get(`record ${late.id}`)).toBe('sealed');

    const session = await unlockWith(harness, blue.key);
    const read = await readWith(session.accountKey, await storedValues(harness.db));
    expect([...read.values()]).not.toContain('sealed');
    expect(read.get(`record ${late.id}`)).toMatchObject({ firstName: 'Late', lastName: 'Writer' });
    expect(await harness.db.get('meta', RETIRED_ACCOUNT_KEYS)).toBeUndefined();
    expect(await readWith(keys.accountKey, await storedValues(harness.db))).toSatisfy((old: Map<string, unknown>) => [...old.values()].every((value) => value === 'sealed'));
  });
});
