import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../../core/clock';
import { fromBase64Url, toBase64Url } from '../../../core/security/base64url';
import { createChallengeLedger, type ChallengeLedger } from '../../../core/security/challenges';
import { KEY_CHECK_MESSAGES as failureMessages } from '../../../components/shared/messages/security-key-messages';
import {
  relyingPartyForExtension, verifyKeyAssertion, verifyKeyRegistration, type VerifiedRegistration,
} from '../../../core/security/webauthn-verify';
import type { RegisteredKey } from '../../../core/vault/types';
import { coseEc2Key, createSoftAuthenticator, type AssertOptions, type SoftAuthenticator } from './soft-authenticator';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const { origin: ORIGIN, rpId: RP_ID } = relyingPartyForExtension(`chrome-extension://${EXTENSION_ID}`);
const START = Date.UTC(2025, 0, 1);

const keyFrom = (authenticator: SoftAuthenticator, overrides: Partial<RegisteredKey> = {}): RegisteredKey => ({
  id: authenticator.credentialId, name: 'Test key', publicKey: authenticator.publicKeyCose, signCount: 0,
  transports: ['usb'], prf: false, createdAt: START, lastUsedAt: null, counterRegressionAt: null, ...overrides,
});

/** Flips one bit of a base64url field, as a tampering network or bug would. */
const flipByte = (field: string, index: number): string => {
  const bytes = fromBase64Url(field)!;
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = bytes[at]! ^ 0x01;
  return toBase64Url(bytes);
};

let clock: ManualClock;
let ledger: ChallengeLedger;
let authenticator: SoftAuthenticator;

beforeEach(async () => {
  clock = createManualClock(START);
  ledger = createChallengeLedger({ clock, randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)) });
  authenticator = await createSoftAuthenticator();
});

/** Runs one assertion ceremony; `options` changes what the authenticator (or its browser) reports. */
const assertWith = async (
  options: Partial<AssertOptions> = {},
  { key = keyFrom(authenticator), tamper = (r: AuthenticationResponseJSON) => r } = {},
) => {
  const challenge = ledger.issue();
  const response = tamper(await authenticator.assert({ challenge, origin: ORIGIN, rpId: RP_ID, ...options }));
  return verifyKeyAssertion({ response, ledger, expectedChallenge: challenge, origin: ORIGIN, rpId: RP_ID, key });
};

const reasonOf = (result: Awaited<ReturnType<typeof verifyKeyAssertion>>) => (result.ok ? 'ok' : result.error.reason);

