import { FORM_ERROR_KEY } from '../records/validate';
import * as v from 'valibot';
import type { FieldErrors } from '../records/types';
import type { Result } from '../result';
import type { AccessPorts } from './access-ports';
import type { KeyNotInHand } from './factor-secret';
import { proveSecondFactor } from './factor-proof';
import { registerKey, type Registration } from './key-registration';
import { confirmPassword } from './keys';
import { vaultProtection } from './protection';
import type { UnlockedKeys, VaultRecord } from './types';
import { addKey, changePassword, createVault, regenerateRecoveryCodes, removeKey } from './vault';
import { drawNewAccountKey } from './account-key';
import type { AuditDraft } from '../audit/audit-log';

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

export const WEAKER_KEY_WARNING =
  'This key has no PRF. While it is registered, your data can be opened with the password alone. To add it anyway, confirm with one of your keys.';

/** True while every registered key has PRF: a key without it would let the password alone open the data. */
const weakens = (record: VaultRecord): boolean => vaultProtection(record.secondFactor?.keys ?? []) === 'key-protects-data';

/** How the owner confirms a change to the factors: by default a touch of a key; or an unused recovery code. */
export interface ChangeOptions {
  readonly recoveryCode?: string;
  /** Rows prepared so far while the data is re-encrypted under a new account key. */
  readonly onProgress?: (rows: number) => void;
}

