import type { Result } from '../result';
import type { AccessPorts } from './access-ports';
import type { AccountRefusal, FieldRefusals } from './access-refusals';
import { utf8 } from './bytes';
import { prfSaltFor } from './keys';
import type { Bytes, RegisteredKey, VaultRecord } from './types';

/** A key the owner has just registered and Locket has verified, not yet part of the vault. */
export interface Registration {
  readonly key: RegisteredKey;
  readonly prfOutput: Bytes | null;
}

/** One WebAuthn user handle for every key of the account: stable, and naming no one. */
const userHandle = (record: VaultRecord) => utf8(`locket-owner-${record.createdAt}`);

/** Every refusal here concerns the key being named and registered: it goes under the name. */
const refused = (refusal: AccountRefusal) => ({ ok: false as const, error: { name: refusal } });

/** The registration ceremony and its verification (with the first assertion, when PRF comes only then). */
export const registerKey = async (
  ports: AccessPorts, record: VaultRecord, keyName: string, userName: string,
): Promise<Result<Registration, FieldRefusals>> => {
  const { deps } = ports;
  const existing = record.secondFactor?.keys ?? [];
  const prfSalt = await prfSaltFor(record, deps);
  const ceremony = await ports.ceremonies.register({ name: keyName, ledger: ports.ledger, userId: userHandle(record), userName, prfSalt, existing });
  if (!ceremony.ok) return refused({ type: 'key-prompt', prompt: ceremony.error });
  const { verifyKeyRegistration, verifyKeyAssertion } = await ports.verifier();
  const registered = await verifyKeyRegistration({
    response: ceremony.value.response, ledger: ports.ledger, expectedChallenge: ceremony.value.challenge, ...ports.relyingParty,
  });
  if (!registered.ok) return refused({ type: 'key-refused', reason: registered.error.reason });
  const key: RegisteredKey = {
    ...registered.value, name: keyName, prf: ceremony.value.prfOutput !== null,
    createdAt: deps.clock.now(), lastUsedAt: null, counterRegressionAt: null,
  };
  const followUp = ceremony.value.prfAssertion;
  if (followUp && !existing.some((other) => other.id === key.id)) {
    const checked = await verifyKeyAssertion({ ...followUp, ledger: ports.ledger, expectedChallenge: followUp.challenge, ...ports.relyingParty, key });
    if (!checked.ok) return refused({ type: 'key-refused', reason: checked.error.reason });
  }
  return { ok: true, value: { key, prfOutput: ceremony.value.prfOutput } };
};
