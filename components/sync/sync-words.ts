import type { SyncState } from '../../core/sync/ports';
import { catalogue } from '../shared/i18n/catalogue';
import { formatNumber, plural } from '../shared/i18n/format';

/** The Sync section's words: connecting, joining, adding a device, the fingerprint check and the status. */
export const SYNC_WORDS = catalogue({
  en: {
    didNotWork: (cause: string) => `That did not work: ${cause}`,
    relayAddress: 'Relay address', deviceName: 'Device name',
    relayHint: 'Such as https://relay.example.com, or http://127.0.0.1:8787 for a relay on this computer.',
    deviceNameHint: 'How your other devices list this one. Only your devices can read it.',
    noDeviceName: 'Give this device a name, so you can tell your devices apart.',
    connect: {
      title: 'Connect to a relay',
      intro: 'Your records stay on this device and reach your other devices through the relay, encrypted: the relay cannot read them.',
      busy: 'Connecting…', button: 'Connect',
    },
    join: {
      title: 'Join with a code',
      intro: 'Already syncing on another device? There, choose “Add a device”, then enter the relay address and the code it shows.',
      code: 'Pairing code', codeHint: 'As the other device shows it; spaces do not matter.',
      noCode: 'Enter the code the other device shows.', busy: 'Joining…', button: 'Join',
    },
    fingerprint: {
      check: 'Check that the other device shows these same words, in the same order:', words: 'Fingerprint words',
      waitingConfirm: 'Waiting for the other device to confirm…', stopping: 'Stopping the pairing…',
      match: 'They match', differ: 'They differ', waiting: 'Waiting for the other device…',
      paired: 'The devices are paired. The new device is receiving every record.',
    },
    pairing: {
      title: 'Add a device',
      howTo: 'On the new device, open Locket’s settings, choose “Join with a code”, and enter the relay address and this code, or scan the image:',
      code: 'Pairing code', expires: ['The code works once and expires ', '.'] as readonly [string, string], qr: 'Pairing code as a QR image',
      done: 'Done', cancel: 'Cancel', preparing: 'Preparing a code…', add: 'Add a device',
    },
    qr: 'QR code',
    settings: {
      unreadable: (cause: string) => `Sync’s status could not be read: ${cause}`, loading: 'Loading…',
      off: 'Sync is off: this device’s records are on this device only.',
    },
    states: {
      off: 'Not connected', connecting: 'Connecting…', connected: 'Connected',
      offline: 'Offline: changes wait on this device until the relay answers',
      removed: 'Removed from the account: this device no longer syncs',
    } as { readonly [S in SyncState]: string },
    status: {
      thisDevice: 'This device', removed: 'Removed', removeName: (name: string) => `Remove ${name}`, removeDevice: 'Remove device',
      seenNow: 'Seen now', notSeen: 'Not seen yet', lastSeen: 'Last seen',
      removeQuestion: (name: string) => `Remove ${name}?`,
      removeEffect: (name: string) => `Remove “${name}”? It stops receiving and sending changes at once. What it already holds stays on it; to sync it again, add it as a new device.`,
      removeIt: 'Remove it', keepIt: 'Keep it', disconnect: 'Disconnect', disconnectQuestion: 'Disconnect this device?',
      disconnectEffect: 'Disconnect this device? Every record stays on this device; it stops syncing with your other devices.',
      disconnectThis: 'Disconnect this device', stayConnected: 'Stay connected',
      nothingWaiting: 'Nothing', changes: (n: number) => `${formatNumber(n)} ${plural(n, { one: 'change', other: 'changes' })}`,
      syncStatus: 'Sync status', status: 'Status', relay: 'Relay', lastSynced: 'Last synced', notYet: 'Not yet', waiting: 'Waiting to send',
      syncing: 'Syncing…', syncNow: 'Sync now', synced: 'Synced.', devices: 'Devices',
      addKey: 'Add a security key', confirmKey: 'Confirm with your security key', waitingForKey: 'Waiting for your security key…',
    },
  },
  de: {
    didNotWork: (cause: string) => `Das hat nicht geklappt: ${cause}`,
    relayAddress: 'Relay-Adresse', deviceName: 'Gerätename',
    relayHint: 'Etwa https://relay.example.com oder http://127.0.0.1:8787 für ein Relay auf diesem Computer.',
    deviceNameHint: 'So wird dieses Gerät auf Ihren anderen Geräten aufgeführt. Nur Ihre Geräte können ihn lesen.',
    noDeviceName: 'Geben Sie diesem Gerät einen Namen, damit Sie Ihre Geräte unterscheiden können.',
    connect: {
      title: 'Mit einem Relay verbinden',
      intro: 'Ihre Datensätze bleiben auf diesem Gerät und erreichen Ihre anderen Geräte verschlüsselt über das Relay: Das Relay kann sie nicht lesen.',
      busy: 'Wird verbunden…', button: 'Verbinden',
    },
    join: {
      title: 'Mit einem Code beitreten',
      intro: 'Synchronisieren Sie schon auf einem anderen Gerät? Wählen Sie dort „Gerät hinzufügen“ und geben Sie dann die Relay-Adresse und den dort angezeigten Code ein.',
      code: 'Kopplungscode', codeHint: 'So, wie das andere Gerät ihn anzeigt; Leerzeichen spielen keine Rolle.',
      noCode: 'Geben Sie den Code ein, den das andere Gerät anzeigt.', busy: 'Wird beigetreten…', button: 'Beitreten',
    },
    fingerprint: {
      check: 'Prüfen Sie, ob das andere Gerät genau diese Wörter in derselben Reihenfolge anzeigt:', words: 'Fingerabdruck-Wörter',
      waitingConfirm: 'Warten auf die Bestätigung des anderen Geräts…', stopping: 'Die Kopplung wird abgebrochen…',
      match: 'Sie stimmen überein', differ: 'Sie weichen ab', waiting: 'Warten auf das andere Gerät…',
      paired: 'Die Geräte sind gekoppelt. Das neue Gerät empfängt jetzt jeden Datensatz.',
    },
    pairing: {
      title: 'Gerät hinzufügen',
      howTo: 'Öffnen Sie auf dem neuen Gerät die Einstellungen von Locket, wählen Sie „Mit einem Code beitreten“ und geben Sie die Relay-Adresse und diesen Code ein, oder scannen Sie das Bild:',
      code: 'Kopplungscode', expires: ['Der Code gilt nur einmal und läuft ', ' ab.'], qr: 'Kopplungscode als QR-Bild',
      done: 'Fertig', cancel: 'Abbrechen', preparing: 'Code wird vorbereitet…', add: 'Gerät hinzufügen',
    },
    qr: 'QR-Code',
    settings: {
      unreadable: (cause: string) => `Der Status der Synchronisierung konnte nicht gelesen werden: ${cause}`, loading: 'Wird geladen…',
      off: 'Die Synchronisierung ist aus: Die Datensätze dieses Geräts liegen nur auf diesem Gerät.',
    },
    states: {
      off: 'Nicht verbunden', connecting: 'Wird verbunden…', connected: 'Verbunden',
      offline: 'Offline: Änderungen warten auf diesem Gerät, bis das Relay antwortet',
      removed: 'Aus dem Konto entfernt: Dieses Gerät synchronisiert nicht mehr',
    },
    status: {
      thisDevice: 'Dieses Gerät', removed: 'Entfernt', removeName: (name: string) => `${name} entfernen`, removeDevice: 'Gerät entfernen',
      seenNow: 'Gerade aktiv', notSeen: 'Noch nicht gesehen', lastSeen: 'Zuletzt gesehen',
      removeQuestion: (name: string) => `${name} entfernen?`,
      removeEffect: (name: string) => `„${name}“ entfernen? Es empfängt und sendet sofort keine Änderungen mehr. Was es bereits hat, bleibt darauf; um es wieder zu synchronisieren, fügen Sie es als neues Gerät hinzu.`,
      removeIt: 'Entfernen', keepIt: 'Behalten', disconnect: 'Trennen', disconnectQuestion: 'Dieses Gerät trennen?',
      disconnectEffect: 'Dieses Gerät trennen? Jeder Datensatz bleibt auf diesem Gerät; es synchronisiert nicht mehr mit Ihren anderen Geräten.',
      disconnectThis: 'Dieses Gerät trennen', stayConnected: 'Verbunden bleiben',
      nothingWaiting: 'Nichts', changes: (n: number) => `${formatNumber(n)} ${plural(n, { one: 'Änderung', other: 'Änderungen' })}`,
      syncStatus: 'Status der Synchronisierung', status: 'Status', relay: 'Relay', lastSynced: 'Zuletzt synchronisiert', notYet: 'Noch nicht', waiting: 'Warten auf Versand',
      syncing: 'Wird synchronisiert…', syncNow: 'Jetzt synchronisieren', synced: 'Synchronisiert.', devices: 'Geräte',
      addKey: 'Sicherheitsschlüssel hinzufügen', confirmKey: 'Mit Ihrem Sicherheitsschlüssel bestätigen', waitingForKey: 'Warten auf Ihren Sicherheitsschlüssel…',
    },
  },
});
