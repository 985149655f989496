/**
 * Team settings through the relay (issue 17): the owner defines a custom field and a milestone,
 * and a member's device receives them with the next round; a member below admin who gets past
 * their own device's guard has their settings refused by the relay, and nobody else sees them.
 * A member invited after the relay's log was truncated under a snapshot gets the settings from it.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../core/clock';
import type { FieldDefinitions } from '../../core/custom-fields/definitions';
import { DEFAULT_PIPELINE } from '../../core/pipeline/pipeline-settings';
import { createPipelineWrites } from '../../core/pipeline/pipeline-writes';
import { DAY_MS } from '../../core/retention/windows';
import { createRelaySession } from '../../core/sync/engine/relay-session';
import { createSnapshotUploader } from '../../core/sync/engine/snapshot-upload';
import { START } from '../unit/store/harness';
import { cleanTransport, type DeviceSetup, type ModelNetwork } from './support/model-devices';
import { openModelRelay, type ModelRelay } from './support/model-relay';
import { addTeamMember, createTeamOwner, type TeamModelDevice } from './support/model-team';

const still = (index: number): DeviceSetup => ({ index, skewMs: 0, faults: [] });
const shoeSize: FieldDefinitions = {
  person: [{ id: 'shoe-size', name: 'Shoe size', type: 'number', choices: [], required: false, formerNames: [] }],
  organisation: [], case: [], opportunity: [],
};
const withSigned = {
  ...DEFAULT_PIPELINE, milestones: [...DEFAULT_PIPELINE.milestones, { id: 'signed', name: 'Signed', probability: 95, daysUntilStale: 7 }],
};

/** The daily snapshot as `member`'s engine uploads it after a round (core/sync/engine/snapshot-upload.ts). */
const uploadSnapshot = async (relay: ModelRelay, member: TeamModelDevice, clock: ManualClock) => {
  const team = (await member.account.identity())!.team;
  const { crypto, replica } = member.device;
  const session = createRelaySession({ transport: cleanTransport(relay), crypto, team, clock });
  const cursor = await replica.cursor();
  return createSnapshotUploader({ replica, crypto, session, clock, cursor: () => cursor, active: () => true }).maybeUpload();
};

describe('team settings through the relay', () => {
  it('reach a member\'s device, and a standard or read-only member\'s settings are refused by the relay', async () => {
    const clock = createManualClock(START);
    const relay = await openModelRelay(clock);
    const network: ModelNetwork = { delayed: [], healed: true };
    try {
      const owner = await createTeamOwner(clock, relay, network, still(0));
      const standard = await addTeamMember(clock, relay, network, still(1), owner, 'standard');
      const reader = await addTeamMember(clock, relay, network, still(2), owner, 'read-only');

      expect((await owner.device.store.saveSettings({ fieldDefinitions: shoeSize })).ok).toBe(true);
      expect((await createPipelineWrites(owner.device.deps, owner.device.store.audit).savePipeline(withSigned, [])).ok).toBe(true);
      expect(await owner.device.sync()).toBeNull();
      for (const member of [standard, reader]) {
        expect(await member.device.sync()).toBeNull();
        expect(await member.device.store.getSettings()).toMatchObject({ fieldDefinitions: shoeSize, pipeline: withSigned });
        expect(member.device.bus.published).toContainEqual({ ids: [], kinds: [], settings: true });
      }

      // Past their own device's guard (worker/role-guard.ts), straight to the store: the relay still refuses.
      for (const member of [standard, reader]) {
        expect((await member.device.store.saveSettings({ defaultCurrency: 'USD' })).ok).toBe(true);
        await member.device.sync();
      }
      const team = (await owner.account.identity())!.team;
      const stored = await relay.store().pullSets(team, 0, 500);
      const settingsFrom = stored.sets.filter((set) => set.items.some((item) => item.kind === 'settings')).map((set) => set.device);
      expect(settingsFrom.length).toBeGreaterThan(0);
      expect(new Set(settingsFrom)).toEqual(new Set([owner.deviceId]));
      expect(await owner.device.sync()).toBeNull();
      expect((await owner.device.store.getSettings()).defaultCurrency).toBe('EUR');
    } finally {
      await relay.dispose();
    }
  }, 120_000);

  it('reach a member who joins after the relay\'s log was truncated under a snapshot that holds them', async () => {
    const clock = createManualClock(START);
    const relay = await openModelRelay(clock);
    const network: ModelNetwork = { delayed: [], healed: true };
    try {
      const owner = await createTeamOwner(clock, relay, network, still(0));
      expect((await owner.device.store.saveSettings({ fieldDefinitions: shoeSize, defaultCurrency: 'CHF' })).ok).toBe(true);
      expect((await createPipelineWrites(owner.device.deps, owner.device.store.audit).savePipeline(withSigned, [])).ok).toBe(true);
      expect(await owner.device.sync()).toBeNull();
      // The relay runs its retention sweep daily; the owner's device lives through the same days.
      const liveFor = async (days: number) => {
        for (let day = 0; day < days; day += 1) {
          clock.advance(DAY_MS);
          owner.device.clock.advance(DAY_MS);
          expect((await relay.retention()).held).toBeNull();
        }
      };
      await liveFor(55);
      expect(await owner.device.sync()).toBeNull();
      expect(await uploadSnapshot(relay, owner, clock)).toBe('uploaded');
      await liveFor(5);
      // The sets that wrote the settings are gone: a device reading the log from its start is sent to the snapshot.
      const team = (await owner.account.identity())!.team;
      expect((await relay.store().latestSnapshot(team)).floor).toBeGreaterThan(0);

      const newcomer = await addTeamMember(clock, relay, network, still(1), owner, 'standard');
      expect(await newcomer.device.sync()).toBeNull();
      expect(await newcomer.device.store.getSettings()).toMatchObject({ fieldDefinitions: shoeSize, pipeline: withSigned, defaultCurrency: 'CHF' });
      expect(newcomer.device.bus.published).toContainEqual({ ids: [], kinds: [], settings: true });
    } finally {
      await relay.dispose();
    }
  }, 120_000);
});
