import { catalogue } from '../shared/i18n/catalogue';
import { plural } from '../locket-retention-settings/retention-text';

/** Archival snapshots: the daily switch, the list, one taken now, and a restore behind a confirmation. */
export const SNAPSHOT_WORDS = catalogue({
  en: {
    failed: {
      'read-choice': (cause: string) => `The snapshot choice could not be read: ${cause}`,
      'list': (cause: string) => `The snapshots could not be listed: ${cause}`,
      'save-choice': (cause: string) => `The choice was not saved: ${cause}`,
      'take': (cause: string) => `The snapshot failed: ${cause}`,
      'restore': (cause: string) => `The restore failed: ${cause}`,
    },
    restoreOf: (when: string) => `Restore the snapshot of ${when}`,
    dailyOn: 'Daily snapshots are on.', dailyOff: 'Daily snapshots are off. The snapshots kept so far stay until they expire.',
    taken: (records: number, size: string) => `Snapshot taken: ${plural(records, 'record', 'records')}, ${size}.`,
    restoreQuestion: (when: string) => `Restore the snapshot of ${when}?`,
    restoreEffect: 'Records changed since then go back to how they were; records added since are removed. A snapshot of the current data is taken first.',
    restoreThis: 'Restore this snapshot', cancel: 'Cancel', progress: 'Restore progress',
    notRestored: (cause: string) => `The snapshot was not restored: ${cause}`,
    restored: (records: number, counts: string) => `Snapshot restored: ${plural(records, 'record', 'records')} put back${counts ? ` (${counts})` : ''}.`,
    erasedLeftOut: (n: number) => `${plural(n, 'erased record was', 'erased records were')} left out. `,
    keptAsSnapshot: 'The data as it was just before is kept as a snapshot.',
    restore: 'Restore', none: 'No snapshots yet.', caption: 'Snapshots kept, newest first',
    takenColumn: 'Taken', why: 'Why', records: 'Records', size: 'Size', action: 'Action',
    snapshots: 'Snapshots',
    intro: 'A snapshot copies every record and setting as stored, still encrypted. Those from the last week are all kept, older ones one a week, none longer than 50 days.',
    keepDaily: 'Keep a daily snapshot', takeNow: 'Take a snapshot now', taking: 'Taking a snapshot…', loading: 'Loading…',
  },
  de: {
    failed: {
      'read-choice': (cause: string) => `Die Einstellung zu Schnappschüssen konnte nicht gelesen werden: ${cause}`,
      'list': (cause: string) => `Die Schnappschüsse konnten nicht aufgelistet werden: ${cause}`,
      'save-choice': (cause: string) => `Die Auswahl wurde nicht gespeichert: ${cause}`,
      'take': (cause: string) => `Der Schnappschuss ist fehlgeschlagen: ${cause}`,
      'restore': (cause: string) => `Die Wiederherstellung ist fehlgeschlagen: ${cause}`,
    },
    restoreOf: (when: string) => `Den Schnappschuss vom ${when} wiederherstellen`,
    dailyOn: 'Tägliche Schnappschüsse sind an.', dailyOff: 'Tägliche Schnappschüsse sind aus. Die bisher aufbewahrten bleiben, bis sie ablaufen.',
    taken: (records: number, size: string) => `Schnappschuss erstellt: ${plural(records, 'Datensatz', 'Datensätze')}, ${size}.`,
    restoreQuestion: (when: string) => `Den Schnappschuss vom ${when} wiederherstellen?`,
    restoreEffect: 'Seitdem geänderte Datensätze werden auf ihren damaligen Stand zurückgesetzt; seitdem hinzugefügte werden entfernt. Zuerst wird ein Schnappschuss der aktuellen Daten erstellt.',
    restoreThis: 'Diesen Schnappschuss wiederherstellen', cancel: 'Abbrechen', progress: 'Fortschritt der Wiederherstellung',
    notRestored: (cause: string) => `Der Schnappschuss wurde nicht wiederhergestellt: ${cause}`,
    restored: (records: number, counts: string) => `Schnappschuss wiederhergestellt: ${plural(records, 'Datensatz', 'Datensätze')} zurückgeholt${counts ? ` (${counts})` : ''}.`,
    erasedLeftOut: (n: number) => `${plural(n, 'gelöschter Datensatz wurde', 'gelöschte Datensätze wurden')} ausgelassen. `,
    keptAsSnapshot: 'Die Daten, wie sie unmittelbar davor waren, bleiben als Schnappschuss erhalten.',
    restore: 'Wiederherstellen', none: 'Noch keine Schnappschüsse.', caption: 'Aufbewahrte Schnappschüsse, neueste zuerst',
    takenColumn: 'Erstellt', why: 'Anlass', records: 'Datensätze', size: 'Größe', action: 'Aktion',
    snapshots: 'Schnappschüsse',
    intro: 'Ein Schnappschuss kopiert jeden Datensatz und jede Einstellung so, wie sie gespeichert sind, weiterhin verschlüsselt. Die der letzten Woche bleiben alle erhalten, ältere einer pro Woche, keiner länger als 50 Tage.',
    keepDaily: 'Täglich einen Schnappschuss erstellen', takeNow: 'Jetzt einen Schnappschuss erstellen', taking: 'Schnappschuss wird erstellt…', loading: 'Wird geladen…',
  },
});
