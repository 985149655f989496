/**
 * Chromium rewrites an extension page's RP ID to its serialised origin, so the authenticator
 * signs SHA-256("chrome-extension://<id>"): the expected RP ID is the origin itself.
 * Kept apart from the verifier so pages can name the relying party without loading it.
 */
export interface RelyingParty {
  /** Exactly the client data origin, e.g. "chrome-extension://abcdefghijklmnopabcdefghijklmnop". */
  readonly origin: string;
  readonly rpId: string;
}

/** The expected origin and RP ID for ceremonies run on an extension page with that origin. */
export const relyingPartyForExtension = (extensionOrigin: string): RelyingParty => ({
  origin: extensionOrigin,
  rpId: extensionOrigin,
});
