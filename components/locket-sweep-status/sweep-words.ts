import { catalogue } from '../shared/i18n/catalogue';
import { plural } from '../locket-retention-settings/retention-text';

/** The sweep report, when the next sweep is due, and the button that runs one now. */
export const SWEEP_WORDS = catalogue({
  en: {
    readFailed: (cause: string) => `The sweep report could not be read: ${cause}`,
    sweepFailed: (cause: string) => `The sweep failed: ${cause}`,
    finished: 'Sweep finished.', alreadyRunning: 'Another sweep was already running; its report shows here once it ends.',
    lastSweep: 'Last sweep', finishedAt: 'Finished', howLong: (trigger: string, duration: string) => `, ${trigger}, in ${duration}.`,
    purged: (counts: string) => `Purged from the trash: ${counts}.`,
    nothingPurged: 'Nothing was purged from the trash.', nothingDue: 'Nothing in the trash had reached 30 days.',
    snapshots: (expired: number, taken: boolean) => `Snapshots: ${expired === 0 ? 'none expired'
      : `${plural(expired, 'expired snapshot', 'expired snapshots')} removed`}, ${taken ? 'a daily snapshot taken' : 'no new one taken'}.`,
    logins: (n: number) => `Login history: ${plural(n, 'entry', 'entries')} removed.`,
    changeHistory: (deleted: number, rewritten: number) =>
      `Change history: ${plural(deleted, 'entry', 'entries')} removed, ${plural(rewritten, 'entry', 'entries')} cleaned of purged values.`,
    awaitingKey: (n: number) => `${plural(n, 'change history entry waits', 'change history entries wait')} for a sweep while Locket is unlocked to drop purged values.`,
    continues: 'The next sweep continues where it stopped.',
    sweeps: 'Sweeps', intro: 'A sweep removes what has passed its window. Locket runs one at least daily, and whenever a Locket page opens.',
    loading: 'Loading…', noneYet: 'No sweep has run yet.', nextDue: 'Next sweep due:', whenOpens: 'when Locket next opens',
    runNow: 'Run sweep now', sweeping: 'Sweeping…',
  },
  de: {
    readFailed: (cause: string) => `Der Bericht der Bereinigung konnte nicht gelesen werden: ${cause}`,
    sweepFailed: (cause: string) => `Die Bereinigung ist fehlgeschlagen: ${cause}`,
    finished: 'Bereinigung abgeschlossen.', alreadyRunning: 'Es lief bereits eine andere Bereinigung; ihr Bericht erscheint hier, sobald sie endet.',
    lastSweep: 'Letzte Bereinigung', finishedAt: 'Beendet', howLong: (trigger: string, duration: string) => `, ${trigger}, Dauer ${duration}.`,
    purged: (counts: string) => `Endgültig aus dem Papierkorb gelöscht: ${counts}.`,
    nothingPurged: 'Aus dem Papierkorb wurde nichts endgültig gelöscht.', nothingDue: 'Nichts im Papierkorb hatte 30 Tage erreicht.',
    snapshots: (expired: number, taken: boolean) => `Schnappschüsse: ${expired === 0 ? 'keiner abgelaufen'
      : `${plural(expired, 'abgelaufener Schnappschuss', 'abgelaufene Schnappschüsse')} entfernt`}, ${taken ? 'ein täglicher Schnappschuss erstellt' : 'kein neuer erstellt'}.`,
    logins: (n: number) => `Anmeldeverlauf: ${plural(n, 'Eintrag', 'Einträge')} entfernt.`,
    changeHistory: (deleted: number, rewritten: number) =>
      `Änderungsverlauf: ${plural(deleted, 'Eintrag', 'Einträge')} entfernt, ${plural(rewritten, 'Eintrag', 'Einträge')} von endgültig gelöschten Werten bereinigt.`,
    awaitingKey: (n: number) => `${plural(n, 'Eintrag im Änderungsverlauf wartet', 'Einträge im Änderungsverlauf warten')} auf eine Bereinigung bei entsperrtem Locket, um endgültig gelöschte Werte zu entfernen.`,
    continues: 'Die nächste Bereinigung macht dort weiter, wo diese aufgehört hat.',
    sweeps: 'Bereinigungen', intro: 'Eine Bereinigung entfernt, was seine Frist überschritten hat. Locket führt mindestens täglich eine aus, und immer, wenn eine Seite von Locket geöffnet wird.',
    loading: 'Wird geladen…', noneYet: 'Es wurde noch keine Bereinigung ausgeführt.', nextDue: 'Nächste Bereinigung fällig:', whenOpens: 'beim nächsten Öffnen von Locket',
    runNow: 'Jetzt bereinigen', sweeping: 'Wird bereinigt…',
  },
});
