import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectDevice, openPokeSocket, waitFor } from './support/relay-client';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { createTestDevice, newTeamId, newTeamKey, openItem } from './support/test-device';

describe('two devices through a real relay', () => {
  let relay: TestRelay;
  beforeEach(async () => { relay = await startTestRelay(); });
  afterEach(async () => { await relay.dispose(); });

  it('converge on the same ordered ciphertext, and a poke tells the other device to pull', async () => {
    const team = newTeamId();
    const teamKey = newTeamKey();
    const laptop = await createTestDevice(team, teamKey);
    const phone = await createTestDevice(team, teamKey);
    const laptopClient = await connectDevice(relay.url, laptop, 'register');
    expect((await laptopClient.addDevice(phone)).status).toBe(200);
    const phoneClient = await connectDevice(relay.url, phone, 'session');
    const phoneSocket = await openPokeSocket(relay.url, phoneClient.token());
    await waitFor(() => phoneSocket.frames.some((f) => f.type === 'welcome'));

    const written: string[] = [];
    for (let round = 0; round < 5; round += 1) {
      const fromLaptop = await laptop.nextSet([`laptop ${round}`]);
      const fromPhone = await phone.nextSet([`phone ${round}`, `phone ${round} bis`]);
      const [laptopAck, phoneAck] = await Promise.all([laptopClient.push([fromLaptop]), phoneClient.push([fromPhone])]);
      expect(laptopAck.results[0]).toMatchObject({ setId: fromLaptop.setId, duplicate: false });
      expect(phoneAck.results[0]).toMatchObject({ setId: fromPhone.setId, duplicate: false });
      written.push(`laptop ${round}`, `phone ${round}`, `phone ${round} bis`);
    }
    await waitFor(() => phoneSocket.frames.some((f) => f.type === 'poke' && f.head === 10));

    const seenByLaptop = await laptopClient.pullAll(0);
    const seenByPhone = await phoneClient.pullAll(0);
    expect(seenByPhone).toEqual(seenByLaptop);
    expect(seenByLaptop.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const plaintexts = await Promise.all(seenByPhone.flatMap((s) => s.items.map((item) => openItem(teamKey, item.ct!))));
    expect(plaintexts.sort()).toEqual(written.sort());

    const devices = await phoneClient.devices();
    expect(devices.devices.map((d) => [d.device, d.ackedClientSeq]).sort()).toEqual(
      [[laptop.keys.deviceId, 5], [phone.keys.deviceId, 5]].sort(),
    );
    phoneSocket.socket.close();
  });

  it('re-acknowledges a retried push with the original seq and keeps one copy', async () => {
    const device = await createTestDevice(newTeamId(), newTeamKey());
    const client = await connectDevice(relay.url, device, 'register');
    const set = await device.nextSet(['only once']);
    const first = await client.push([set]);
    const retry = await client.push([set]);
    expect(retry.results).toEqual([{ setId: set.setId, seq: first.results[0] && 'seq' in first.results[0] ? first.results[0].seq : -1, duplicate: true }]);
    expect((await client.pull(0)).sets).toHaveLength(1);
  });

  it('answers every pull with the relay instance and head, so a device can tell a relay that went back in time', async () => {
    const device = await createTestDevice(newTeamId(), newTeamKey());
    const client = await connectDevice(relay.url, device, 'register');
    await client.push([await device.nextSet(['a']), await device.nextSet(['b'])]);
    const reply = await client.pull(2);
    expect(reply.head).toBe(2);
    expect(reply.sets).toEqual([]);
    expect(reply.relayInstance).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const again = await client.pull(0, 1);
    expect(again.relayInstance).toBe(reply.relayInstance);
    expect(again.more).toBe(true);
  });
});

describe('poke sockets', () => {
  it('drops a socket whose peer stopped answering pings, and keeps one that answers', async () => {
    const relay = await startTestRelay({}, undefined, { socketHeartbeatMs: 100 });
    try {
      const device = await createTestDevice(newTeamId(), newTeamKey());
      const client = await connectDevice(relay.url, device, 'register');
      const answering = await openPokeSocket(relay.url, client.token());
      const silent = new WebSocket(`${relay.url.replace('http', 'ws')}/v1/socket`, { autoPong: false });
      const silentClosed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
      await new Promise((resolve) => silent.once('open', resolve));
      silent.send(JSON.stringify({ type: 'hello', v: 1, token: client.token() }));
      expect(await silentClosed).toBe(1006);
      expect(answering.socket.readyState).toBe(WebSocket.OPEN);
      await client.push([await device.nextSet(['still here'])]);
      await waitFor(() => answering.frames.some((f) => f.type === 'poke' && f.head === 1));
      answering.socket.close();
    } finally {
      await relay.dispose();
    }
  });
});
