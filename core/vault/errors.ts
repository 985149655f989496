/**
 * Failures that are not an expected outcome of an unlock (those come back as a Result):
 * a seal that does not open, or arguments that contradict the vault they are applied to.
 */
export type VaultErrorCode =
  | 'decrypt-failed'
  | 'invalid-input'
  | 'keys-mismatch'
  | 'no-second-factor'
  | 'unknown-key';

export interface VaultError extends Error {
  readonly name: 'VaultError';
  readonly code: VaultErrorCode;
}

export const vaultError = (code: VaultErrorCode, message: string, cause?: unknown): VaultError =>
  Object.assign(new Error(message, cause === undefined ? undefined : { cause }), { name: 'VaultError' as const, code });

export const isVaultError = (error: unknown, code?: VaultErrorCode): error is VaultError =>
  error instanceof Error &&
  error.name === 'VaultError' &&
  'code' in error &&
  (code === undefined || error.code === code);
