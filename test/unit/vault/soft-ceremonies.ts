/**
 * KeyCeremonies played by software security keys, so account access can be driven through
 * real registrations and assertions under Node. The held key answers every prompt, even one
 * whose allow list does not name it (as a hostile page or a confused browser might), so the
 * checks in access.ts are exercised rather than the browser's.
 */
import type { AssertionCeremonyResult, CeremonyRefusal, KeyCeremonies } from '../../../core/vault/access-ports';
import { fromBase64Url, toBase64Url } from '../../../core/security/base64url';
import type { ChallengeLedger } from '../../../core/security/challenges';
import type { CeremonyFailureCode } from '../../../core/security/webauthn-failures';
import type { RelyingParty } from '../../../core/security/relying-party';
import type { Result } from '../../../core/result';
import type { Bytes } from '../../../core/vault/types';
import { createSoftAuthenticator, type SoftAuthenticator } from '../security/soft-authenticator';

/** Whether the key offers PRF, and whether it evaluates it at creation or only at the next assertion. */
export type PrfSupport = 'none' | 'at-registration' | 'after-registration';

export interface SoftKey {
  readonly authenticator: SoftAuthenticator;
  readonly credentialId: string;
  readonly prf: PrfSupport;
  /** HMAC-SHA256(credential secret, salt): the same 32 bytes for the same credential and salt; null without PRF. */
  readonly evaluatePrf: (salt: Bytes) => Promise<Bytes | null>;
}

export const createSoftKey = async (prf: PrfSupport): Promise<SoftKey> => {
  const authenticator = await createSoftAuthenticator();
  const secret = await crypto.subtle.importKey(
    'raw', crypto.getRandomValues(new Uint8Array(32)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'],
  );
  return {
    authenticator,
    credentialId: authenticator.credentialId,
    prf,
    evaluatePrf: async (salt) => (prf === 'none' ? null : new Uint8Array(await crypto.subtle.sign('HMAC', secret, salt))),
  };
};

/** The same assertion with one bit of its signature flipped: well-formed, but it no longer verifies. */
export const withBrokenSignature = (fresh: AssertionCeremonyResult): AssertionCeremonyResult => {
  const signature = fromBase64Url(fresh.response.response.signature);
  if (!signature) throw new Error('The soft key signed with something that is not base64url');
  const last = signature.length - 1;
  signature[last] = (signature[last] ?? 0) ^ 1;
  return { ...fresh, response: { ...fresh.response, response: { ...fresh.response.response, signature: toBase64Url(signature) } } };
};

type Tamper = (fresh: AssertionCeremonyResult) => AssertionCeremonyResult | Promise<AssertionCeremonyResult>;

export interface SoftCeremonies extends KeyCeremonies {
  /** The key the owner touches at every following prompt. */
  readonly hold: (key: SoftKey) => void;
  readonly held: () => SoftKey | null;
  /** The key the owner touches at the next sign-in prompt only (a registration prompt still gets the held key). */
  readonly touchNext: (key: SoftKey) => void;
  /** The owner dismisses the next prompt. */
  readonly cancelNext: (code: CeremonyFailureCode) => void;
  /** Changes the next assertion before it is handed back: a tampering page, a replay, a cloned key. */
  readonly tamperNext: (tamper: Tamper) => void;
  /** The sign counter the held key reports at its next assertion. */
  readonly counterNext: (counter: number) => void;
  /** What the last assertion ceremony handed back. */
  readonly lastAssertion: () => AssertionCeremonyResult | null;
  readonly calls: () => { readonly authenticate: number; readonly register: number };
}

export const createSoftCeremonies = (relyingParty: RelyingParty): SoftCeremonies => {
  let held: SoftKey | null = null;
  let touched: SoftKey | null = null;
  let cancellation: CeremonyFailureCode | null = null;
  let tamper: Tamper | null = null;
  let counter: number | undefined;
  let last: AssertionCeremonyResult | null = null;
  const calls = { authenticate: 0, register: 0 };

  /** Why a prompt will not go ahead (dismissed, or no key held), once. */
  const dismissal = (): CeremonyFailureCode | null => {
    const code = cancellation ?? (held === null ? 'cancelled' : null);
    cancellation = null;
    return code;
  };

  /** A prompt that did not go ahead retires its challenge, as the page's ceremony does. */
  const refuse = (ledger: ChallengeLedger, code: CeremonyFailureCode): Result<never, CeremonyRefusal> => {
    ledger.consume(ledger.issue());
    return { ok: false, error: { code, detail: null } };
  };

  const assertion = async (key: SoftKey, challenge: string, prfSalt: Bytes): Promise<AssertionCeremonyResult> => {
    const response = await key.authenticator.assert({ challenge, ...relyingParty, counter });
    counter = undefined;
    const fresh = { response, challenge, prfOutput: await key.evaluatePrf(prfSalt) };
    const handedBack = tamper ? await tamper(fresh) : fresh;
    tamper = null;
    last = handedBack;
    return handedBack;
  };

  return {
    hold: (key) => { held = key; },
    held: () => held,
    touchNext: (key) => { touched = key; },
    cancelNext: (code) => { cancellation = code; },
    tamperNext: (next) => { tamper = next; },
    counterNext: (next) => { counter = next; },
    lastAssertion: () => last,
    calls: () => ({ ...calls }),

    authenticate: async ({ ledger, prfSalt }) => {
      calls.authenticate += 1;
      const key = touched ?? held;
      touched = null;
      const problem = dismissal();
      if (problem !== null || key === null) return refuse(ledger, problem ?? 'cancelled');
      return { ok: true, value: await assertion(key, ledger.issue(), prfSalt) };
    },

    register: async ({ ledger, prfSalt }) => {
      calls.register += 1;
      const problem = dismissal();
      if (problem !== null || held === null) return refuse(ledger, problem ?? 'cancelled');
      const key = held;
      const challenge = ledger.issue();
      const response = await key.authenticator.register({ challenge, ...relyingParty });
      if (key.prf !== 'after-registration') {
        return { ok: true, value: { response, challenge, prfOutput: await key.evaluatePrf(prfSalt), prfAssertion: null } };
      }
      // PRF enabled but not evaluated at creation: one assertion with the new credential evaluates it.
      const { prfOutput, ...prfAssertion } = await assertion(key, ledger.issue(), prfSalt);
      return { ok: true, value: { response, challenge, prfOutput, prfAssertion } };
    },
  };
};
