/**
 * A software WebAuthn authenticator for tests: an ES256 (P-256) key pair from WebCrypto,
 * authenticator data, client data, DER signatures and a hand-encoded COSE key, so the
 * verifier can be driven through every way a response can be wrong.
 */
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { toBase64Url } from '../../../core/security/base64url';
import type { Bytes } from '../../../core/vault/types';

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;
const COSE_ES256 = -7;

type Cbor = number | string | Uint8Array | readonly (readonly [Cbor, Cbor])[];

const cborHead = (major: number, length: number): number[] => {
  if (length < 24) return [(major << 5) | length];
  if (length < 0x100) return [(major << 5) | 24, length];
  return [(major << 5) | 25, length >> 8, length & 0xff];
};

/** Just enough CBOR for COSE keys and attestation objects: small integers, strings, bytes and maps (as entry lists). */
export const encodeCbor = (value: Cbor): Bytes => {
  if (typeof value === 'number') return new Uint8Array(value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value));
  if (typeof value === 'string') {
    const text = new TextEncoder().encode(value);
    return concat(new Uint8Array(cborHead(3, text.length)), text);
  }
  if (value instanceof Uint8Array) return concat(new Uint8Array(cborHead(2, value.length)), value);
  return concat(new Uint8Array(cborHead(5, value.length)), ...value.flatMap(([k, v]) => [encodeCbor(k), encodeCbor(v)]));
};

export const concat = (...parts: readonly Uint8Array[]): Bytes => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) { out.set(part, offset); offset += part.length; }
  return out;
};

const sha256 = async (bytes: Uint8Array<ArrayBuffer>): Promise<Bytes> => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));

const derInteger = (raw: Uint8Array): Bytes => {
  let start = 0;
  while (start < raw.length - 1 && raw[start] === 0) start += 1;
  const trimmed = raw.subarray(start);
  // A set high bit would read as negative, so DER prefixes a zero byte.
  const body = (trimmed[0] ?? 0) & 0x80 ? concat(new Uint8Array([0]), trimmed) : concat(trimmed);
  return concat(new Uint8Array([0x02, body.length]), body);
};

/** WebCrypto signs ECDSA as raw r‖s; WebAuthn carries it as a DER SEQUENCE of two INTEGERs. */
export const rawToDerSignature = (raw: Uint8Array): Bytes => {
  const half = raw.length / 2;
  const sequence = concat(derInteger(raw.subarray(0, half)), derInteger(raw.subarray(half)));
  return concat(new Uint8Array([0x30, sequence.length]), sequence);
};

export interface CeremonyOptions {
  readonly challenge: string;
  readonly origin: string;
  /** What the authenticator hashes into rpIdHash. */
  readonly rpId: string;
  readonly userPresent?: boolean;
  readonly userVerified?: boolean;
  /** Overrides the client data type ("webauthn.create" / "webauthn.get"). */
  readonly type?: string;
  readonly crossOrigin?: boolean;
}

export interface AssertOptions extends CeremonyOptions {
  /** The sign counter to report; by default one more than last time. */
  readonly counter?: number;
}

export interface RegisterOptions extends CeremonyOptions {
  /** A COSE key to attest instead of the real one (e.g. with another algorithm). */
  readonly publicKeyOverride?: Bytes;
}

export interface SoftAuthenticator {
  readonly credentialId: string;
  readonly publicKeyCose: Bytes;
  readonly register: (options: RegisterOptions) => Promise<RegistrationResponseJSON>;
  readonly assert: (options: AssertOptions) => Promise<AuthenticationResponseJSON>;
}

export const coseEc2Key = (x: Uint8Array, y: Uint8Array, algorithm = COSE_ES256): Bytes =>
  encodeCbor([[1, 2], [3, algorithm], [-1, 1], [-2, x], [-3, y]]);

export const createSoftAuthenticator = async (): Promise<SoftAuthenticator> => {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const rawPublic = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey));
  const publicKeyCose = coseEc2Key(rawPublic.subarray(1, 33), rawPublic.subarray(33, 65));
  const credentialIdBytes = crypto.getRandomValues(new Uint8Array(16));
  const credentialId = toBase64Url(credentialIdBytes);
  let counter = 0;

  const clientData = (options: CeremonyOptions, defaultType: string): Bytes => new TextEncoder().encode(JSON.stringify({
    type: options.type ?? defaultType, challenge: options.challenge, origin: options.origin, crossOrigin: options.crossOrigin ?? false,
  }));

  const header = async (options: CeremonyOptions, count: number, extraFlags: number): Promise<Bytes> => {
    const flags = ((options.userPresent ?? true) ? FLAG_UP : 0) | ((options.userVerified ?? true) ? FLAG_UV : 0) | extraFlags;
    const counterBytes = new Uint8Array(4);
    new DataView(counterBytes.buffer).setUint32(0, count);
    return concat(await sha256(new TextEncoder().encode(options.rpId)), new Uint8Array([flags]), counterBytes);
  };

  const register = async (options: RegisterOptions): Promise<RegistrationResponseJSON> => {
    const idLength = new Uint8Array([credentialIdBytes.length >> 8, credentialIdBytes.length & 0xff]);
    const authData = concat(
      await header(options, counter, FLAG_AT), new Uint8Array(16), idLength, credentialIdBytes,
      options.publicKeyOverride ?? publicKeyCose,
    );
    const attestationObject = encodeCbor([['fmt', 'none'], ['attStmt', []], ['authData', authData]]);
    return {
      id: credentialId, rawId: credentialId, type: 'public-key', clientExtensionResults: {},
      response: {
        clientDataJSON: toBase64Url(clientData(options, 'webauthn.create')),
        attestationObject: toBase64Url(attestationObject),
        transports: ['usb'],
      },
    };
  };

  const assert = async (options: AssertOptions): Promise<AuthenticationResponseJSON> => {
    counter = options.counter ?? counter + 1;
    const authData = await header(options, counter, 0);
    const clientDataJSON = clientData(options, 'webauthn.get');
    const signed = concat(authData, await sha256(clientDataJSON));
    const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, signed));
    return {
      id: credentialId, rawId: credentialId, type: 'public-key', clientExtensionResults: {},
      response: {
        clientDataJSON: toBase64Url(clientDataJSON),
        authenticatorData: toBase64Url(authData),
        signature: toBase64Url(rawToDerSignature(raw)),
      },
    };
  };

  return { credentialId, publicKeyCose, register, assert };
};
