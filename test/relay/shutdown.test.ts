import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { connectDevice, openPokeSocket, postRaw } from './support/relay-client';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { createTestDevice, newTeamId, newTeamKey } from './support/test-device';
import { openSqliteDriver } from '../../relay/store/sqlite';
import { createRelayStore } from '../../relay/store/store';
import { systemClock } from '../../core/clock';

describe('graceful shutdown', () => {
  let relay: TestRelay | undefined;
  afterEach(async () => { await relay?.dispose(); });

  it('finishes the push in flight, acknowledges it, keeps it, and then refuses new work', async () => {
    relay = await startTestRelay();
    const device = await createTestDevice(newTeamId(), newTeamKey());
    const client = await connectDevice(relay.url, device, 'register');
    const { socket } = await openPokeSocket(relay.url, client.token());
    const socketClosed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const sets = [];
    for (let i = 0; i < 50; i += 1) sets.push(await device.nextSet([`set ${i}`, `more ${i}`]));
    // The body arrives in two halves with the stop in between: the request is surely in flight when close() starts.
    const body = JSON.stringify({ reqId: 'last', sets });
    const request = httpRequest(`${relay.url}/v1/push`, {
      method: 'POST', headers: { authorization: `Bearer ${client.token()}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      request.once('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => { text += chunk.toString(); });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.once('error', reject);
    });
    request.write(body.slice(0, 100));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const closing = relay.close();
    request.end(body.slice(100));
    const answer = await answered;
    await closing;
    expect(answer.status).toBe(200);
    const ack = JSON.parse(answer.text) as { results: object[] };
    expect(ack.results).toHaveLength(50);
    expect(ack.results.every((r) => 'seq' in r)).toBe(true);
    expect(await socketClosed).toBe(1001);
    await expect(postRaw(`${relay.url}/v1/pull`, '{"since":0}', client.token())).rejects.toThrow();

    const store = createRelayStore(openSqliteDriver(relay.dataFile), { clock: systemClock });
    expect((await store.pullSets(device.team, 0, 100)).sets).toHaveLength(50);
    await store.close();
  });

  it('answers /healthz and /readyz', async () => {
    relay = await startTestRelay();
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${relay.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
  });
});

describe('relay instance id', () => {
  it('survives a restart on the same file and differs on a fresh one, so devices can tell a wiped relay', async () => {
    const first = await startTestRelay();
    const device = await createTestDevice(newTeamId(), newTeamKey());
    const before = (await (await connectDevice(first.url, device, 'register')).pull(0)).relayInstance;
    await first.close();
    const again = await startTestRelay({ dataFile: first.dataFile });
    const fresh = await startTestRelay();
    try {
      expect((await (await connectDevice(again.url, device, 'session')).pull(0)).relayInstance).toBe(before);
      const wiped = await connectDevice(fresh.url, device, 'register');
      expect((await wiped.pull(0)).relayInstance).not.toBe(before);
    } finally {
      await again.dispose();
      await fresh.dispose();
      await first.dispose();
    }
  });
});
