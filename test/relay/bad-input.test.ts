import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toBase64Url } from '../../core/security/base64url';
import { LIMITS } from '../../core/sync/protocol';
import { generateDeviceKeys, signSet } from '../../core/sync/signing';
import { connectDevice, openPokeSocket, openSessionRaw, postRaw, refusalOf, waitFor, type RelayClient } from './support/relay-client';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { createTestDevice, newTeamId, newTeamKey, type TestDevice } from './support/test-device';

describe('the relay refuses bad input with a clear code and stores nothing', () => {
  let relay: TestRelay;
  let device: TestDevice;
  let client: RelayClient;
  let teamKey: Uint8Array<ArrayBuffer>;

  beforeEach(async () => {
    relay = await startTestRelay({ maxBodyBytes: 64 * 1024 });
    teamKey = newTeamKey();
    device = await createTestDevice(newTeamId(), teamKey);
    client = await connectDevice(relay.url, device, 'register');
  });
  afterEach(async () => { await relay.dispose(); });

  const nothingStored = async () => {
    const reply = await client.pull(0);
    expect(reply.head).toBe(0);
    expect(reply.sets).toEqual([]);
  };

  it('a forged signature: bad_signature', async () => {
    const set = await device.nextSet(['forged']);
    const forger = await generateDeviceKeys();
    const forged = await signSet(forger.privateKey, { ...set, sig: undefined } as never);
    const ack = await client.push([{ ...forged, device: device.keys.deviceId }]);
    expect(ack.results).toEqual([{ setId: set.setId, error: 'bad_signature' }]);
    await nothingStored();
  });

  it('a ciphertext swapped after signing: bad_hash', async () => {
    const set = await device.nextSet(['original']);
    const other = await device.nextSet(['other']);
    const ack = await client.push([{ ...set, items: [{ ...set.items[0]!, ct: other.items[0]!.ct! }] }]);
    expect(ack.results).toEqual([{ setId: set.setId, error: 'bad_hash' }]);
    await nothingStored();
  });

  it('a set signed by another device of the team: forbidden', async () => {
    const other = await createTestDevice(device.team, teamKey);
    await client.addDevice(other);
    const set = await other.nextSet(['not mine']);
    expect((await client.push([set])).results).toEqual([{ setId: set.setId, error: 'forbidden' }]);
    await nothingStored();
  });

  it('a replayed push from a removed device: removed, for the old session and for a new one', async () => {
    const other = await createTestDevice(device.team, teamKey);
    await client.addDevice(other);
    const otherClient = await connectDevice(relay.url, other, 'session');
    const set = await other.nextSet(['before removal']);
    expect((await client.removeDevice(other.keys.deviceId)).body).toEqual({ removed: true });
    const replay = await otherClient.pushRaw({ reqId: 'replay', sets: [set] });
    expect(replay.status).toBe(403);
    expect(refusalOf(replay).error).toBe('removed');
    expect(refusalOf(await otherClient.pullRaw(0)).error).toBe('removed');
    expect(refusalOf(await openSessionRaw(relay.url, other, 'session')).error).toBe('removed');
    expect(refusalOf(await client.addDevice(other)).error).toBe('removed');
    await nothingStored();
  });

  it('an oversized body: 413 too_large', async () => {
    const huge = JSON.stringify({ reqId: 'big', sets: [], pad: 'x'.repeat(100 * 1024) });
    const answer = await postRaw(`${relay.url}/v1/push`, huge, client.token());
    expect(answer.status).toBe(413);
    expect(refusalOf(answer).error).toBe('too_large');
    await nothingStored();
  });

  it('an oversized WebSocket frame closes the socket with 1009', async () => {
    const { socket } = await openPokeSocket(relay.url, client.token());
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('x'.repeat(LIMITS.maxSocketFrameBytes + 1));
    expect(await closed).toBe(1009);
  });

  it('malformed JSON: bad_json; a wrong shape: bad_request naming the field', async () => {
    const malformed = await postRaw(`${relay.url}/v1/push`, '{"reqId": "r", "sets": [', client.token());
    expect(malformed.status).toBe(400);
    expect(refusalOf(malformed).error).toBe('bad_json');
    const set = await device.nextSet(['x']);
    const wrong = await client.pushRaw({ reqId: 'r', sets: [{ ...set, clientSeq: -1 }] });
    expect(wrong.status).toBe(400);
    expect(refusalOf(wrong)).toMatchObject({ error: 'bad_request', detail: expect.stringContaining('clientSeq') });
    await nothingStored();
  });

  it('out-of-order clientSeq: gap with the expected number, nothing after the hole stored', async () => {
    const first = await device.nextSet(['1']);
    const second = await device.nextSet(['2']);
    const ack = await client.push([second, first]);
    expect(ack.results).toEqual([{ setId: second.setId, error: 'gap', expected: 1 }, { setId: first.setId, seq: 1, duplicate: false }]);
    const third = await device.nextSet(['3']);
    expect((await client.push([third])).results).toEqual([{ setId: third.setId, error: 'gap', expected: 2 }]);
    expect((await client.pull(0)).sets.map((s) => s.clientSeq)).toEqual([1]);
  });

  it('no session, a wrong token, a reused nonce and a bad registration signature: refused', async () => {
    expect(refusalOf(await postRaw(`${relay.url}/v1/pull`, '{"since":0}')).error).toBe('unauthorized');
    expect(refusalOf(await postRaw(`${relay.url}/v1/pull`, '{"since":0}', 'A'.repeat(43))).error).toBe('unauthorized');
    const challenge = (await postRaw(`${relay.url}/v1/challenge`, JSON.stringify({ team: device.team, device: device.keys.deviceId }))).body as { nonce: string };
    const badSig = { team: device.team, device: device.keys.deviceId, nonce: challenge.nonce, sig: 'A'.repeat(86) };
    expect(refusalOf(await postRaw(`${relay.url}/v1/session`, JSON.stringify(badSig))).error).toBe('bad_signature');
    expect(refusalOf(await postRaw(`${relay.url}/v1/session`, JSON.stringify(badSig))).error).toBe('bad_nonce');
    const intruder = await createTestDevice(device.team, teamKey);
    expect(refusalOf(await openSessionRaw(relay.url, intruder, 'register')).error).toBe('team_exists');
    expect(refusalOf(await openSessionRaw(relay.url, intruder, 'session')).error).toBe('unknown_device');
    const mismatched = { team: newTeamId(), device: device.keys.deviceId, publicKey: toBase64Url(intruder.keys.publicKey), nonce: challenge.nonce, sig: 'A'.repeat(86) };
    expect(refusalOf(await postRaw(`${relay.url}/v1/register`, JSON.stringify(mismatched))).error).toBe('bad_request');
  });

  it('a socket from a web page origin is refused; a bad hello gets an error frame', async () => {
    const refused = new WebSocket(`${relay.url.replace('http', 'ws')}/v1/socket`, { origin: 'https://evil.example' });
    refused.on('error', () => undefined);
    const status = await new Promise<number>((resolve) => refused.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(403);
    refused.terminate();
    const { socket, frames } = await openPokeSocket(relay.url, 'A'.repeat(43), 'chrome-extension://abcdefghijklmnop');
    await waitFor(() => frames.length > 0);
    expect(frames[0]).toMatchObject({ type: 'error', error: 'unauthorized' });
    socket.terminate();
  });
});
