/**
 * The person's audit entry on the device that erased them: the relay's receipt (kept and checked
 * against the pinned key) with the relay's acknowledgements, in the words a reader sees.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { idHash, sha256Hex } from '../../../core/audit/hash';
import { erasureReceiptMessage } from '../../../core/erasure/relay-receipt';
import { DAY_MS } from '../../../core/retention/windows';
import { toBase64Url } from '../../../core/security/base64url';
import type { RelayTransport } from '../../../core/sync/ports';
import { signBytes } from '../../../core/sync/signing';
import { setCurrentLocale } from '../../../components/shared/i18n/locale';
import { heldBackText, relayErasureText, teamCancellationText } from '../../../components/shared/messages/relay-retention-words';
import { createRelayReceiptStore } from '../../../worker/relay-receipts-port';
import { createRelayRetentionApi } from '../../../worker/relay-retention-api';
import { createTestDevice, newTeamId, newTeamKey } from '../../relay/support/test-device';
import { createHarness, TEST_AUDIT_KEYS } from '../store/harness';

afterEach(() => setCurrentLocale('en'));

const setUp = async () => {
  const { deps, clock } = await createHarness();
  const team = newTeamId();
  const relayKey = await createTestDevice(team, newTeamKey(), clock);
  const devices = await Promise.all([1, 2, 3, 4, 5].map(() => createTestDevice(team, newTeamKey(), clock)));
  const subject = await idHash(TEST_AUDIT_KEYS, 'person-ada');
  const unsigned = { team, idHash: await sha256Hex(subject), seq: 9, rowsDeleted: 3, at: clock.now() };
  const receipt = { ...unsigned, sig: await signBytes(relayKey.keys.privateKey, erasureReceiptMessage(unsigned)) };
  const receipts = createRelayReceiptStore(deps.db, team);
  await receipts.setPin({ publicKey: toBase64Url(relayKey.keys.publicKey), pinnedAt: clock.now() });
  await receipts.keep(receipt);
  const laptop = devices[4]!.keys.deviceId;
  const transport: RelayTransport = {
    request: async (path, init) => {
      expect([path, init.token]).toEqual(['/v1/erasures/status', 'token']);
      return { status: 200, body: { idHash: receipt.idHash, devices: 5, acknowledged: 4, pending: [{ device: laptop, lastSeenAt: clock.now() - 12 * DAY_MS }] } };
    },
    openSocket: () => { throw new Error('unused'); },
  };
  const api = createRelayRetentionApi({
    db: deps.db, transportFor: () => transport, worker: null, token: async () => ({ ok: true, value: 'token' }),
    cancellationState: async () => ({ type: 'active' }),
    account: {
      identity: async () => ({ relayUrl: 'https://relay.example', team, deviceId: devices[0]!.keys.deviceId, deviceName: 'Desk', epoch: 1 }),
      devices: async () => ({ ok: true, value: [{ id: laptop, name: 'Laptop', thisDevice: false } as never] }),
    },
  });
  return { api, subject, clock, laptop };
};

describe('the relay\'s part of an erasure, as the audit entry shows it', () => {
  it('says erased on the relay, how many devices acknowledged, and who is still to, by name', async () => {
    const { api, subject, clock } = await setUp();
    const view = await api.relayErasure(subject);
    expect(relayErasureText(view, clock.now())).toBe('Erased on the relay; acknowledged by 4 of 5 devices; \'Laptop\' last seen 12 days ago');
    setCurrentLocale('de');
    expect(relayErasureText(view, clock.now())).toBe('Auf dem Relay gelöscht; bestätigt von 4 von 5 Geräten; „Laptop“ zuletzt vor 12 Tagen gesehen');
  });

  it('names a device this device knows no name for by its id\'s first characters, and shows nothing for an erasure the relay never confirmed', async () => {
    const { api, subject, clock, laptop } = await setUp();
    const view = await api.relayErasure(subject);
    expect(relayErasureText({ ...view, pending: view.type === 'erased-on-relay' ? view.pending.map((p) => ({ ...p, label: null })) : [] } as typeof view, clock.now()))
      .toContain(`'${laptop.slice(0, 8)}' last seen 12 days ago`);
    expect(await api.relayErasure(await idHash(TEST_AUDIT_KEYS, 'someone-else'))).toEqual({ type: 'not-synced' });
  });

  it('words a cancelled team, a removed one and records held back', () => {
    const signedAt = Date.UTC(2026, 2, 1);
    expect(teamCancellationText({ type: 'cancelled', signedAt, restorableUntil: signedAt + 14 * DAY_MS }))
      .toBe('This team was cancelled on 1 Mar 2026; it can be restored by the owner until 15 Mar 2026. After that its data is removed from this device.');
    expect(teamCancellationText({ type: 'wiped', signedAt, wipedAt: signedAt + 15 * DAY_MS }))
      .toBe('This team was cancelled on 1 Mar 2026; its data was removed from this device.');
    expect(teamCancellationText({ type: 'active' })).toBe('');
    expect(heldBackText(1)).toMatch(/^Could not sync 1 record: /);
  });
});
