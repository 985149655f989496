import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { mount } from '../../../test/elements/mount';
import type { RelayRetentionView } from '../../../worker/contracts/relay-retention';
import './locket-relay-retention-notice';

const servicesShowing = (view: RelayRetentionView) => ({
  relayErasure: async () => ({ type: 'not-synced' as const }),
  relayRetention: async () => view,
});

const MARCH_1 = Date.UTC(2026, 2, 1);

describe('locket-relay-retention-notice', () => {
  it('says a cancelled team can be restored by the owner until its fourteenth day', async () => {
    await mount('locket-relay-retention-notice', {
      services: servicesShowing({ relayKeyChangedSince: null, team: { type: 'cancelled', signedAt: MARCH_1, restorableUntil: MARCH_1 + 14 * 86_400_000 }, heldBack: 0 }),
    });
    await expect.element(page.getByText(/^This team was cancelled on .*2026; it can be restored by the owner until .*15.*2026\. /)).toBeVisible();
  });

  it('says the team\'s data left this device, a relay key that changed, and records kept here unsynced', async () => {
    await mount('locket-relay-retention-notice', {
      services: servicesShowing({ relayKeyChangedSince: MARCH_1, team: { type: 'wiped', signedAt: MARCH_1, wipedAt: MARCH_1 + 15 * 86_400_000 }, heldBack: 2 }),
    });
    await expect.element(page.getByText(/^This team was cancelled on .*2026; its data was removed from this device\.$/)).toBeVisible();
    await expect.element(page.getByRole('alert')).toHaveTextContent(/^The relay now signs with a different key than the one this device saw on .*2026\./);
    await expect.element(page.getByText(/^Could not sync 2 records: /)).toBeVisible();
  });
});
