import { systemClock, type Clock } from '../clock';
import type { Bytes } from './types';

/** Everything the vault needs from the platform: WebCrypto, a random source and time. */
export interface VaultDeps {
  readonly subtle: SubtleCrypto;
  readonly randomBytes: (n: number) => Bytes;
  readonly clock: Clock;
}

/** WebCrypto as every context offers it (pages, workers, the background, Node 20). */
export const defaultVaultDeps = (): VaultDeps => ({
  subtle: globalThis.crypto.subtle,
  randomBytes: (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
  clock: systemClock,
});
