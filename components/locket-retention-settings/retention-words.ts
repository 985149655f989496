import { catalogue } from '../shared/i18n/catalogue';
import { formatNumber } from '../shared/i18n/format';
import { plural } from './retention-text';

/** The Retention section's own words: what Locket keeps, and the login-history window. */
export const RETENTION_WORDS = catalogue({
  en: {
    readFailed: (cause: string) => `The retention choices could not be read: ${cause}`,
    saveFailed: (cause: string) => `The choice was not saved: ${cause}`,
    loginDaysSaved: (days: number) => `Login history is now kept for ${formatNumber(days)} days. The next sweep removes older entries.`,
    whatKept: 'What Locket keeps',
    trashKept: (days: number) => `Deleted records stay in the trash for ${formatNumber(days)} days, then they are purged.`,
    cancelKept: (days: number) => `A cancelled account can be restored for ${formatNumber(days)} days, then everything in it is deleted.`,
    snapshotsKept: (days: number) => `Snapshots are kept at most ${formatNumber(days)} days.`,
    loginsKept: (days: string) => `Login history is kept for ${days}.`,
    days: (days: number) => `${formatNumber(days)} days`,
    keepLoginsFor: 'Keep login history for', loginHistory: 'Login history', loading: 'Loading…',
  },
  de: {
    readFailed: (cause: string) => `Die Einstellungen zur Aufbewahrung konnten nicht gelesen werden: ${cause}`,
    saveFailed: (cause: string) => `Die Auswahl wurde nicht gespeichert: ${cause}`,
    loginDaysSaved: (days: number) => `Der Anmeldeverlauf wird jetzt ${formatNumber(days)} Tage lang aufbewahrt. Die nächste Bereinigung entfernt ältere Einträge.`,
    whatKept: 'Was Locket aufbewahrt',
    trashKept: (days: number) => `Gelöschte Datensätze bleiben ${formatNumber(days)} Tage im Papierkorb und werden dann endgültig gelöscht.`,
    cancelKept: (days: number) => `Ein gekündigtes Konto lässt sich ${formatNumber(days)} Tage lang wiederherstellen, danach wird alles darin gelöscht.`,
    snapshotsKept: (days: number) => `Schnappschüsse werden höchstens ${formatNumber(days)} Tage aufbewahrt.`,
    loginsKept: (days: string) => `Der Anmeldeverlauf wird ${days} lang aufbewahrt.`,
    days: (days: number) => `${formatNumber(days)} Tage`,
    keepLoginsFor: 'Anmeldeverlauf aufbewahren für', loginHistory: 'Anmeldeverlauf', loading: 'Wird geladen…',
  },
});

/** The owner's retention rules, and the review of what one proposes. */
export const RULE_WORDS = catalogue({
  en: {
    readFailed: (cause: string) => `The rules could not be read: ${cause}`,
    saveFailed: (cause: string) => `The rules were not saved: ${cause}`,
    addRule: 'Add a retention rule', propose: 'Propose', months: 'Months', add: 'Add rule',
    hint: 'A rule only proposes records; you review them before anything moves to the trash.',
    reviewRule: (rule: string) => `Review rule: ${rule}`, review: 'Review',
    removeRule: (rule: string) => `Remove rule: ${rule}`, remove: 'Remove',
    rules: 'Retention rules', loading: 'Loading…', none: 'No rules yet.',
  },
  de: {
    readFailed: (cause: string) => `Die Regeln konnten nicht gelesen werden: ${cause}`,
    saveFailed: (cause: string) => `Die Regeln wurden nicht gespeichert: ${cause}`,
    addRule: 'Aufbewahrungsregel hinzufügen', propose: 'Vorschlagen', months: 'Monate', add: 'Regel hinzufügen',
    hint: 'Eine Regel schlägt Datensätze nur vor; Sie prüfen sie, bevor etwas in den Papierkorb kommt.',
    reviewRule: (rule: string) => `Regel prüfen: ${rule}`, review: 'Prüfen',
    removeRule: (rule: string) => `Regel entfernen: ${rule}`, remove: 'Entfernen',
    rules: 'Aufbewahrungsregeln', loading: 'Wird geladen…', none: 'Noch keine Regeln.',
  },
});

export const REVIEW_WORDS = catalogue({
  en: {
    proposeFailed: (cause: string) => `The rule could not be checked: ${cause}`,
    moveFailed: (cause: string) => `The records were not moved: ${cause}`,
    auditFailed: (cause: string) => `The records were moved, but the audit log could not note it: ${cause}`,
    moveQuestion: (count: number) => `Move ${plural(count, 'record', 'records')} to the trash?`,
    restorableFor: (days: number) => `They can be restored from the trash for ${formatNumber(days)} days; after that they are purged for good.`,
    moveToTrash: 'Move to the trash', cancel: 'Cancel',
    nothingMatches: 'Nothing matches this rule now.',
    matching: (n: number) => `${plural(n, 'record matches', 'records match')}. Uncheck any you want to keep.`,
    proposed: 'Records the rule proposes',
    moveCount: (n: number) => `Move ${formatNumber(n)} to the trash`,
    review: (rule: string) => `Review: ${rule}`,
    moved: (n: number, days: number) => `${plural(n, 'record', 'records')} moved to the trash. They can be restored for ${formatNumber(days)} days.`,
    checking: 'Checking the rule…',
  },
  de: {
    proposeFailed: (cause: string) => `Die Regel konnte nicht geprüft werden: ${cause}`,
    moveFailed: (cause: string) => `Die Datensätze wurden nicht verschoben: ${cause}`,
    auditFailed: (cause: string) => `Die Datensätze wurden verschoben, aber das Prüfprotokoll konnte es nicht vermerken: ${cause}`,
    moveQuestion: (count: number) => `${plural(count, 'Datensatz', 'Datensätze')} in den Papierkorb verschieben?`,
    restorableFor: (days: number) => `Sie lassen sich ${formatNumber(days)} Tage lang aus dem Papierkorb wiederherstellen; danach werden sie endgültig gelöscht.`,
    moveToTrash: 'In den Papierkorb verschieben', cancel: 'Abbrechen',
    nothingMatches: 'Zu dieser Regel passt derzeit nichts.',
    matching: (n: number) => `${plural(n, 'Datensatz passt', 'Datensätze passen')}. Entfernen Sie das Häkchen bei allen, die Sie behalten möchten.`,
    proposed: 'Von der Regel vorgeschlagene Datensätze',
    moveCount: (n: number) => `${formatNumber(n)} in den Papierkorb verschieben`,
    review: (rule: string) => `Prüfung: ${rule}`,
    moved: (n: number, days: number) => `${plural(n, 'Datensatz', 'Datensätze')} in den Papierkorb verschoben. Sie lassen sich ${formatNumber(days)} Tage lang wiederherstellen.`,
    checking: 'Regel wird geprüft…',
  },
});
