/**
 * The team keys a device can open from a validated log: the newest epoch sealed to it, then each
 * older one through the chain every rotation carries. A removed member's device opens nothing
 * newer than its removal: no later epoch was ever sealed to it.
 */
import type { Bytes } from '../vault/types';
import { openGrant, openPreviousKey, type DeviceAgreement } from './team-keys';
import type { TeamState } from './state';

export const openTeamKeys = async (state: TeamState, device: DeviceAgreement): Promise<Map<number, Bytes>> => {
  const keys = new Map<number, Bytes>();
  const newest = [...state.keys].reverse().find((epoch) => epoch.sealed.some((sealed) => sealed.device === device.deviceId));
  if (!newest) return keys;
  let key = await openGrant(state.team, { epoch: newest.epoch, sealed: [...newest.sealed] }, device);
  for (let epoch = newest.epoch; key && epoch >= 1; epoch -= 1) {
    keys.set(epoch, key);
    const rotation = state.keys[epoch - 1];
    key = rotation?.previous ? await openPreviousKey(state.team, { epoch, previous: rotation.previous }, key) : null;
  }
  return keys;
};
