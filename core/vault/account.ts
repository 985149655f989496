import { FORM_ERROR_KEY } from '../records/validate';
import * as v from 'valibot';
import type { Result } from '../result';
import type { AccessPorts } from './access-ports';
import { loginReason, type AccountRefusal, type FieldRefusals, type OwnerIssue } from './access-refusals';
import type { KeyNotInHand } from './factor-secret';
import { proveSecondFactor } from './factor-proof';
import { registerKey, type Registration } from './key-registration';
import { confirmPassword } from './keys';
import { vaultProtection } from './protection';
import type { UnlockedKeys, VaultRecord } from './types';
import { addKey, changePassword, createVault, regenerateRecoveryCodes, removeKey } from './vault';
import { drawNewAccountKey } from './account-key';
import type { AuditDraft } from '../audit/audit-log';
import { refusalError } from '../refusals';

// Each check's message is its issue code, which the setup form words.
const issue = (code: OwnerIssue): OwnerIssue => code;
const OWNER_ISSUES: readonly string[] = ['owner-missing', 'name-missing', 'name-too-long', 'email-missing', 'email-invalid'] satisfies OwnerIssue[];
const ownerRefusal = (message: string | undefined): AccountRefusal =>
  ({ type: 'owner-field', issue: message !== undefined && OWNER_ISSUES.includes(message) ? message as OwnerIssue : 'field-invalid' });

const OwnerSchema = v.object({
  name: v.pipe(v.string(issue('name-missing')), v.trim(), v.nonEmpty(issue('name-missing')), v.maxLength(200, issue('name-too-long'))),
  email: v.pipe(
    v.string(issue('email-missing')), v.trim(), v.nonEmpty(issue('email-missing')),
    v.email(issue('email-invalid')),
  ),
}, issue('owner-missing'));
export type Owner = v.InferOutput<typeof OwnerSchema>;

/** Input that is not an object at all has no field to show its message under: it goes to the form. */
const fieldErrors = (issues: v.FlatErrors<typeof OwnerSchema>): FieldRefusals => ({
  ...(issues.root?.[0] === undefined ? {} : { [FORM_ERROR_KEY]: ownerRefusal(issues.root[0]) }),
  ...Object.fromEntries(Object.entries(issues.nested ?? {}).map(([field, messages]) => [field, ownerRefusal(messages?.[0])])),
});

export type AccountResult<T> = Result<T, FieldRefusals>;
const refusedField = (field: string, refusal: AccountRefusal) => ({ ok: false as const, error: { [field]: refusal } });
const WRONG_PASSWORD: AccountRefusal = { type: 'wrong-password' };
const OWNER = 'owner';

const keyCount = (record: VaultRecord): number => record.secondFactor?.keys.length ?? 0;


/** True while every registered key has PRF: a key without it would let the password alone open the data. */
const weakens = (record: VaultRecord): boolean => vaultProtection(record.secondFactor?.keys ?? []) === 'key-protects-data';

/** How the owner confirms a change to the factors: by default a touch of a key; or an unused recovery code. */
export interface ChangeOptions {
  readonly recoveryCode?: string;
  /** Rows prepared so far while the data is re-encrypted under a new account key. */
  readonly onProgress?: (rows: number) => void;
}

const changeRefusal = (error: 'wrong-password' | 'unknown-key' | KeyNotInHand): [string, AccountRefusal] =>
  error === 'wrong-password' ? ['password', WRONG_PASSWORD]
    : error === 'unknown-key' ? ['password', { type: 'key-unknown' }]
      : ['confirm', { type: 'confirm-with-key', keyName: error.key.name }];

/** The account's lifecycle and its factors. Every change here is saved to the vault at once. */
export const createAccountManager = (ports: AccessPorts) => {
  const { deps } = ports;

  const passwordProblem = async (password: string, owner: Owner): Promise<AccountRefusal | null> => {
    const problem = (await ports.passwordPolicy())(password, owner).problems[0];
    return problem ? { type: 'password-problem', problem } : null;
  };

  const load = async (): Promise<VaultRecord> => {
    const record = await ports.vaults.load();
    if (!record) throw refusalError({ type: 'no-account' });
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
      if (await ports.vaults.load()) return refusedField(FORM_ERROR_KEY, { type: 'account-exists' });
      const { record, keys } = await createVault(password, deps, ports.kdfIterations);
      await ports.vaults.save(record);
      await ports.openData(keys);
      await ports.session.write(keys);
      await ports.logins.record({ outcome: 'success', factors: ['password'], keyName: null, reason: loginReason({ type: 'account-created' }), client: ports.client, user: OWNER });
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
      if (!keyName || keyName.length > 60) return refusedField('name', { type: 'key-name-invalid' });
      const record = await load();
      const existing = record.secondFactor?.keys ?? [];
      if (existing.some((key) => key.name === keyName)) return refusedField('name', { type: 'key-name-taken' });
      if (!(await passwordHolds(record, keys, password))) return refusedField('password', WRONG_PASSWORD);
      const waiting = pending?.value.key.name === keyName && options.acceptWithoutPrf === true ? pending : null;
      pending = null;
      const registered = waiting ?? await registerKey(ports, record, keyName, userName);
      if (!registered.ok) return registered;
      const { key, prfOutput } = registered.value;
      if (existing.some((other) => other.id === key.id)) return refusedField('name', { type: 'key-already-registered' });
      if (!key.prf && weakens(record)) {
        const refusal: FieldRefusals | null = options.acceptWithoutPrf !== true ? {}
          // The owner's yes to a weaker vault is given with a key in hand, never with a code alone.
          : options.recoveryCode !== undefined ? { recoveryCode: { type: 'weaker-key-needs-touch' } }
            : null;
        if (refusal !== null) {
          pending = registered;
          return { ok: false, error: { prf: { type: 'weaker-key' }, ...refusal } };
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
      if (!registered.some((key) => key.id === credentialId)) return refusedField('password', { type: 'key-unknown' });
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
