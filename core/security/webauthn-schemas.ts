/**
 * Shapes of what a WebAuthn ceremony hands back (as @simplewebauthn/browser serialises it).
 * The responses cross from a page to the verifier and may come through a message, so they
 * are validated here before any byte of them is trusted.
 */
import * as v from 'valibot';

const base64Url = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]+$/, 'not base64url'));

const extensionResults = v.optional(v.record(v.string(), v.unknown()), {});

export const authenticationResponseSchema = v.object({
  id: base64Url,
  rawId: base64Url,
  type: v.literal('public-key'),
  response: v.object({
    clientDataJSON: base64Url,
    authenticatorData: base64Url,
    signature: base64Url,
    userHandle: v.optional(v.nullable(v.string())),
  }),
  clientExtensionResults: extensionResults,
});

export const registrationResponseSchema = v.object({
  id: base64Url,
  rawId: base64Url,
  type: v.literal('public-key'),
  response: v.object({
    clientDataJSON: base64Url,
    attestationObject: base64Url,
    transports: v.optional(v.array(v.string()), []),
  }),
  clientExtensionResults: extensionResults,
});

export type ParsedAuthenticationResponse = v.InferOutput<typeof authenticationResponseSchema>;
export type ParsedRegistrationResponse = v.InferOutput<typeof registrationResponseSchema>;

/** CollectedClientData (WebAuthn §5.8.1): the part of a response the browser, not the authenticator, writes. */
export const clientDataSchema = v.object({
  type: v.string(),
  challenge: v.string(),
  origin: v.string(),
  crossOrigin: v.optional(v.boolean()),
  topOrigin: v.optional(v.string()),
  // Token binding is long gone from browsers; only the statuses every later check accepts pass.
  tokenBinding: v.optional(v.object({ status: v.picklist(['present', 'supported']) })),
});

export type ClientData = v.InferOutput<typeof clientDataSchema>;
