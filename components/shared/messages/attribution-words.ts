import type { Writer } from '../../../core/team/name-directory';
import { catalogue } from '../i18n/catalogue';

/**
 * Who created and last changed a record, and who did what in the audit log, by member name.
 * `by*` words follow "by" ("Created by you", "Erstellt von Ihnen"); `who*` words stand alone (a table cell).
 */
export const ATTRIBUTION_WORDS = catalogue({
  en: {
    created: (who: string, date: string) => `Created by ${who} on ${date}`,
    changed: (who: string, date: string) => `last changed by ${who} on ${date}`,
    separator: ' · ',
    label: 'Who created and last changed this record',
    byYou: 'you', byUnknown: 'a removed member', byOtherDevice: 'another device',
    whoYou: 'You', whoUnknown: 'A removed member',
    removed: (name: string) => `${name} (removed)`,
    onlyChanged: (who: string, date: string) => `Last changed by ${who} on ${date}`,
  },
  de: {
    created: (who: string, date: string) => `Erstellt von ${who} am ${date}`,
    changed: (who: string, date: string) => `zuletzt geändert von ${who} am ${date}`,
    separator: ' · ',
    label: 'Wer diesen Datensatz erstellt und zuletzt geändert hat',
    byYou: 'Ihnen', byUnknown: 'einem entfernten Mitglied', byOtherDevice: 'einem anderen Gerät',
    whoYou: 'Sie', whoUnknown: 'Ein entferntes Mitglied',
    removed: (name: string) => `${name} (entfernt)`,
    onlyChanged: (who: string, date: string) => `Zuletzt geändert von ${who} am ${date}`,
  },
});

/** A writer after "by": their name (marked once removed), "you", or a removed member. */
export const byWriter = (writer: Writer): string => {
  if (writer.type === 'you') return ATTRIBUTION_WORDS.byYou;
  if (writer.type === 'unknown') return ATTRIBUTION_WORDS.byUnknown;
  return writer.removed ? ATTRIBUTION_WORDS.removed(writer.name) : writer.name;
};

/** A writer on their own, as a table cell names them. */
export const whoWriter = (writer: Writer): string => {
  if (writer.type === 'you') return ATTRIBUTION_WORDS.whoYou;
  if (writer.type === 'unknown') return ATTRIBUTION_WORDS.whoUnknown;
  return writer.removed ? ATTRIBUTION_WORDS.removed(writer.name) : writer.name;
};
