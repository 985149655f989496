import type { ClockHold } from '../../core/retention/clock-trust';
import type { LowStorage } from '../../core/snapshots/headroom';
import { dateTime, sizeText } from '../locket-retention-settings/retention-text';

/** Why a sweep deleted nothing, in words for the owner: what the clock read, and what to do. */
export const clockHoldText = (hold: ClockHold): string => hold.type === 'clock-behind'
  ? `Nothing was deleted: this device’s clock reads ${dateTime.format(hold.clockAt)}, earlier than the newest time Locket `
    + `has seen (${dateTime.format(hold.seenAt)}). Sweeps delete nothing until the clock passes that time. If the clock is `
    + 'wrong, set it right; nothing is lost meanwhile.'
  : `Nothing was deleted: this device’s clock reads ${dateTime.format(hold.clockAt)}, more than a day after the last sweep `
    + `(${dateTime.format(hold.seenAt)}). If Locket was simply closed since then, a sweep from ${dateTime.format(hold.confirmAfter)} `
    + 'on checks the clock again and goes ahead. If the clock is wrong, set it right; nothing is lost meanwhile.';

/** Why the daily snapshot was not taken. */
export const snapshotSkippedText = (skipped: LowStorage): string =>
  `The daily snapshot was skipped: ${sizeText(skipped.availableBytes)} of storage is free, and a snapshot needs about `
  + `${sizeText(skipped.neededBytes)} so that saving still works afterwards. Free space on this device or delete old snapshots; `
  + 'the next sweep tries again.';
