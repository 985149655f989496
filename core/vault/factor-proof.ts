/**
 * A fresh proof of the second factor before a change to the factors: a touch of a registered
 * key (its assertion verified in full, its PRF output checked against its slot) or an unused
 * recovery code. The password alone never changes what unlocks the vault once two-factor is on.
 */
import type { Result } from '../result';
import { FORM_ERROR_KEY } from '../records/validate';
import type { AccessPorts } from './access-ports';
import type { AccountRefusal, FieldRefusals } from './access-refusals';
import { bytesEqual } from './bytes';
import { escrowPrfKey } from './factor-secret';
import type { RegisteredKey, UnlockedKeys, VaultRecord } from './types';
import { recordKeyUse, unlockWithPrf, unlockWithRecoveryCode } from './vault';

export interface FactorProof {
  /**
   * The record with the key's use recorded (and its slot key escrowed, so its slot can follow
   * a new factor secret) or the code marked used: saved with the change it confirms.
   */
  readonly record: VaultRecord;
}

const refused = (field: string, refusal: AccountRefusal) => ({ ok: false as const, error: { [field]: refusal } });

export const proveSecondFactor = async (
  ports: AccessPorts, record: VaultRecord, keys: UnlockedKeys, password: string,
  { allowed, recoveryCode }: { readonly allowed: readonly RegisteredKey[]; readonly recoveryCode?: string },
): Promise<Result<FactorProof, FieldRefusals>> => {
  const { deps } = ports;
  const secondFactor = record.secondFactor;
  if (secondFactor === null) return { ok: true, value: { record } };
  // The proof must open this vault to these very keys; a mismatch is some other vault's factor.
  const opensTheseKeys = (opened: UnlockedKeys) =>
    bytesEqual(opened.accountKey, keys.accountKey) && opened.factorSecret !== null && keys.factorSecret !== null &&
    bytesEqual(opened.factorSecret, keys.factorSecret);

  if (recoveryCode !== undefined) {
    const used = await unlockWithRecoveryCode(record, password, recoveryCode, deps);
    if (!used.ok) {
      return refused('recoveryCode', { type: used.error === 'code-used' ? 'recovery-code-used' : 'wrong-password-or-code' });
    }
    if (!opensTheseKeys(used.value.keys)) return refused(FORM_ERROR_KEY, { type: 'unlocked-with-other-keys' });
    return { ok: true, value: { record: used.value.record } };
  }

  const ceremony = await ports.ceremonies.authenticate({ ledger: ports.ledger, keys: allowed, prfSalt: secondFactor.prfSalt });
  if (!ceremony.ok) return refused('confirm', { type: 'key-prompt', prompt: ceremony.error });
  const { response, challenge, prfOutput } = ceremony.value;
  const key = allowed.find((candidate) => candidate.id === response.id);
  if (!key) return refused('confirm', { type: 'confirm-with-other-key' });
  const { verifyKeyAssertion } = await ports.verifier();
  const verified = await verifyKeyAssertion({ response, ledger: ports.ledger, expectedChallenge: challenge, ...ports.relyingParty, key });
  if (!verified.ok) {
    // As at unlock: a possible clone is flagged on the stored key, whatever else happens.
    if (verified.error.reason === 'counter') await ports.vaults.save(recordKeyUse(record, key.id, key.signCount, true, deps.clock.now()));
    return refused('confirm', { type: 'key-refused', reason: verified.error.reason });
  }
  if (key.prf) {
    const opened = prfOutput === null ? null : await unlockWithPrf(record, password, key.id, prfOutput, deps);
    if (!opened?.ok) return refused('password', { type: 'wrong-password-or-key' });
    if (!opensTheseKeys(opened.value)) return refused(FORM_ERROR_KEY, { type: 'unlocked-with-other-keys' });
  }
  const used = recordKeyUse(record, key.id, verified.value.newSignCount, false, deps.clock.now());
  return { ok: true, value: { record: key.prf && prfOutput !== null ? await escrowPrfKey(used, keys.accountKey, key.id, prfOutput, deps) : used } };
};
