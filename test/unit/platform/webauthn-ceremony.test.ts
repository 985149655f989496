import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/browser';
import { createManualClock } from '../../../core/clock';
import { createChallengeLedger } from '../../../core/security/challenges';
import { authenticate, registerKey } from '../../../platform/webauthn/webauthn-ceremony';

const browserLibrary = vi.hoisted(() => ({
  startAuthentication: vi.fn<(options: { optionsJSON: { challenge: string } }) => Promise<AuthenticationResponseJSON>>(),
  startRegistration: vi.fn<(options: { optionsJSON: { challenge: string } }) => Promise<RegistrationResponseJSON>>(),
}));

vi.mock('@simplewebauthn/browser', async (importOriginal) => ({
  ...await importOriginal<typeof import('@simplewebauthn/browser')>(),
  browserSupportsWebAuthn: () => true,
  startAuthentication: browserLibrary.startAuthentication,
  startRegistration: browserLibrary.startRegistration,
}));

const ledger = () => createChallengeLedger({
  clock: createManualClock(Date.UTC(2025, 0, 1)), randomBytes: (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
});

/** A PRF result the vault cannot use: 16 bytes where 32 are needed. */
const shortPrf = { prf: { enabled: true, results: { first: new Uint8Array(16).buffer } } };

const assertion = (): AuthenticationResponseJSON => ({
  id: 'cred', rawId: 'cred', type: 'public-key', authenticatorAttachment: 'platform',
  response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA', userHandle: 'dQ' },
  clientExtensionResults: shortPrf,
});

const registration = (): RegistrationResponseJSON => ({
  id: 'cred', rawId: 'cred', type: 'public-key', authenticatorAttachment: 'platform',
  response: { clientDataJSON: 'e30', attestationObject: 'AA', transports: ['internal'] },
  clientExtensionResults: shortPrf,
});

describe('a ceremony refused for an unusable PRF result', () => {
  beforeEach(() => {
    browserLibrary.startAuthentication.mockReset();
    browserLibrary.startRegistration.mockReset();
  });

  it('retires the challenge of an assertion, so its response can never be verified later', async () => {
    const challenges = ledger();
    let issued = '';
    browserLibrary.startAuthentication.mockImplementation(({ optionsJSON }) => {
      issued = optionsJSON.challenge;
      return Promise.resolve(assertion());
    });
    const result = await authenticate({ ledger: challenges, keys: [{ id: 'cred', transports: ['internal'] }], prfSalt: new Uint8Array(32) });
    expect(result.ok ? null : result.error.code).toBe('prf');
    expect(issued).not.toBe('');
    expect(challenges.consume(issued)).toBe(false);
  });

  it('retires the challenge of a registration', async () => {
    const challenges = ledger();
    let issued = '';
    browserLibrary.startRegistration.mockImplementation(({ optionsJSON }) => {
      issued = optionsJSON.challenge;
      return Promise.resolve(registration());
    });
    const result = await registerKey({
      name: 'Laptop', ledger: challenges, userId: new Uint8Array([1]), userName: 'owner@example.org',
      prfSalt: new Uint8Array(32), existing: [],
    });
    expect(result.ok ? null : result.error.code).toBe('prf');
    expect(issued).not.toBe('');
    expect(challenges.consume(issued)).toBe(false);
  });
});
