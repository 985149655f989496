import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { createManualClock } from '../../core/clock';
import { toBase64Url } from '../../core/security/base64url';
import { PAIRING_TTL_MS } from '../../core/sync/protocol';
import { createRelayStore, type RelayStore } from '../../relay/store/store';
import { drivers } from './drivers';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, releaseDriverResources } from './postgres-drivers';
import { createTestDevice, newTeamId, newTeamKey } from './support/test-device';

const START = Date.UTC(2026, 0, 1);
const newSlot = (): string => toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)));

afterAll(releaseDriverResources, FIRST_OPEN_TIMEOUT_MS);

for (const factory of drivers) describeDriver(factory, ({ open }) => {
  let store: RelayStore;
  const clock = createManualClock(START);
  const team = newTeamId();

  beforeEach(async () => {
    clock.set(START);
    store = createRelayStore(await open(), { clock });
    await store.migrate();
  }, FIRST_OPEN_TIMEOUT_MS);
  afterEach(async () => { await store.close(); });

  it('keeps each message kind once, in the slot it was posted to, until the slot closes', async () => {
    const slot = newSlot();
    expect(await store.openPairing(slot, team, 'offer', PAIRING_TTL_MS)).toEqual({ expiresAt: START + PAIRING_TTL_MS });
    expect(await store.openPairing(slot, team, 'again', PAIRING_TTL_MS)).toBe('exists');
    expect(await store.postPairing(slot, 'join', 'keys')).toBe('posted');
    expect(await store.postPairing(slot, 'join', 'substitute')).toBe('conflict');
    expect(await store.postPairing(slot, 'welcome', 'sealed', newTeamId())).toBe('forbidden');
    expect(await store.postPairing(slot, 'welcome', 'sealed', team)).toBe('posted');
    expect(await store.readPairing(slot)).toEqual({ offer: 'offer', join: 'keys', welcome: 'sealed', expiresAt: START + PAIRING_TTL_MS });
    expect(await store.postPairing(newSlot(), 'join', 'keys')).toBe('not_found');
    expect(await store.closePairing(slot)).toBe(true);
    expect(await store.readPairing(slot)).toBe('not_found');
    expect(await store.postPairing(slot, 'accept', 'yes')).toBe('not_found');
  });

  it('answers expired after ten minutes, and forgets the slot an hour later', async () => {
    const slot = newSlot();
    await store.openPairing(slot, team, 'offer', PAIRING_TTL_MS);
    clock.set(START + PAIRING_TTL_MS);
    expect(await store.readPairing(slot)).toBe('expired');
    expect(await store.postPairing(slot, 'join', 'late')).toBe('expired');
    clock.set(START + PAIRING_TTL_MS + 60 * 60 * 1000);
    await store.openPairing(newSlot(), team, 'another', PAIRING_TTL_MS);
    expect(await store.readPairing(slot)).toBe('not_found');
  });

  it('stores a device label as opaque bytes and lists it back', async () => {
    const first = await createTestDevice(team, newTeamKey(), clock);
    const second = await createTestDevice(team, newTeamKey(), clock);
    expect(await store.createTeam(team, first.keys.deviceId, first.keys.publicKey, 'bGFiZWw')).toBe('created');
    expect(await store.addDevice(team, second.keys.deviceId, second.keys.publicKey, first.keys.deviceId)).toBe('added');
    const listed = await store.listDevices(team);
    expect(listed.find((d) => d.device === first.keys.deviceId)?.label).toBe('bGFiZWw');
    expect(listed.find((d) => d.device === second.keys.deviceId)).not.toHaveProperty('label');
  });
});
