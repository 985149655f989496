import type { ClockHold } from '../../core/retention/clock-trust';
import type { LowStorage } from '../../core/snapshots/headroom';
import { dateTime, sizeText } from '../locket-retention-settings/retention-text';
import { catalogue } from '../shared/i18n/catalogue';

type Behind = Extract<ClockHold, { type: 'clock-behind' }>;
type Jumped = Extract<ClockHold, { type: 'clock-jumped' }>;
const at = dateTime.format;

const NOTICES = catalogue({
  en: {
    clockBehind: (hold: Behind) => `Nothing was deleted: this device’s clock reads ${at(hold.clockAt)}, earlier than the newest time Locket `
      + `has seen (${at(hold.seenAt)}). Sweeps delete nothing until the clock passes that time. If the clock is `
      + 'wrong, set it right; nothing is lost meanwhile.',
    clockJumped: (hold: Jumped) => `Nothing was deleted: this device’s clock reads ${at(hold.clockAt)}, more than a day after the last sweep `
      + `(${at(hold.seenAt)}). If Locket was simply closed since then, a sweep from ${at(hold.confirmAfter)} `
      + 'on checks the clock again and goes ahead. If the clock is wrong, set it right; nothing is lost meanwhile.',
    snapshotSkipped: (skipped: LowStorage) => `The daily snapshot was skipped: ${sizeText(skipped.availableBytes)} of storage is free, and a snapshot needs about `
      + `${sizeText(skipped.neededBytes)} so that saving still works afterwards. Free space on this device or delete old snapshots; `
      + 'the next sweep tries again.',
  },
  de: {
    clockBehind: (hold: Behind) => `Es wurde nichts gelöscht: Die Uhr dieses Geräts zeigt ${at(hold.clockAt)}, früher als die neueste Zeit, die Locket `
      + `gesehen hat (${at(hold.seenAt)}). Bereinigungen löschen nichts, bis die Uhr diese Zeit überschreitet. Wenn die Uhr `
      + 'falsch geht, stellen Sie sie richtig; bis dahin geht nichts verloren.',
    clockJumped: (hold: Jumped) => `Es wurde nichts gelöscht: Die Uhr dieses Geräts zeigt ${at(hold.clockAt)}, mehr als einen Tag nach der letzten Bereinigung `
      + `(${at(hold.seenAt)}). Wenn Locket seitdem einfach geschlossen war, prüft eine Bereinigung ab ${at(hold.confirmAfter)} `
      + 'die Uhr erneut und wird dann ausgeführt. Wenn die Uhr falsch geht, stellen Sie sie richtig; bis dahin geht nichts verloren.',
    snapshotSkipped: (skipped: LowStorage) => `Der tägliche Schnappschuss wurde übersprungen: ${sizeText(skipped.availableBytes)} Speicher sind frei, und ein Schnappschuss braucht etwa `
      + `${sizeText(skipped.neededBytes)}, damit das Speichern danach weiter funktioniert. Geben Sie auf diesem Gerät Speicher frei oder löschen Sie alte Schnappschüsse; `
      + 'die nächste Bereinigung versucht es erneut.',
  },
});

/** Why a sweep deleted nothing, in words for the owner: what the clock read, and what to do. */
export const clockHoldText = (hold: ClockHold): string =>
  (hold.type === 'clock-behind' ? NOTICES.clockBehind(hold) : NOTICES.clockJumped(hold));

/** Why the daily snapshot was not taken. */
export const snapshotSkippedText = (skipped: LowStorage): string => NOTICES.snapshotSkipped(skipped);
