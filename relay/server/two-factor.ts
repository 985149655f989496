/**
 * The relay's own check of a member's second factor. A member registers a WebAuthn key with the
 * relay; in a team whose log requires two-factor, a session opens only with a fresh assertion
 * from one of the member's keys, verified here (core/security/webauthn-verify.ts, the same
 * verifier the extension runs for its local unlock):
 *
 * - the challenge: issued by this relay to this team and device, unexpired, used once;
 * - the origin in the client data: one of the configured extension origins (`--extension-origin`),
 *   and for an assertion the very origin the key was registered on;
 * - the RP ID hash: SHA-256 of that origin, which is what Chromium uses as an extension's RP ID;
 * - user presence, and user verification unless the relay is configured to accept presence alone;
 * - the signature over the stored COSE public key, then the sign counter, which must move forward
 *   (a compare-and-set in the store, so a replay racing the original fails too).
 *
 * What stays the member's claim: that the key registered first is theirs. Registration uses
 * attestation 'none', so it proves only that the member's enrolled device sent it; the relay
 * trusts the device key for a member's first key, and asks a verified session for any further key.
 */
import { randomBytes } from 'node:crypto';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type { ChallengeLedger } from '../../core/security/challenges';
import { toBase64Url } from '../../core/security/base64url';
import { readClientData } from '../../core/security/webauthn-checks';
import type { AssertionFailureReason, RegistrationFailureReason } from '../../core/security/webauthn-failures';
import { relyingPartyForExtension, verifyKeyAssertion, verifyKeyRegistration } from '../../core/security/webauthn-verify';
import type { TwoFactorProof } from '../../core/sync/protocol';
import type { TwoFactorOptions } from '../../core/sync/two-factor-protocol';
import type { ParsedRegistrationResponse } from '../../core/security/webauthn-schemas';
import type { RelayStore } from '../store/store';
import { RelayRefusal } from './http-kit';

/** Long enough for a user to find and touch a key (the extension's ceremony times out at 100 s). */
export const TWO_FACTOR_CHALLENGE_TTL_MS = 120_000;

export type UserVerificationPolicy = 'required' | 'preferred';

export interface TwoFactorPolicy {
  /** Exact extension origins, e.g. chrome-extension://<id>; a key made elsewhere is refused. */
  readonly origins: readonly string[];
  readonly userVerification: UserVerificationPolicy;
}

/** The store has already consumed the challenge; the verifier asks the ledger once more, for this one only. */
const consumedLedger = (challenge: string, fresh: boolean): ChallengeLedger => ({
  issue: () => { throw new Error('The relay issues two-factor challenges through its store'); },
  consume: (candidate) => fresh && candidate === challenge,
});

const failed = (reason: AssertionFailureReason | RegistrationFailureReason, detail?: string): RelayRefusal =>
  new RelayRefusal(401, 'two_factor_failed', detail ? `${reason}: ${detail}` : reason);

