import { beforeEach, describe, expect, it, vi } from 'vitest';
import { WebAuthnError, type AuthenticationResponseJSON } from '@simplewebauthn/browser';
import { relaySecurityKey } from '../../../platform/webauthn/relay-security-key';

type AuthenticationOptions = { optionsJSON: { challenge: string; rpId?: string; allowCredentials?: readonly { id: string }[]; userVerification?: string } };

const browserLibrary = vi.hoisted(() => ({
  startAuthentication: vi.fn<(options: AuthenticationOptions) => Promise<AuthenticationResponseJSON>>(),
}));

vi.mock('@simplewebauthn/browser', async (importOriginal) => ({
  ...await importOriginal<typeof import('@simplewebauthn/browser')>(),
  browserSupportsWebAuthn: () => true,
  startAuthentication: browserLibrary.startAuthentication,
}));

const assertion: AuthenticationResponseJSON = {
  id: 'cred', rawId: 'cred', type: 'public-key',
  response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' }, clientExtensionResults: {},
};

const port = relaySecurityKey({ id: new Uint8Array([1, 2, 3]), name: 'ada@example.com' });
const request = { challenge: 'c'.repeat(43), userVerification: 'required' as const, credentials: [{ id: 'cred', transports: ['usb'] }] };

describe('the security key the relay asks for', () => {
  beforeEach(() => { browserLibrary.startAuthentication.mockReset(); });

  it('answers the relay\'s challenge with one of the member\'s keys, leaving the RP ID to the browser (the extension origin)', async () => {
    browserLibrary.startAuthentication.mockResolvedValue(assertion);
    expect(await port.assert(request)).toEqual({ ok: true, value: assertion });
    const { optionsJSON } = browserLibrary.startAuthentication.mock.calls[0]![0];
    expect(optionsJSON).toMatchObject({ challenge: request.challenge, allowCredentials: [{ id: 'cred' }], userVerification: 'required' });
    expect(optionsJSON.rpId).toBeUndefined();
  });

  it('never asks for any passkey when the relay lists no key of the member', async () => {
    expect(await port.assert({ ...request, credentials: [] })).toEqual({ ok: false, error: { code: 'no-keys', detail: null } });
    expect(browserLibrary.startAuthentication).not.toHaveBeenCalled();
  });

  it('reports a dismissed prompt as cancelled', async () => {
    browserLibrary.startAuthentication.mockRejectedValue(new WebAuthnError({
      message: 'dismissed', code: 'ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', cause: Object.assign(new Error('x'), { name: 'NotAllowedError' }),
    }));
    expect(await port.assert(request)).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});
