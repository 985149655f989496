/**
 * The backup file: one JSON header line, then the gzipped payload sealed in AES-256-GCM
 * chunks (chunks.ts), so an edited header, a dropped, reordered or repeated chunk, a truncated
 * file or bytes added after the end are all refused.
 *
 * The key is the backup password stretched as the vault's is (PBKDF2-SHA256). The header
 * carries a key check value (a constant sealed under that key), which tells a wrong
 * password apart from a damaged file. Nothing is returned before every chunk has been
 * opened and every line of the payload validated.
 */
import * as v from 'valibot';
import type { Result } from '../result';
import { bytesEqual, concatBytes, fromBase64, toBase64, utf8 } from '../vault/bytes';
import type { VaultDeps } from '../vault/deps';
import { DEFAULT_KDF_ITERATIONS, derivePasswordKey, newKdfParams } from '../vault/kdf';
import type { Bytes } from '../vault/types';
import { IV_BYTES, openChunks, sealChunks } from './chunks';
import { decodePayload, encodePayload } from './payload';
import {
  BACKUP_DAMAGED, BACKUP_NOT_LOCKET, BACKUP_TOO_NEW, BACKUP_WRONG_PASSWORD, type BackupContents,
  type BackupProblem,
} from './types';

export const BACKUP_FORMAT = 'locket-backup';
export const BACKUP_VERSION = 1;

/** A header is a few hundred bytes; anything without a line break this early is not a backup. */
const MAX_HEADER_BYTES = 64 * 1024;
/** Refuses a header asking for absurd work before any of it is done. */
const MAX_ITERATIONS = 10_000_000;
const KEY_CHECK = utf8('locket-backup-key-check');

type Progress = (done: number, total: number) => void;
type BackupCrypto = Pick<VaultDeps, 'subtle' | 'randomBytes'>;

const decodesAsBase64 = (text: string): boolean => {
  try {
    fromBase64(text);
    return true;
  } catch {
    return false;
  }
};
const Base64Schema = v.pipe(v.string(), v.maxLength(1024), v.check(decodesAsBase64));
const CountSchema = v.pipe(v.number(), v.integer(), v.minValue(0));
const HeaderSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  createdAt: v.pipe(v.number(), v.finite()),
  kdf: v.object({
    algorithm: v.literal('PBKDF2-SHA256'),
    iterations: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_ITERATIONS)),
    salt: Base64Schema,
  }),
  keyCheck: v.object({ iv: Base64Schema, data: Base64Schema }),
  counts: v.object({ records: CountSchema, settings: CountSchema, audit: CountSchema }),
});
type Header = v.InferOutput<typeof HeaderSchema>;
const FormatSchema = v.object({ format: v.literal(BACKUP_FORMAT), version: v.pipe(v.number(), v.integer()) });

const aesKey = async (password: string, header: Pick<Header, 'kdf'>, deps: Pick<VaultDeps, 'subtle'>): Promise<CryptoKey> => {
  const params = { algorithm: header.kdf.algorithm, iterations: header.kdf.iterations, salt: fromBase64(header.kdf.salt) };
  const raw = await derivePasswordKey(password, params, deps);
  return deps.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
};

export interface WriteBackupOptions {
  /** Lower only in tests; files record the count they were made with. */
  readonly iterations?: number;
  readonly crypto: BackupCrypto;
  readonly onProgress?: Progress;
}

export const writeBackup = async (contents: BackupContents, password: string, options: WriteBackupOptions): Promise<Bytes> => {
  const { crypto } = options;
  const params = newKdfParams(crypto, options.iterations ?? DEFAULT_KDF_ITERATIONS);
  const kdf = { algorithm: params.algorithm, iterations: params.iterations, salt: toBase64(params.salt) };
  const key = await aesKey(password, { kdf }, crypto);
  const checkIv = crypto.randomBytes(IV_BYTES);
  const check = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: checkIv }, key, KEY_CHECK));
  const header: Header = {
    format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: contents.createdAt, kdf,
    keyCheck: { iv: toBase64(checkIv), data: toBase64(check) },
    counts: { records: contents.records.length, settings: contents.settings ? 1 : 0, audit: contents.audit.length },
  };
  const headerBytes = utf8(JSON.stringify(header));
  const payload = encodePayload(contents);
  const frames = await sealChunks(payload, { key, headerBytes, crypto, onProgress: options.onProgress });
  return concatBytes(headerBytes, utf8('\n'), ...frames);
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const decodeText = (bytes: Bytes): string | null => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};

const readHeader = (file: Bytes): Result<{ header: Header; headerBytes: Bytes; body: Bytes }, BackupProblem> => {
  const end = file.subarray(0, MAX_HEADER_BYTES).indexOf(0x0a);
  const headerBytes = file.slice(0, Math.max(0, end));
  const json = end < 0 ? undefined : parseJson(decodeText(headerBytes) ?? '');
  const format = v.safeParse(FormatSchema, json);
  if (!format.success) return { ok: false, error: BACKUP_NOT_LOCKET };
  if (format.output.version > BACKUP_VERSION) return { ok: false, error: BACKUP_TOO_NEW };
  const header = v.safeParse(HeaderSchema, json);
  if (!header.success) return { ok: false, error: BACKUP_DAMAGED };
  return { ok: true, value: { header: header.output, headerBytes, body: file.slice(end + 1) } };
};

const openedKeyCheck = async (key: CryptoKey, header: Header, subtle: SubtleCrypto): Promise<Bytes | null> => {
  try {
    const iv = fromBase64(header.keyCheck.iv);
    return new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv }, key, fromBase64(header.keyCheck.data)));
  } catch {
    return null;
  }
};

/** The backup's contents, or why it is refused in words for the owner. */
export const readBackup = async (
  file: Uint8Array, password: string, options: { readonly crypto: Pick<VaultDeps, 'subtle'>; readonly onProgress?: Progress },
): Promise<Result<BackupContents, BackupProblem>> => {
  const { subtle } = options.crypto;
  const parsed = readHeader(new Uint8Array(file));
  if (!parsed.ok) return parsed;
  const { header, headerBytes, body } = parsed.value;
  const key = await aesKey(password, header, options.crypto);
  const check = await openedKeyCheck(key, header, subtle);
  if (!check || !bytesEqual(check, KEY_CHECK)) {
    return { ok: false, error: BACKUP_WRONG_PASSWORD };
  }
  const plain = await openChunks(body, { key, headerBytes, subtle, onProgress: options.onProgress });
  if (!plain) return { ok: false, error: BACKUP_DAMAGED };
  const payload = await decodePayload(plain);
  if (!payload.ok) return { ok: false, error: BACKUP_DAMAGED };
  const { records, settings, audit, auditKey } = payload.value;
  const counts = header.counts;
  if (records.length !== counts.records || (settings ? 1 : 0) !== counts.settings || audit.length !== counts.audit) {
    return { ok: false, error: BACKUP_DAMAGED };
  }
  return { ok: true, value: { createdAt: header.createdAt, records, settings, audit, auditKey } };
};
