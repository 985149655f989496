import { FORM_ERROR_KEY } from '../records/validate';
import * as v from 'valibot';
import type { FieldErrors, Result } from '../records/types';
import type { AccessPorts } from './access-ports';
import { utf8 } from './bytes';
import type { RegisteredKey, UnlockedKeys, VaultRecord } from './types';
import { addKey, changePassword, createVault, prfSaltFor, regenerateRecoveryCodes, removeKey } from './vault';

const OwnerSchema = v.object({
  name: v.pipe(v.string('Enter your name.'), v.trim(), v.nonEmpty('Enter your name.'), v.maxLength(200, 'Use at most 200 characters.')),
  email: v.pipe(
    v.string('Enter your email address.'), v.trim(), v.nonEmpty('Enter your email address.'),
    v.email('Enter a valid email address, such as you@example.com.'),
  ),
}, 'Enter your name and email address.');
export type Owner = v.InferOutput<typeof OwnerSchema>;

/** Input that is not an object at all has no field to show its message under: it goes to the form. */
const fieldErrors = (issues: v.FlatErrors<typeof OwnerSchema>): FieldErrors => ({
  ...(issues.root?.[0] === undefined ? {} : { [FORM_ERROR_KEY]: issues.root[0] }),
  ...Object.fromEntries(Object.entries(issues.nested ?? {}).map(([field, messages]) => [field, messages?.[0] ?? 'Check this field.'])),
});

export type AccountResult<T> = Result<T, FieldErrors>;
const refusedField = (field: string, message: string) => ({ ok: false as const, error: { [field]: message } });
const WRONG_PASSWORD = 'Wrong password.';
const OWNER = 'owner';

const keyCount = (record: VaultRecord): number => record.secondFactor?.keys.length ?? 0;

/** The account's lifecycle and its factors. Every change here is saved to the vault at once. */
export const createAccountManager = (ports: AccessPorts) => {
  const { deps } = ports;

  const passwordProblem = async (password: string, owner: Owner): Promise<string | null> => {
    const verdict = (await ports.passwordPolicy())(password, owner);
    return verdict.problems[0]?.message ?? null;
  };

  const load = async (): Promise<VaultRecord> => {
    const record = await ports.vaults.load();
    if (!record) throw new Error('There is no account on this device.');
    return record;
  };

  /** Appended once the change is saved; key names stay out, they are the owner's words. */
  const audit = (type: 'password-changed' | 'key-added' | 'key-removed', detail: Readonly<Record<string, number>>) =>
    ports.audit.append({ type, by: OWNER, subjects: [], detail });

  /** One WebAuthn user handle for every key of the account: stable, and naming no one. */
  const userHandle = (record: VaultRecord) => utf8(`locket-owner-${record.createdAt}`);

  return {
    /** First run: refuses when an account exists. The caller stores name and email (personal data) through the encrypted store. */
    create: async (input: unknown, password: string): Promise<AccountResult<{ readonly owner: Owner; readonly keys: UnlockedKeys }>> => {
      const owner = v.safeParse(OwnerSchema, input);
      if (!owner.success) return { ok: false, error: fieldErrors(v.flatten<typeof OwnerSchema>(owner.issues)) };
      const problem = await passwordProblem(password, owner.output);
      if (problem) return refusedField('password', problem);
      if (await ports.vaults.load()) return refusedField(FORM_ERROR_KEY, 'This device already has an account. Unlock it instead.');
      const { record, keys } = await createVault(password, deps, ports.kdfIterations);
      await ports.vaults.save(record);
      await ports.openData(keys);
      await ports.session.write(keys);
      await ports.logins.record({ outcome: 'success', factors: ['password'], keyName: null, reason: 'Account created', client: ports.client, user: OWNER });
      return { ok: true, value: { owner: owner.output, keys } };
    },

    changePassword: async (keys: UnlockedKeys, current: string, next: string, owner: Owner): Promise<AccountResult<void>> => {
      const problem = await passwordProblem(next, owner);
      if (problem) return refusedField('newPassword', problem);
      const changed = await changePassword(await load(), keys, current, next, deps, ports.kdfIterations);
      if (!changed.ok) return refusedField('currentPassword', WRONG_PASSWORD);
      await ports.vaults.save(changed.value);
      await audit('password-changed', {});
      return { ok: true, value: undefined };
    },

    /** Registers a key by name; the first one turns two-factor on and returns ten recovery codes, shown once. */
    addKey: async (keys: UnlockedKeys, password: string, name: string, userName: string):
      Promise<AccountResult<{ readonly recoveryCodes: readonly string[] | null }>> => {
      const keyName = name.trim();
      if (!keyName || keyName.length > 60) return refusedField('name', 'Give the key a name of up to 60 characters, such as “Blue YubiKey”.');
      const record = await load();
      const existing = record.secondFactor?.keys ?? [];
      if (existing.some((key) => key.name === keyName)) return refusedField('name', 'Another key already has this name.');
      const prfSalt = await prfSaltFor(record, deps);
      const ceremony = await ports.ceremonies.register({ name: keyName, ledger: ports.ledger, userId: userHandle(record), userName, prfSalt, existing });
      if (!ceremony.ok) return refusedField('name', ceremony.error.message);
      const { verifyKeyRegistration, verifyKeyAssertion } = await ports.verifier();
      const registered = await verifyKeyRegistration({
        response: ceremony.value.response, ledger: ports.ledger, expectedChallenge: ceremony.value.challenge, ...ports.relyingParty,
      });
      if (!registered.ok) return refusedField('name', registered.error.message);
      if (existing.some((key) => key.id === registered.value.id)) return refusedField('name', 'This key is already registered.');
      const key: RegisteredKey = {
        ...registered.value, name: keyName, prf: ceremony.value.prfOutput !== null,
        createdAt: deps.clock.now(), lastUsedAt: null, counterRegressionAt: null,
      };
      const followUp = ceremony.value.prfAssertion;
      if (followUp) {
        const checked = await verifyKeyAssertion({ ...followUp, ledger: ports.ledger, expectedChallenge: followUp.challenge, ...ports.relyingParty, key });
        if (!checked.ok) return refusedField('name', checked.error.message);
      }
      const added = await addKey(record, keys, password, key, ceremony.value.prfOutput, deps);
      if (!added.ok) return refusedField('password', WRONG_PASSWORD);
      await ports.vaults.save(added.value.record);
      await ports.session.write(added.value.keys);
      await audit('key-added', { keys: keyCount(added.value.record) });
      return { ok: true, value: { recoveryCodes: added.value.recoveryCodes } };
    },

    removeKey: async (keys: UnlockedKeys, password: string, credentialId: string): Promise<AccountResult<void>> => {
      const removed = await removeKey(await load(), keys, password, credentialId, deps);
      if (!removed.ok) return refusedField('password', removed.error === 'wrong-password' ? WRONG_PASSWORD : 'This key is not registered.');
      await ports.vaults.save(removed.value.record);
      await ports.session.write(removed.value.keys);
      await audit('key-removed', { keys: keyCount(removed.value.record) });
      return { ok: true, value: undefined };
    },

    regenerateRecoveryCodes: async (keys: UnlockedKeys): Promise<readonly string[]> => {
      const { record, codes } = await regenerateRecoveryCodes(await load(), keys, deps);
      await ports.vaults.save(record);
      return codes;
    },
  };
};

export type AccountManager = ReturnType<typeof createAccountManager>;