export const createTwoFactor = (store: RelayStore, policy: TwoFactorPolicy) => {
  const requireUserVerification = policy.userVerification === 'required';

  const memberOf = async (team: string, device: string): Promise<string> => {
    const member = await store.deviceMember(team, device);
    if (!member) throw new RelayRefusal(403, 'forbidden', 'Two-factor with the relay is for members of a team with a membership log');
    return member;
  };

  const allowedOrigin = (clientDataJSON: string): string => {
    const clientData = readClientData(clientDataJSON);
    if (!clientData.ok) throw failed('malformed', clientData.error.detail);
    if (!policy.origins.includes(clientData.value.origin)) throw failed('origin', `origin "${clientData.value.origin}" is not an extension origin this relay accepts`);
    return clientData.value.origin;
  };

  return {
    /** A challenge for this device only, with the member's keys as the allow list. The caller proved the device key. */
    options: async (team: string, device: string): Promise<TwoFactorOptions> => {
      const member = await memberOf(team, device);
      const challenge = toBase64Url(randomBytes(32));
      const expiresAt = await store.issueTwoFactorChallenge(team, device, challenge, TWO_FACTOR_CHALLENGE_TTL_MS);
      const keys = await store.twoFactorKeys(team, member);
      return {
        challenge, expiresAt, credentials: keys.map((key) => ({ id: key.id, transports: [...key.transports] })),
        userVerification: policy.userVerification, required: await store.teamRequiresTwoFactor(team),
      };
    },

    /**
     * Stores a member's key. The first needs only the challenge (issued to the device after it
     * signed for it); another needs `verifiedSession`: a session of that member opened with a key.
     */
    register: async (
      request: { team: string; device: string; challenge: string; response: ParsedRegistrationResponse }, verifiedSession: boolean,
    ): Promise<void> => {
      const { team, device, challenge, response } = request;
      const member = await memberOf(team, device);
      const fresh = await store.consumeTwoFactorChallenge(team, device, challenge);
      if ((await store.twoFactorKeys(team, member)).length > 0 && !verifiedSession) {
        throw new RelayRefusal(403, 'two_factor_required', 'Another key is added from a session opened with a registered key');
      }
      const origin = allowedOrigin(response.response.clientDataJSON);
      const verified = await verifyKeyRegistration({
        ...relyingPartyForExtension(origin), ledger: consumedLedger(challenge, fresh), expectedChallenge: challenge, requireUserVerification,
        // The verifier validates transports itself; the schema keeps them as plain strings.
        response: { ...response, response: { ...response.response, transports: response.response.transports as RegistrationResponseJSON['response']['transports'] } },
      });
      if (!verified.ok) throw failed(verified.error.reason, verified.error.detail);
      const added = await store.addTwoFactorKey(team, {
        id: verified.value.id, member, publicKey: verified.value.publicKey, signCount: verified.value.signCount,
        transports: verified.value.transports, origin,
      });
      if (added === 'exists') throw new RelayRefusal(409, 'conflict', 'This key is already registered in the team');
    },

    /**
     * What a session start owes: null when the team does not require two-factor and none was
     * offered; else the time the relay verified the offered assertion. Refuses otherwise.
     */
    gateSession: async (team: string, device: string, proof: TwoFactorProof | undefined): Promise<number | null> => {
      const required = await store.teamRequiresTwoFactor(team);
      if (!proof && !required) return null;
      const member = await memberOf(team, device);
      const keys = await store.twoFactorKeys(team, member);
      if (keys.length === 0) throw new RelayRefusal(403, 'two_factor_not_registered', 'The team requires two-factor: register a security key with the relay first');
      if (!proof) throw new RelayRefusal(403, 'two_factor_required', 'The team requires two-factor: start the session with a security key');
      const fresh = await store.consumeTwoFactorChallenge(team, device, proof.challenge);
      const key = keys.find((candidate) => candidate.id === proof.response.id);
      if (!key) throw failed('unknown-key', 'not a key of this member');
      if (!policy.origins.includes(key.origin)) throw failed('origin', `the key's origin "${key.origin}" is no longer accepted`);
      const verified = await verifyKeyAssertion({
        ...relyingPartyForExtension(key.origin), ledger: consumedLedger(proof.challenge, fresh), expectedChallenge: proof.challenge,
        requireUserVerification, key: { id: key.id, publicKey: new Uint8Array(key.publicKey), signCount: key.signCount },
        response: { ...proof.response, response: { ...proof.response.response, userHandle: proof.response.response.userHandle ?? undefined } },
      });
      if (!verified.ok) throw failed(verified.error.reason, verified.error.detail);
      const verifiedAt = await store.recordTwoFactorUse(team, key.id, key.signCount, verified.value.newSignCount);
      if (verifiedAt === null) throw failed('counter', 'the key was used meanwhile');
      return verifiedAt;
    },

    status: (team: string) => store.teamTwoFactorStatus(team),
  };
};

export type RelayTwoFactor = ReturnType<typeof createTwoFactor>;
