/**
 * The vault record as read back from IndexedDB (or a restored backup) is untrusted: it is
 * parsed here, never cast. Beyond shapes, the checks hold the invariants the operations
 * rely on, so a half-written or edited record is refused instead of half-working.
 */
import * as v from 'valibot';
import type { Result } from '../result';
import { KDF_ITERATION_BOUNDS, type KdfBounds } from './kdf';
import type { VaultRecord } from './types';

/** Copies into a fresh ArrayBuffer: a stored view may sit on any buffer, `Bytes` promises a plain one. */
const BytesSchema = v.pipe(v.instance(Uint8Array), v.transform((bytes) => new Uint8Array(bytes)));
const sized = (min: number, max: number = min) => v.pipe(BytesSchema, v.minLength(min), v.maxLength(max));
const Timestamp = v.pipe(v.number(), v.integer(), v.minValue(0));

const SealedSchema = v.object({
  iv: sized(12),
  data: BytesSchema,
});

const count = (n: number): string => n.toLocaleString('en-GB');

const kdfSchema = ({ min, max }: KdfBounds) => v.object({
  algorithm: v.literal('PBKDF2-SHA256'),
  iterations: v.pipe(
    v.number(), v.integer(),
    v.check((iterations) => iterations >= min && iterations <= max, (issue) =>
      `Locket accepts ${count(min)} to ${count(max)} key-derivation iterations, and this vault asks for ${count(Number(issue.input))}: ` +
      'it is not used. The vault may have been altered; restore a backup to get your data back.'),
  ),
  salt: sized(16, 64),
});

const RegisteredKeySchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty(), v.regex(/^[A-Za-z0-9_-]+$/, 'A credential id is base64url')),
  name: v.string(),
  publicKey: BytesSchema,
  signCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  transports: v.array(v.string()),
  prf: v.boolean(),
  createdAt: Timestamp,
  lastUsedAt: v.nullable(Timestamp),
  counterRegressionAt: v.nullable(Timestamp),
});

const RecoverySlotSchema = v.object({
  codeHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'A code hash is 64 hex digits')),
  wrappedFactorSecret: SealedSchema,
  usedAt: v.nullable(Timestamp),
});

const SecondFactorSchema = v.pipe(
  v.object({
    keys: v.pipe(v.array(RegisteredKeySchema), v.nonEmpty('A second factor has at least one key')),
    prfSalt: sized(32),
    prfSlots: v.record(v.string(), SealedSchema),
    passwordSlot: v.nullable(SealedSchema),
    recovery: v.array(RecoverySlotSchema),
    // Vaults made before slot keys were escrowed have none: their slots are escrowed when next resealed.
    slotKeys: v.optional(v.record(v.string(), SealedSchema), {}),
  }),
  v.check(
    ({ keys, prfSlots }) => {
      const prfIds = keys.filter((key) => key.prf).map((key) => key.id);
      const slotIds = Object.keys(prfSlots);
      return slotIds.length === prfIds.length && prfIds.every((id) => Object.hasOwn(prfSlots, id));
    },
    'Every PRF key has exactly one PRF slot',
  ),
  v.check(
    ({ keys, passwordSlot }) => (passwordSlot !== null) === keys.some((key) => !key.prf),
    'A password slot exists exactly while a key without PRF is registered',
  ),
  v.check(
    ({ keys }) => new Set(keys.map((key) => key.id)).size === keys.length,
    'Each key is registered once',
  ),
);

const vaultRecordSchema = (bounds: KdfBounds) => v.object({
  version: v.literal(1),
  kdf: kdfSchema(bounds),
  wrappedAccountKey: SealedSchema,
  secondFactor: v.nullable(SecondFactorSchema),
  createdAt: Timestamp,
  passwordChangedAt: Timestamp,
});

/** The record, or a message naming the first problem and where it is. `bounds` are lowered only by tests. */
export const parseVaultRecord = (input: unknown, bounds: KdfBounds = KDF_ITERATION_BOUNDS): Result<VaultRecord, string> => {
  const parsed = v.safeParse(vaultRecordSchema(bounds), input);
  if (parsed.success) return { ok: true, value: parsed.output };
  const issue = parsed.issues[0];
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  return { ok: false, error: path === '' ? issue.message : `${path}: ${issue.message}` };
};
