/**
 * A member's security key against a real relay, for tests: the software authenticator
 * (test/unit/security/soft-authenticator.ts) behind the SecurityKeyPort the engine takes, and
 * raw two-factor requests for the refusals an honest device would never send.
 */
import * as v from 'valibot';
import { systemClock } from '../../../core/clock';
import { createRelaySession, type RelaySession } from '../../../core/sync/engine/relay-session';
import type { SecurityKeyPort } from '../../../core/sync/engine/two-factor-session';
import { ChallengeSchema } from '../../../core/sync/protocol';
import { authMessage, signBytes } from '../../../core/sync/signing';
import { TwoFactorOptionsSchema, type TwoFactorOptions } from '../../../core/sync/two-factor-protocol';
import { DEVELOPMENT_EXTENSION_ORIGIN } from '../../../relay/server/config';
import type { AssertOptions, SoftAuthenticator } from '../../unit/security/soft-authenticator';
import { postRaw, type RawAnswer } from './relay-client';
import { createSwitchableTransport, createTestCrypto } from './sync-test-deps';
import type { TestDevice } from './test-device';

export const EXTENSION_ORIGIN = DEVELOPMENT_EXTENSION_ORIGIN;

/** The authenticator as an extension page at `origin` would drive it (Chromium's RP ID is the origin). */
export const softSecurityKey = (authenticator: SoftAuthenticator, origin = EXTENSION_ORIGIN): SecurityKeyPort => ({
  register: async ({ challenge }) => ({ ok: true, value: await authenticator.register({ challenge, origin, rpId: origin }) }),
  assert: async ({ challenge }) => ({ ok: true, value: await authenticator.assert({ challenge, origin, rpId: origin }) }),
});

/** The engine's relay session for a test device, over real HTTP. */
export const relaySessionOf = (url: string, device: TestDevice): RelaySession =>
  createRelaySession({ transport: createSwitchableTransport(url), crypto: createTestCrypto(device, new Map()), team: device.team, clock: systemClock });

const signedBody = async (url: string, device: TestDevice, purpose: 'session' | 'two-factor') => {
  const team = device.team;
  const challenge = v.parse(ChallengeSchema, (await postRaw(`${url}/v1/challenge`, JSON.stringify({ team, device: device.keys.deviceId }))).body);
  const sig = await signBytes(device.keys.privateKey, authMessage(purpose, challenge.relayInstance, team, device.keys.deviceId, challenge.nonce));
  return { team, device: device.keys.deviceId, nonce: challenge.nonce, sig };
};

export const twoFactorOptions = async (url: string, device: TestDevice): Promise<TwoFactorOptions> => {
  const answer = await postRaw(`${url}/v1/two-factor/options`, JSON.stringify(await signedBody(url, device, 'two-factor')));
  if (answer.status !== 200) throw new Error(`Relay refused (${answer.status}): ${JSON.stringify(answer.body)}`);
  return v.parse(TwoFactorOptionsSchema, answer.body);
};

/** A session request carrying an assertion made with `assertion` (origin, RP ID, counter as the test says). */
export const sessionWithAssertion = async (
  url: string, device: TestDevice, authenticator: SoftAuthenticator, assertion: Partial<Omit<AssertOptions, 'challenge'>> = {},
): Promise<{ answer: RawAnswer; proof: unknown }> => {
  const { challenge } = await twoFactorOptions(url, device);
  const response = await authenticator.assert({ origin: EXTENSION_ORIGIN, rpId: EXTENSION_ORIGIN, ...assertion, challenge });
  return sessionWithProof(url, device, { challenge, response });
};

/** A fresh signed session request with a given proof (a replay sends an old one again). */
export const sessionWithProof = async (url: string, device: TestDevice, twoFactor: unknown): Promise<{ answer: RawAnswer; proof: unknown }> => {
  const body = { ...(await signedBody(url, device, 'session')), twoFactor };
  return { answer: await postRaw(`${url}/v1/session`, JSON.stringify(body)), proof: twoFactor };
};

export const registerRaw = async (url: string, device: TestDevice, authenticator: SoftAuthenticator, origin = EXTENSION_ORIGIN, token?: string) => {
  const { challenge } = await twoFactorOptions(url, device);
  const response = await authenticator.register({ challenge, origin, rpId: origin });
  return postRaw(`${url}/v1/two-factor/register`, JSON.stringify({ team: device.team, device: device.keys.deviceId, challenge, response }), token);
};
