/**
 * A device's side of the relay protocol over real HTTP, for tests: every answer is parsed with
 * the same core/sync schemas the relay uses.
 */
import * as v from 'valibot';
import WebSocket from 'ws';
import { toBase64Url } from '../../../core/security/base64url';
import {
  AckSchema, ChallengeSchema, DeviceListSchema, PullReplySchema, RefusalSchema, ServerFrameSchema, SessionSchema,
  type Ack, type Envelope, type PullReply, type Refusal, type ServerFrame,
} from '../../../core/sync/protocol';
import { addDeviceMessage, authMessage, removeDeviceMessage, signBytes } from '../../../core/sync/signing';
import type { TestDevice } from './test-device';

export interface RawAnswer { readonly status: number; readonly body: unknown }

export const postRaw = async (url: string, body: string, token?: string): Promise<RawAnswer> => {
  const response = await fetch(url, {
    method: 'POST', body, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
};

export const refusalOf = (answer: RawAnswer): Refusal => v.parse(RefusalSchema, answer.body);

const ok = <T extends v.GenericSchema>(schema: T, answer: RawAnswer): v.InferOutput<T> => {
  if (answer.status !== 200) throw new Error(`Relay refused (${answer.status}): ${JSON.stringify(answer.body)}`);
  return v.parse(schema, answer.body);
};

export interface RelayClient {
  readonly token: () => string;
  readonly push: (sets: readonly Envelope[]) => Promise<Ack>;
  readonly pushRaw: (body: unknown) => Promise<RawAnswer>;
  readonly pull: (since: number, limit?: number) => Promise<PullReply>;
  readonly pullRaw: (since: number) => Promise<RawAnswer>;
  readonly addDevice: (other: TestDevice) => Promise<RawAnswer>;
  readonly removeDevice: (deviceId: string) => Promise<RawAnswer>;
  readonly devices: () => Promise<v.InferOutput<typeof DeviceListSchema>>;
  /** Pulls from `since` until the head, page by page (bounded). */
  readonly pullAll: (since: number) => Promise<PullReply['sets']>;
}

const signedAuth = async (baseUrl: string, device: TestDevice, purpose: 'register' | 'session') => {
  const team = device.team;
  const deviceId = device.keys.deviceId;
  const challenge = ok(ChallengeSchema, await postRaw(`${baseUrl}/v1/challenge`, JSON.stringify({ team, device: deviceId })));
  const sig = await signBytes(device.keys.privateKey, authMessage(purpose, challenge.relayInstance, team, deviceId, challenge.nonce));
  const body = { team, device: deviceId, nonce: challenge.nonce, sig, ...(purpose === 'register' ? { publicKey: toBase64Url(device.keys.publicKey) } : {}) };
  return postRaw(`${baseUrl}/v1/${purpose}`, JSON.stringify(body));
};

export const openSessionRaw = (baseUrl: string, device: TestDevice, purpose: 'register' | 'session'): Promise<RawAnswer> =>
  signedAuth(baseUrl, device, purpose);

/** Registers the device (first of its team) or opens a session for an enrolled one. */
export const connectDevice = async (baseUrl: string, device: TestDevice, purpose: 'register' | 'session'): Promise<RelayClient> => {
  const session = ok(SessionSchema, await signedAuth(baseUrl, device, purpose));
  const post = (path: string, body: unknown) => postRaw(`${baseUrl}${path}`, JSON.stringify(body), session.token);
  let reqCounter = 0;
  const client: RelayClient = {
    token: () => session.token,
    push: async (sets) => ok(AckSchema, await post('/v1/push', { reqId: `r${(reqCounter += 1)}`, sets })),
    pushRaw: (body) => post('/v1/push', body),
    pull: async (since, limit) => ok(PullReplySchema, await post('/v1/pull', limit === undefined ? { since } : { since, limit })),
    pullRaw: (since) => post('/v1/pull', { since }),
    addDevice: async (other) => post('/v1/devices/add', {
      publicKey: toBase64Url(other.keys.publicKey),
      sig: await signBytes(device.keys.privateKey, addDeviceMessage(device.team, device.keys.deviceId, toBase64Url(other.keys.publicKey))),
    }),
    removeDevice: async (deviceId) => post('/v1/devices/remove', {
      device: deviceId, sig: await signBytes(device.keys.privateKey, removeDeviceMessage(device.team, device.keys.deviceId, deviceId)),
    }),
    devices: async () => {
      const response = await fetch(`${baseUrl}/v1/devices`, { headers: { authorization: `Bearer ${session.token}` } });
      return ok(DeviceListSchema, { status: response.status, body: await response.json() });
    },
    pullAll: async (since) => {
      const sets: PullReply['sets'] = [];
      let cursor = since;
      for (let page = 0; page < 1000; page += 1) {
        const reply = await client.pull(cursor);
        sets.push(...reply.sets);
        cursor = reply.sets.at(-1)?.seq ?? cursor;
        if (!reply.more) return sets;
      }
      throw new Error('pullAll did not reach the head in 1000 pages');
    },
  };
  return client;
};

/** A poke socket that records every frame it receives. */
export const openPokeSocket = async (baseUrl: string, token: string, origin?: string) => {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/v1/socket`, origin ? { origin } : {});
  const frames: ServerFrame[] = [];
  socket.on('message', (data) => frames.push(v.parse(ServerFrameSchema, JSON.parse(String(data)))));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'hello', v: 1, token }));
  return { socket, frames };
};

/** Polls `check` every 20 ms until it holds or `timeoutMs` passes; bounded by construction. */
export const waitFor = async (check: () => boolean, timeoutMs = 5000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
