/**
 * Team settings through the relay (issue 17): the owner defines a custom field and a milestone,
 * and a member's device receives them with the next round; a member below admin who gets past
 * their own device's guard has their settings refused by the relay, and nobody else sees them.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../core/clock';
import type { FieldDefinitions } from '../../core/custom-fields/definitions';
import { DEFAULT_PIPELINE } from '../../core/pipeline/pipeline-settings';
import { createPipelineWrites } from '../../core/pipeline/pipeline-writes';
import { START } from '../unit/store/harness';
import type { DeviceSetup, ModelNetwork } from './support/model-devices';
import { openModelRelay } from './support/model-relay';
import { addTeamMember, createTeamOwner } from './support/model-team';

const still = (index: number): DeviceSetup => ({ index, skewMs: 0, faults: [] });
const shoeSize: FieldDefinitions = {
  person: [{ id: 'shoe-size', name: 'Shoe size', type: 'number', choices: [], required: false, formerNames: [] }],
  organisation: [], case: [], opportunity: [],
};
const withSigned = {
  ...DEFAULT_PIPELINE, milestones: [...DEFAULT_PIPELINE.milestones, { id: 'signed', name: 'Signed', probability: 95, daysUntilStale: 7 }],
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
});
