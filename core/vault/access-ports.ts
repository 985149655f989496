import type { AuditLog } from '../audit/audit-log';
import type { ChallengeLedger } from '../security/challenges';
import type { LoginLog } from '../security/login-log';
import type { checkPassword } from '../security/password-policy';
import type { ThrottleState } from '../security/unlock-throttle';
import type { RelyingParty } from '../security/relying-party';
import type { AssertionInput, RegistrationInput, verifyKeyAssertion, verifyKeyRegistration } from '../security/webauthn-verify';
import type { Result } from '../result';
import type { VaultDeps } from './deps';
import type { Bytes, RegisteredKey, UnlockedKeys } from './types';
import type { AccountKeyRotation } from './rotate-stored-data';
import type { VaultRepo } from './vault-repo';

import type { CeremonyRefusal } from '../security/webauthn-failures';

export type { CeremonyRefusal };

export interface AssertionCeremonyResult {
  readonly response: AssertionInput['response'];
  readonly challenge: string;
  readonly prfOutput: Bytes | null;
}

export interface RegistrationCeremonyResult {
  readonly response: RegistrationInput['response'];
  readonly challenge: string;
  readonly prfOutput: Bytes | null;
  readonly prfAssertion: Omit<AssertionCeremonyResult, 'prfOutput'> | null;
}

/** The browser half of WebAuthn: runs on a visible extension page. */
export interface KeyCeremonies {
  readonly authenticate: (input: {
    readonly ledger: ChallengeLedger; readonly keys: readonly RegisteredKey[]; readonly prfSalt: Bytes;
  }) => Promise<Result<AssertionCeremonyResult, CeremonyRefusal>>;
  readonly register: (input: {
    readonly name: string; readonly ledger: ChallengeLedger; readonly userId: Bytes; readonly userName: string;
    readonly prfSalt: Bytes; readonly existing: readonly RegisteredKey[];
  }) => Promise<Result<RegistrationCeremonyResult, CeremonyRefusal>>;
}

/** Everything account access needs from the platform, injected so it runs under Node in tests. */
export interface AccessPorts {
  readonly vaults: VaultRepo;
  readonly logins: LoginLog;
  /**
   * The account's tamper-evident log: successful unlocks and factor changes go here, after
   * the fact and without names. Failed attempts stay in `logins` only.
   */
  readonly audit: AuditLog;
  readonly throttle: { readonly read: () => Promise<ThrottleState>; readonly write: (state: ThrottleState) => Promise<void> };
  /**
   * Runs with the keys before they reach the session (unlock, account creation): brings
   * stored data up to date with them, such as the one-time binding of values to their rows
   * (core/store/codec-migration.ts). No surface reads data before it has finished.
   */
  readonly openData: (keys: UnlockedKeys) => Promise<void>;
  /**
   * Runs `task` while no other unlock attempt runs anywhere in the profile (Web Locks in the
   * pages): attempts from several pages must not each read the same failure count.
   */
  readonly oneAtATime: <T>(task: () => Promise<T>) => Promise<T>;
  /**
   * Moves the account to a new account key: every stored value re-encrypted under it, the
   * audit log chained again with the change's entry, and the new vault record saved, in one
   * transaction (core/vault/rotate-stored-data.ts).
   */
  readonly rotateData: (rotation: AccountKeyRotation) => Promise<void>;
  /** Holds the unlocked keys in memory for every surface (storage.session). */
  readonly session: { readonly write: (keys: UnlockedKeys) => Promise<void> };
  readonly ceremonies: KeyCeremonies;
  /** Loaded lazily by pages: the verifier is large and only the unlock and settings need it. */
  readonly verifier: () => Promise<{ readonly verifyKeyAssertion: typeof verifyKeyAssertion; readonly verifyKeyRegistration: typeof verifyKeyRegistration }>;
  readonly ledger: ChallengeLedger;
  readonly relyingParty: RelyingParty;
  /** "Chromium 156 on Linux", for the login log. */
  readonly client: string;
  readonly deps: VaultDeps;
  /** The password policy, loaded lazily: its dictionaries are large. */
  readonly passwordPolicy: () => Promise<typeof checkPassword>;
  /** Lowered only by tests; production uses the vault's default. */
  readonly kdfIterations?: number;
}