const changeRefusal = (error: 'wrong-password' | 'unknown-key' | KeyNotInHand): [string, string] =>
  error === 'wrong-password' ? ['password', WRONG_PASSWORD]
    : error === 'unknown-key' ? ['password', 'This key is not registered.']
      : ['confirm', `Confirm with “${error.key.name}” this time: Locket needs it once to carry it over.`];

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
  const audit = (type: 'password-changed' | 'key-added', detail: Readonly<Record<string, number>>) =>
    ports.audit.append({ type, by: OWNER, subjects: [], detail });

  /** Checked before any prompt, so a mistyped password costs no touch and uses up no recovery code. */
  const passwordHolds = async (record: VaultRecord, keys: UnlockedKeys, password: string): Promise<boolean> =>
    (await confirmPassword(record, keys, password, deps)) !== null;

  /**
   * A key made before escrow was not in hand: the touch just made carried its own key over, so
   * that is kept (it weakens nothing) and the owner is asked for the missing one next time.
   */
  const refuseChange = async (proven: VaultRecord, error: 'wrong-password' | 'unknown-key' | KeyNotInHand) => {
    if (typeof error !== 'string') await ports.vaults.save(proven);
    return refusedField(...changeRefusal(error));
  };

  /**
   * After removing a key or replacing the recovery codes: a new account key, every row
   * re-encrypted under it, the new vault record and the change's audit entry in one
   * transaction, then the session moves to the new keys (every open surface follows it).
   * An earlier copy of the profile then opens nothing current with the removed key or an
   * old code, even with the password.
   */
  const moveToNewAccountKey = async (
    before: VaultRecord, from: UnlockedKeys, changed: { readonly record: VaultRecord; readonly keys: UnlockedKeys },
    password: string, audit: AuditDraft, onProgress?: (rows: number) => void,
  ): Promise<boolean> => {
    const next = await drawNewAccountKey(changed.record, changed.keys, password, deps);
    if (next === null) return false;
    await ports.rotateData({ from, to: next.keys, record: next.record, before, audit, ...(onProgress ? { onProgress } : {}) });
    await ports.session.write(next.keys);
    return true;
  };

  /** A registered key awaiting the owner's yes to adding it without PRF: held in memory only. */
  let pending: { readonly ok: true; readonly value: Registration } | null = null;

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

    /**
     * Registers a key by name; the first one turns two-factor on and returns ten recovery codes,
     * shown once. Every later key needs a fresh touch of a registered key (or a recovery code).
     * A key without PRF added to a vault whose keys all have PRF would let the password alone
     * open the data: it is refused with a warning under `prf`, and kept aside so that the
     * same call with `acceptWithoutPrf` adds it without a second registration prompt.
     */
    addKey: async (keys: UnlockedKeys, password: string, name: string, userName: string, options: ChangeOptions & {
      readonly acceptWithoutPrf?: boolean;
    } = {}): Promise<AccountResult<{ readonly recoveryCodes: readonly string[] | null }>> => {
      const keyName = name.trim();
      if (!keyName || keyName.length > 60) return refusedField('name', 'Give the key a name of up to 60 characters, such as “Blue YubiKey”.');
      const record = await load();
      const existing = record.secondFactor?.keys ?? [];
      if (existing.some((key) => key.name === keyName)) return refusedField('name', 'Another key already has this name.');
      if (!(await passwordHolds(record, keys, password))) return refusedField('password', WRONG_PASSWORD);
      const waiting = pending?.value.key.name === keyName && options.acceptWithoutPrf === true ? pending : null;
      pending = null;
      const registered = waiting ?? await registerKey(ports, record, keyName, userName);
      if (!registered.ok) return registered;
      const { key, prfOutput } = registered.value;
      if (existing.some((other) => other.id === key.id)) return refusedField('name', 'This key is already registered.');
      if (!key.prf && weakens(record)) {
        const refusal: FieldErrors | null = options.acceptWithoutPrf !== true ? {}
          // The owner's yes to a weaker vault is given with a key in hand, never with a code alone.
          : options.recoveryCode !== undefined ? { recoveryCode: 'Adding a key without PRF needs a touch of one of your keys: clear the recovery code.' }
            : null;
        if (refusal !== null) {
          pending = registered;
          return { ok: false, error: { prf: WEAKER_KEY_WARNING, ...refusal } };
        }
      }
      const proof = await proveSecondFactor(ports, record, keys, password, { allowed: existing, recoveryCode: options.recoveryCode });
      if (!proof.ok) return proof;
      const added = await addKey(proof.value.record, keys, password, key, prfOutput, deps);
      if (!added.ok) return refusedField('password', WRONG_PASSWORD);
      await ports.vaults.save(added.value.record);
      await ports.session.write(added.value.keys);
      await audit('key-added', { keys: keyCount(added.value.record) });
      return { ok: true, value: { recoveryCodes: added.value.recoveryCodes } };
    },

    /**
     * Needs a fresh touch of another registered key (or a recovery code); removing the last key
     * turns two-factor off, and then that key itself may confirm. New recovery codes come back
     * only when the old ones could not follow the new factor secret.
     */
    removeKey: async (keys: UnlockedKeys, password: string, credentialId: string, options: ChangeOptions = {}):
      Promise<AccountResult<{ readonly recoveryCodes: readonly string[] | null }>> => {
      const record = await load();
      const registered = record.secondFactor?.keys ?? [];
      if (!registered.some((key) => key.id === credentialId)) return refusedField('password', 'This key is not registered.');
      if (!(await passwordHolds(record, keys, password))) return refusedField('password', WRONG_PASSWORD);
      const others = registered.filter((key) => key.id !== credentialId);
      const proof = await proveSecondFactor(ports, record, keys, password, {
        allowed: others.length === 0 ? registered : others, recoveryCode: options.recoveryCode,
      });
      if (!proof.ok) return proof;
      const removed = await removeKey(proof.value.record, keys, password, credentialId, deps);
      if (!removed.ok) return refuseChange(proof.value.record, removed.error);
      const draft: AuditDraft = { type: 'key-removed', by: OWNER, subjects: [], detail: { keys: keyCount(removed.value.record) } };
      if (!(await moveToNewAccountKey(record, keys, removed.value, password, draft, options.onProgress))) return refusedField('password', WRONG_PASSWORD);
      return { ok: true, value: { recoveryCodes: removed.value.recoveryCodes } };
    },

    /** Ten new codes under a new factor secret, after the password and a fresh touch of a key (or a code). */
    regenerateRecoveryCodes: async (keys: UnlockedKeys, password: string, options: ChangeOptions = {}):
      Promise<AccountResult<readonly string[]>> => {
      const record = await load();
      if (!(await passwordHolds(record, keys, password))) return refusedField('password', WRONG_PASSWORD);
      const proof = await proveSecondFactor(ports, record, keys, password, {
        allowed: record.secondFactor?.keys ?? [], recoveryCode: options.recoveryCode,
      });
      if (!proof.ok) return proof;
      const regenerated = await regenerateRecoveryCodes(proof.value.record, keys, password, deps);
      if (!regenerated.ok) return refuseChange(proof.value.record, regenerated.error);
      const draft: AuditDraft = { type: 'recovery-codes-replaced', by: OWNER, subjects: [], detail: { codes: regenerated.value.codes.length } };
      if (!(await moveToNewAccountKey(record, keys, regenerated.value, password, draft, options.onProgress))) return refusedField('password', WRONG_PASSWORD);
      return { ok: true, value: regenerated.value.codes };
    },
  };
};

export type AccountManager = ReturnType<typeof createAccountManager>;
