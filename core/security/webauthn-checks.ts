/**
 * The checks registration and assertion share, done before the signature so that each
 * failure gets its own code: @simplewebauthn/server reports all of them as plain Error
 * strings. The server library then repeats them as a second line of defence.
 */
import * as v from 'valibot';
import { isoUint8Array, parseAuthenticatorData, toHash, type ParsedAuthenticatorData } from '@simplewebauthn/server/helpers';
import type { Result } from '../result';
import type { Bytes } from '../vault/types';
import { fromBase64Url } from './base64url';
import { refuse, type CeremonyCheckReason, type Refusal } from './webauthn-failures';
import { clientDataSchema, type ClientData } from './webauthn-schemas';

type Checked<T> = Result<T, Refusal<CeremonyCheckReason>>;

export const readClientData = (clientDataJSON: string): Checked<ClientData> => {
  const bytes = fromBase64Url(clientDataJSON);
  if (!bytes) return refuse('malformed', 'clientDataJSON is not base64url');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return refuse('malformed', 'clientDataJSON is not UTF-8 JSON');
  }
  const parsed = v.safeParse(clientDataSchema, json);
  return parsed.success ? { ok: true, value: parsed.output } : refuse('malformed', 'clientDataJSON has the wrong shape');
};

export const readAuthenticatorData = (authData: Bytes): Checked<ParsedAuthenticatorData> => {
  try {
    return { ok: true, value: parseAuthenticatorData(authData) };
  } catch (error) {
    return refuse('malformed', `authenticatorData: ${String(error)}`);
  }
};

export interface CeremonyExpectations {
  readonly type: 'webauthn.create' | 'webauthn.get';
  readonly challenge: string;
  /** What the ledger said when the expected challenge was consumed. */
  readonly challengeFresh: boolean;
  readonly origin: string;
  readonly rpId: string;
  readonly requireUserVerification: boolean;
}

/**
 * Null when the client data and authenticator data fit the ceremony we started; otherwise
 * the first problem, in the order the WebAuthn spec checks them (§7.2 steps 11–17).
 */
export const checkCeremony = async (
  clientData: ClientData, authData: ParsedAuthenticatorData, expected: CeremonyExpectations,
): Promise<Refusal<CeremonyCheckReason> | null> => {
  if (clientData.type !== expected.type) return refuse('malformed', `client data type "${clientData.type}"`).error;
  if (!expected.challengeFresh) return refuse('challenge', 'not issued by this ledger, used before, or expired').error;
  if (clientData.challenge !== expected.challenge) return refuse('challenge', 'signed a different challenge').error;
  if (clientData.origin !== expected.origin) return refuse('origin', `origin "${clientData.origin}"`).error;
  // Locket's pages are never framed by another origin; a framed ceremony is someone else's.
  if (clientData.crossOrigin === true || clientData.topOrigin !== undefined) {
    return refuse('origin', `cross-origin request from "${clientData.topOrigin ?? 'unknown'}"`).error;
  }
  // The hash the authenticator made, computed as @simplewebauthn/server does: SHA-256 of the RP ID string.
  const expectedRpIdHash = await toHash(isoUint8Array.fromASCIIString(expected.rpId));
  if (!isoUint8Array.areEqual(authData.rpIdHash, expectedRpIdHash)) return refuse('rp-id').error;
  if (!authData.flags.up) return refuse('user-presence').error;
  if (expected.requireUserVerification && !authData.flags.uv) return refuse('user-verification').error;
  return null;
};
