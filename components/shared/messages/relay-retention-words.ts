/**
 * Words for what a device does about the relay's retention: the relay's part of an erasure (the
 * person's audit entry), a relay key that changed, a cancelled or removed team, and records the
 * relay's trash rule ended that this device kept.
 */
import type { RelayErasureView } from '../../../core/erasure/relay-receipt';
import { DAY_MS } from '../../../core/retention/windows';
import type { TeamCancellationState } from '../../../core/sync-account/team-cancellation-watch';
import { catalogue } from '../i18n/catalogue';
import { counted, formatDate } from '../i18n/format';

export const RELAY_RETENTION_WORDS = catalogue({
  en: {
    erasedOnRelay: (acknowledged: string, devices: string) => `Erased on the relay; acknowledged by ${acknowledged} of ${devices}`,
    devices: { one: 'device', other: 'devices' },
    lastSeenDaysAgo: (label: string, days: string) => `'${label}' last seen ${days} ago`,
    lastSeenToday: (label: string) => `'${label}' last seen today`,
    neverSeen: (label: string) => `'${label}' not seen since it was added`,
    days: { one: 'day', other: 'days' },
    notConfirmed: 'Not yet confirmed by the relay',
    receiptInvalid: 'The relay\'s receipt for this erasure does not verify: it is not confirmed as erased on the relay',
    relayKeyChanged: (since: string) => `The relay now signs with a different key than the one this device saw on ${since}. `
      + 'Locket does not act on its erasure receipts until this is resolved: ask whoever runs the relay; if it was set up anew, disconnect and connect again.',
    teamCancelled: (on: string, until: string) => `This team was cancelled on ${on}; it can be restored by the owner until ${until}. After that its data is removed from this device.`,
    teamWiped: (on: string) => `This team was cancelled on ${on}; its data was removed from this device.`,
    heldBack: (records: string) => `Could not sync ${records}: the relay removed them 30 days after they went to the trash, and they were changed here afterwards. `
      + 'They stay on this device only; to share one again, create a new record with its details.',
    records: { one: 'record', other: 'records' },
  },
  de: {
    erasedOnRelay: (acknowledged: string, devices: string) => `Auf dem Relay gelöscht; bestätigt von ${acknowledged} von ${devices}`,
    devices: { one: 'Gerät', other: 'Geräten' },
    lastSeenDaysAgo: (label: string, days: string) => `„${label}“ zuletzt vor ${days} gesehen`,
    lastSeenToday: (label: string) => `„${label}“ heute zuletzt gesehen`,
    neverSeen: (label: string) => `„${label}“ seit dem Hinzufügen nicht gesehen`,
    days: { one: 'Tag', other: 'Tagen' },
    notConfirmed: 'Noch nicht vom Relay bestätigt',
    receiptInvalid: 'Die Bestätigung des Relays für diese Löschung lässt sich nicht prüfen: sie gilt nicht als auf dem Relay gelöscht',
    relayKeyChanged: (since: string) => `Das Relay signiert jetzt mit einem anderen Schlüssel als dem, den dieses Gerät am ${since} gesehen hat. `
      + 'Locket handelt nicht nach seinen Löschbestätigungen, bis das geklärt ist: Fragen Sie, wer das Relay betreibt; wurde es neu eingerichtet, trennen Sie die Verbindung und verbinden Sie neu.',
    teamCancelled: (on: string, until: string) => `Dieses Team wurde am ${on} gekündigt; der Inhaber kann es bis ${until} wiederherstellen. Danach werden seine Daten von diesem Gerät entfernt.`,
    teamWiped: (on: string) => `Dieses Team wurde am ${on} gekündigt; seine Daten wurden von diesem Gerät entfernt.`,
    heldBack: (records: string) => `Nicht synchronisiert: ${records}. Das Relay hat sie 30 Tage nach dem Verschieben in den Papierkorb entfernt, danach wurden sie hier geändert. `
      + 'Sie bleiben nur auf diesem Gerät; um einen davon wieder zu teilen, legen Sie einen neuen Datensatz mit seinen Angaben an.',
    records: { one: 'Datensatz', other: 'Datensätze' },
  },
});

const W = RELAY_RETENTION_WORDS;

/** "Erased on the relay; acknowledged by 4 of 5 devices; 'Laptop' last seen 12 days ago". */
export const relayErasureText = (view: RelayErasureView, now: number): string => {
  if (view.type === 'not-synced') return W.notConfirmed;
  if (view.type === 'receipt-invalid') return W.receiptInvalid;
  const parts = [W.erasedOnRelay(String(view.acknowledged), counted(view.devices, W.devices))];
  for (const device of view.pending) {
    const label = device.label ?? device.device.slice(0, 8);
    if (device.lastSeenAt === null) parts.push(W.neverSeen(label));
    else {
      const days = Math.floor(Math.max(0, now - device.lastSeenAt) / DAY_MS);
      parts.push(days === 0 ? W.lastSeenToday(label) : W.lastSeenDaysAgo(label, counted(days, W.days)));
    }
  }
  return parts.join('; ');
};

/** The team's state as the Sync section says it; empty for an active team. */
export const teamCancellationText = (state: TeamCancellationState): string => {
  if (state.type === 'cancelled') return W.teamCancelled(formatDate(state.signedAt), formatDate(state.restorableUntil));
  if (state.type === 'wiped') return W.teamWiped(formatDate(state.signedAt));
  return '';
};

export const relayKeyChangedText = (since: number): string => W.relayKeyChanged(formatDate(since));

export const heldBackText = (count: number): string => W.heldBack(counted(count, W.records));