describe('verifyKeyAssertion', () => {
  it('accepts a good assertion and reports the new sign counter', async () => {
    const result = await assertWith({ counter: 7 }, { key: keyFrom(authenticator, { signCount: 6 }) });
    expect(result).toEqual({ ok: true, value: { newSignCount: 7, counterRegressed: false } });
  });

  it('accepts authenticators that keep no counter (zero before and after)', async () => {
    expect(reasonOf(await assertWith({ counter: 0 }))).toBe('ok');
  });

  it('refuses a replayed assertion: its challenge was used up by the first verification', async () => {
    const challenge = ledger.issue();
    const response = await authenticator.assert({ challenge, origin: ORIGIN, rpId: RP_ID });
    const verify = () => verifyKeyAssertion({ response, ledger, expectedChallenge: challenge, origin: ORIGIN, rpId: RP_ID, key: keyFrom(authenticator) });
    expect(reasonOf(await verify())).toBe('ok');
    const replay = await verify();
    expect(replay.ok ? null : replay.error).toMatchObject({ reason: 'challenge' });
    expect(failureMessages.challenge).toBe('This security key request expired or was already used. Please try again.');
  });

  it('refuses a challenge this ledger never issued', async () => {
    const foreign = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
    const response = await authenticator.assert({ challenge: foreign, origin: ORIGIN, rpId: RP_ID });
    const result = await verifyKeyAssertion({ response, ledger, expectedChallenge: foreign, origin: ORIGIN, rpId: RP_ID, key: keyFrom(authenticator) });
    expect(reasonOf(result)).toBe('challenge');
  });

  it('refuses an expired challenge', async () => {
    const challenge = ledger.issue();
    const response = await authenticator.assert({ challenge, origin: ORIGIN, rpId: RP_ID });
    clock.advance(120_000);
    const result = await verifyKeyAssertion({ response, ledger, expectedChallenge: challenge, origin: ORIGIN, rpId: RP_ID, key: keyFrom(authenticator) });
    expect(reasonOf(result)).toBe('challenge');
  });

  it('refuses an assertion over another issued challenge than the one this ceremony expects', async () => {
    const signedChallenge = ledger.issue();
    const expectedChallenge = ledger.issue();
    const response = await authenticator.assert({ challenge: signedChallenge, origin: ORIGIN, rpId: RP_ID });
    const result = await verifyKeyAssertion({ response, ledger, expectedChallenge, origin: ORIGIN, rpId: RP_ID, key: keyFrom(authenticator) });
    expect(reasonOf(result)).toBe('challenge');
  });

  it('refuses a response made on another origin, or inside a cross-origin frame', async () => {
    expect(reasonOf(await assertWith({ origin: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba' }))).toBe('origin');
    expect(reasonOf(await assertWith({ origin: 'https://locket.example' }))).toBe('origin');
    expect(reasonOf(await assertWith({ crossOrigin: true }))).toBe('origin');
  });

  it('refuses an RP ID hash for another relying party, including the bare extension id', async () => {
    expect(reasonOf(await assertWith({ rpId: 'evil.example' }))).toBe('rp-id');
    // Chromium hashes the serialised origin for extension pages, never the bare id.
    expect(reasonOf(await assertWith({ rpId: EXTENSION_ID }))).toBe('rp-id');
  });

  it('refuses when the user was not present, or not verified', async () => {
    expect(reasonOf(await assertWith({ userPresent: false }))).toBe('user-presence');
    expect(reasonOf(await assertWith({ userVerified: false }))).toBe('user-verification');
  });

  it('refuses a tampered signature, and signed data changed after signing', async () => {
    const badSignature = await assertWith({}, { tamper: (r) => ({ ...r, response: { ...r.response, signature: flipByte(r.response.signature, -1) } }) });
    expect(reasonOf(badSignature)).toBe('signature');
    // Byte 36 is the low byte of the sign counter: still well-formed, no longer what was signed.
    const badAuthData = await assertWith({}, { tamper: (r) => ({ ...r, response: { ...r.response, authenticatorData: flipByte(r.response.authenticatorData, 36) } }) });
    expect(reasonOf(badAuthData)).toBe('signature');
  });

  it('refuses a signature by a different key under the registered credential id', async () => {
    const impostor = await createSoftAuthenticator();
    expect(reasonOf(await assertWith({}, { key: keyFrom(authenticator, { publicKey: impostor.publicKeyCose }) }))).toBe('signature');
  });

  it('refuses a credential that is not the registered key', async () => {
    const other = await createSoftAuthenticator();
    expect(reasonOf(await assertWith({}, { key: keyFrom(other) }))).toBe('unknown-key');
  });

  it('refuses responses that do not parse or are of the wrong kind', async () => {
    const garbage = await assertWith({}, { tamper: (r) => ({ ...r, response: { ...r.response, clientDataJSON: toBase64Url(new TextEncoder().encode('{not json')) } }) });
    expect(reasonOf(garbage)).toBe('malformed');
    expect(reasonOf(await assertWith({ type: 'webauthn.create' }))).toBe('malformed');
    const truncated = await assertWith({}, { tamper: (r) => ({ ...r, response: { ...r.response, authenticatorData: toBase64Url(new Uint8Array(20)) } }) });
    expect(reasonOf(truncated)).toBe('malformed');
  });

  it('flags a sign counter that went backwards, with what the owner needs to know, and refuses the unlock', async () => {
    for (const counter of [5, 3, 0]) {
      const result = await assertWith({ counter }, { key: keyFrom(authenticator, { signCount: 5 }) });
      expect(result.ok).toBe(false);
      expect(result.ok ? null : result.error).toEqual({
        reason: 'counter', counterRegressed: true,
        newSignCount: counter, storedSignCount: 5, detail: expect.any(String),
      });
    }
  });

  it('does not flag a key for a regressed counter on a forged response', async () => {
    const forged = await assertWith({ counter: 1 }, {
      key: keyFrom(authenticator, { signCount: 5 }),
      tamper: (r) => ({ ...r, response: { ...r.response, signature: flipByte(r.response.signature, -1) } }),
    });
    expect(reasonOf(forged)).toBe('signature');
  });

  it('gives every failure its own message', () => {
    expect(new Set(Object.values(failureMessages)).size).toBe(Object.keys(failureMessages).length);
  });
});

describe('verifyKeyRegistration', () => {
  const register = async (options: Partial<Parameters<SoftAuthenticator['register']>[0]> = {}) => {
    const challenge = ledger.issue();
    const response = await authenticator.register({ challenge, origin: ORIGIN, rpId: RP_ID, ...options });
    return verifyKeyRegistration({ response, ledger, expectedChallenge: challenge, origin: ORIGIN, rpId: RP_ID });
  };

  it('accepts a "none" attestation and yields a key that then verifies assertions', async () => {
    const result = await register();
    if (!result.ok) throw new Error(`registration refused: ${result.error.reason}`);
    const registered: VerifiedRegistration = result.value;
    expect(registered).toEqual({ id: authenticator.credentialId, publicKey: authenticator.publicKeyCose, signCount: 0, transports: ['usb'] });

    const key = keyFrom(authenticator, { publicKey: registered.publicKey, signCount: registered.signCount });
    expect(reasonOf(await assertWith({}, { key }))).toBe('ok');
  });

  it('refuses a replayed registration', async () => {
    const challenge = ledger.issue();
    const response = await authenticator.register({ challenge, origin: ORIGIN, rpId: RP_ID });
    const verify = () => verifyKeyRegistration({ response, ledger, expectedChallenge: challenge, origin: ORIGIN, rpId: RP_ID });
    expect((await verify()).ok).toBe(true);
    const replay = await verify();
    expect(replay.ok ? 'ok' : replay.error.reason).toBe('challenge');
  });

  it('refuses wrong origin, RP ID, missing presence or verification, each with its own code', async () => {
    const reasons = [
      await register({ origin: 'https://evil.example' }),
      await register({ rpId: 'evil.example' }),
      await register({ userPresent: false }),
      await register({ userVerified: false }),
      await register({ type: 'webauthn.get' }),
    ].map((r) => (r.ok ? 'ok' : r.error.reason));
    expect(reasons).toEqual(['origin', 'rp-id', 'user-presence', 'user-verification', 'malformed']);
  });

  it('refuses a key whose algorithm Locket did not offer', async () => {
    const eddsa = coseEc2Key(new Uint8Array(32).fill(1), new Uint8Array(32).fill(2), -8);
    const result = await register({ publicKeyOverride: eddsa });
    expect(result.ok ? 'ok' : result.error.reason).toBe('algorithm');
  });
});
