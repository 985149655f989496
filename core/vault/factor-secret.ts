/**
 * Moving a vault to a new factor secret. This step leaves the account key as it is (the
 * caller then draws a new one: account-key.ts); what changes is the secret that, joined
 * with the password, unwraps it. A
 * secret once learnt through a removed key's slot or an old recovery code (from an earlier
 * copy of the vault record) then opens nothing in the current record.
 *
 * Every slot's key is escrowed under a key derived from the account key, so an unlocked
 * vault can reseal the slots of keys that are not in hand. Opening the escrow needs the
 * account key, which already opens everything; it adds no way in.
 */
import type { Result } from '../result';
import { utf8 } from './bytes';
import type { VaultDeps } from './deps';
import { SECRET_BYTES, openOrNull, prfSlotKey, sealPasswordSlot, sealPrfSlot, wrapAccountKey } from './keys';
import { createRecoverySlots, sealRecoverySlot } from './recovery-codes';
import { hkdf, open, seal } from './seal';
import type { Bytes, RecoverySlot, RegisteredKey, Sealed, SecondFactor, UnlockedKeys, VaultRecord } from './types';

type CryptoDeps = Pick<VaultDeps, 'subtle' | 'randomBytes'>;

export const slotIds = {
  prf: (credentialId: string): string => `prf/${credentialId}`,
  recovery: (codeHash: string): string => `recovery/${codeHash}`,
} as const;

const escrowKey = (accountKey: Bytes, deps: Pick<VaultDeps, 'subtle'>): Promise<Bytes> =>
  hkdf(accountKey, 'locket/slot-escrow', SECRET_BYTES, deps);
const escrowData = (slotId: string): Bytes => utf8(`locket/slot-escrow/${slotId}`);

/** Slot id → slot key, sealed for the record. */
export const escrowSlotKeys = async (
  accountKey: Bytes, slotKeys: ReadonlyMap<string, Bytes>, deps: CryptoDeps,
): Promise<Record<string, Sealed>> => {
  const key = await escrowKey(accountKey, deps);
  const entries = await Promise.all([...slotKeys].map(async ([id, slotKey]) => [id, await seal(key, slotKey, deps, escrowData(id))] as const));
  return Object.fromEntries(entries);
};

/** A slot's key from the escrow, or null when it was never escrowed or does not open under this account key. */
export const openEscrow = async (accountKey: Bytes, secondFactor: SecondFactor, slotId: string, deps: Pick<VaultDeps, 'subtle'>): Promise<Bytes | null> => {
  const sealed = Object.hasOwn(secondFactor.slotKeys, slotId) ? secondFactor.slotKeys[slotId] : undefined;
  return sealed === undefined ? null : openOrNull(open(await escrowKey(accountKey, deps), sealed, deps, escrowData(slotId)));
};

/** The record with a PRF key's slot key escrowed, from its output in hand (a key made before escrow existed). */
export const escrowPrfKey = async (
  record: VaultRecord, accountKey: Bytes, credentialId: string, prfOutput: Bytes, deps: CryptoDeps,
): Promise<VaultRecord> => {
  const secondFactor = record.secondFactor;
  if (secondFactor === null) return record;
  const id = slotIds.prf(credentialId);
  const escrowed = await escrowSlotKeys(accountKey, new Map([[id, await prfSlotKey(prfOutput, deps)]]), deps);
  return { ...record, secondFactor: { ...secondFactor, slotKeys: { ...secondFactor.slotKeys, ...escrowed } } };
};

/** A PRF key whose slot key is not escrowed: it must be used once before the vault can move on. */
export interface KeyNotInHand {
  readonly type: 'key-not-in-hand';
  readonly key: RegisteredKey;
}

export interface Rotated {
  readonly record: VaultRecord;
  readonly keys: UnlockedKeys;
  /** New codes, shown once: asked for, or made because the old ones predate escrow and cannot be moved. */
  readonly recoveryCodes: string[] | null;
}

/** `secondFactor` is the vault's factors after the change (keys already added or removed). */
export const rotateFactorSecret = async (
  record: VaultRecord, secondFactor: SecondFactor, keys: UnlockedKeys, passwordKey: Bytes, deps: CryptoDeps,
  { newRecoveryCodes = false }: { readonly newRecoveryCodes?: boolean } = {},
): Promise<Result<Rotated, KeyNotInHand>> => {
  const { accountKey } = keys;
  const slotKeys = new Map<string, Bytes>();
  const prfKeys: (readonly [RegisteredKey, Bytes])[] = [];
  for (const key of secondFactor.keys.filter((candidate) => candidate.prf)) {
    const slotKey = await openEscrow(accountKey, secondFactor, slotIds.prf(key.id), deps);
    if (slotKey === null) return { ok: false, error: { type: 'key-not-in-hand', key } };
    slotKeys.set(slotIds.prf(key.id), slotKey);
    prfKeys.push([key, slotKey]);
  }
  const unused = secondFactor.recovery.filter((slot) => slot.usedAt === null);
  const recoveryKeys = new Map<string, Bytes>();
  for (const slot of unused) {
    const slotKey = await openEscrow(accountKey, secondFactor, slotIds.recovery(slot.codeHash), deps);
    if (slotKey !== null) recoveryKeys.set(slot.codeHash, slotKey);
  }

  const factorSecret = deps.randomBytes(SECRET_BYTES);
  const prfSlots = Object.fromEntries(await Promise.all(prfKeys.map(async ([key, slotKey]) =>
    [key.id, await sealPrfSlot(slotKey, key.id, factorSecret, deps)] as const)));
  let recovery: readonly RecoverySlot[];
  let recoveryCodes: string[] | null = null;
  // Codes without an escrowed key cannot follow the new secret: replacing them all is the only way not to lose them silently.
  if (newRecoveryCodes || recoveryKeys.size < unused.length) {
    const fresh = await createRecoverySlots(factorSecret, deps);
    recovery = fresh.slots;
    recoveryCodes = [...fresh.codes];
    for (const [codeHash, slotKey] of fresh.slotKeys) slotKeys.set(slotIds.recovery(codeHash), slotKey);
  } else {
    recovery = await Promise.all(secondFactor.recovery.map(async (slot): Promise<RecoverySlot> => {
      const slotKey = recoveryKeys.get(slot.codeHash);
      // A used code's secret was destroyed when it was used: nothing to move.
      if (slot.usedAt !== null || slotKey === undefined) return slot;
      slotKeys.set(slotIds.recovery(slot.codeHash), slotKey);
      return { ...slot, wrappedFactorSecret: await sealRecoverySlot(slotKey, slot.codeHash, factorSecret, deps) };
    }));
  }
  const passwordSlot = secondFactor.keys.some((key) => !key.prf) ? await sealPasswordSlot(passwordKey, factorSecret, deps) : null;
  const rotated: SecondFactor = {
    ...secondFactor, prfSlots, recovery, passwordSlot, slotKeys: await escrowSlotKeys(accountKey, slotKeys, deps),
  };
  return {
    ok: true,
    value: {
      record: { ...record, wrappedAccountKey: await wrapAccountKey(accountKey, passwordKey, factorSecret, deps), secondFactor: rotated },
      keys: { accountKey, factorSecret },
      recoveryCodes,
    },
  };
};
