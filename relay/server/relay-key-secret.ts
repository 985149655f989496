/**
 * The key-encryption secret that seals the relay's signing key in its database
 * (relay/store/retention-relay-key.ts). It lives in a file outside the database: the one given by
 * `--relay-key-secret-file`, or `relay-key.secret` next to the SQLite data file (relay-data/ with
 * PostgreSQL), made on first start with mode 0600. A file given explicitly must exist: a typo
 * never silently makes a new secret.
 *
 * The file holds the 32 bytes as base64url on one line. Processes starting together agree on one
 * secret: the new file is written whole under a temporary name and linked into place, and a
 * process that loses that race reads the winner's.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fromBase64Url, toBase64Url } from '../../core/security/base64url';
import { KEY_SECRET_BYTES } from '../store/retention-relay-key';

export const DEFAULT_SECRET_NAME = 'relay-key.secret';

export const defaultKeySecretFile = (dataFile: string): string => join(dirname(dataFile), DEFAULT_SECRET_NAME);

const readSecret = (file: string): Uint8Array => {
  const secret = fromBase64Url(readFileSync(file, 'utf8').trim());
  if (secret?.length !== KEY_SECRET_BYTES) throw new Error(`${file} does not hold a ${KEY_SECRET_BYTES}-byte base64url key-encryption secret`);
  return secret;
};

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

export const loadKeySecret = (target: { readonly relayKeySecretFile: string | undefined; readonly dataFile: string }): Uint8Array => {
  if (target.relayKeySecretFile !== undefined) return readSecret(target.relayKeySecretFile);
  const file = defaultKeySecretFile(target.dataFile);
  try {
    return readSecret(file);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${toBase64Url(new Uint8Array(randomBytes(6)))}`;
  writeFileSync(temporary, `${toBase64Url(new Uint8Array(randomBytes(KEY_SECRET_BYTES)))}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  return readSecret(file);
};
