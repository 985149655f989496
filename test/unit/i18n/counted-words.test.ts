import { afterEach, describe, expect, it } from 'vitest';
import { setCurrentLocale } from '../../../components/shared/i18n/locale';
import { IMPORT_WORDS } from '../../../components/locket-import-settings/import-words';
import { IMPORT_HISTORY_WORDS } from '../../../components/locket-import-history/import-history-words';
import { CAPTURE_WORDS } from '../../../components/locket-capture/capture-words';
import { kindCounts, ruleText } from '../../../components/locket-retention-settings/retention-text';
import { SYNC_WORDS } from '../../../components/sync/sync-words';

/** Counts the owner reads, in each language's plural forms and number format. */
describe('counted words', () => {
  afterEach(() => setCurrentLocale('en'));

  it('says one and many in English as before', () => {
    setCurrentLocale('en');
    expect([IMPORT_WORDS.imported(1), IMPORT_WORDS.imported(4)]).toEqual(['Imported 1 record.', 'Imported 4 records.']);
    expect(CAPTURE_WORDS.found(1, 2)).toBe('Found 1 person and 2 organisations. Choose one to check and save.');
    expect(ruleText({ kind: 'lost-opportunities', months: 1 })).toBe('Opportunities lost more than 1 month ago');
    expect(IMPORT_HISTORY_WORDS.undoEffect(5, 0)).toBe('This removes the 5 records it created. Records changed since the import are kept as they are.');
  });

  it('says one and many in German, with German grouping of thousands', () => {
    setCurrentLocale('de');
    expect([IMPORT_WORDS.imported(1), IMPORT_WORDS.imported(1204)]).toEqual(['1 Datensatz importiert.', '1.204 Datensätze importiert.']);
    expect(CAPTURE_WORDS.found(1, 2)).toBe('1 Person und 2 Organisationen gefunden. Wählen Sie eine aus, um sie zu prüfen und zu speichern.');
    expect([ruleText({ kind: 'closed-cases', months: 1 }), ruleText({ kind: 'inactive-people', months: 24 })])
      .toEqual(['Vorgänge, abgeschlossen vor mehr als 1 Monat', 'Personen ohne Aktivität seit 24 Monaten']);
    expect(kindCounts({ person: 3, note: 1 })).toBe('3 Personen, 1 Notiz');
    expect([SYNC_WORDS.status.changes(1), SYNC_WORDS.status.changes(2)]).toEqual(['1 Änderung', '2 Änderungen']);
    expect(IMPORT_HISTORY_WORDS.undoEffect(1, 2)).toMatch(/^Der 1 angelegte Datensatz wird entfernt, und die früheren Werte der 2 aktualisierten Datensätze werden wiederhergestellt\./);
  });
});
