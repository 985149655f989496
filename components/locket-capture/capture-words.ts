import type { TwinMatch } from '../../core/quick-capture/twins';
import { catalogue } from '../shared/i18n/catalogue';
import { formatNumber, plural } from '../shared/i18n/format';

type CapturedKind = 'person' | 'organisation';

const countedEn = (n: number, one: string, other: string): string => `${formatNumber(n)} ${plural(n, { one, other })}`;

/** The capture view's words: what a page offered, the check for a twin, and the form's surroundings. */
export const CAPTURE_WORDS = catalogue({
  en: {
    unnamed: { person: 'Unnamed contact', organisation: 'Unnamed organisation' } as Readonly<Record<CapturedKind, string>>,
    captureOne: (title: string) => `Capture ${title}`, saved: 'Saved',
    onThisPage: 'On this page',
    foundNothing: 'Locket found no person or organisation on this page. Select a name, email address or phone number and capture again.',
    found: (people: number, organisations: number) =>
      `Found ${countedEn(people, 'person', 'people')} and ${countedEn(organisations, 'organisation', 'organisations')}. Choose one to check and save.`,
    people: 'People', organisations: 'Organisations',
    done: 'Done', dismissCapture: 'Dismiss capture', dismiss: 'Dismiss',
    alreadyInLocket: 'Already in Locket',
    /** Words before and after the record's name, which is shown in bold between them. */
    updating: ['Updating ', ': what the page adds joins the record; nothing already there is overwritten.'] as readonly [string, string],
    createInstead: { person: 'Create new person instead', organisation: 'Create new organisation instead' } as Readonly<Record<CapturedKind, string>>,
    willCreate: { person: ['A new person will be created beside ', '.'], organisation: ['A new organisation will be created beside ', '.'] } as Readonly<Record<CapturedKind, readonly [string, string]>>,
    updateInstead: (title: string) => `Update ${title} instead`,
    matchedBy: { email: (value: string) => `same email ${value}`, profile: (value: string) => `same profile ${value}`, domain: (value: string) => `same domain ${value}` } as Readonly<Record<TwinMatch['by'], (value: string) => string>>,
    isAlready: (reason: string) => `is already in Locket (${reason}).`,
    update: (title: string) => `Update ${title}`,
    createNew: { person: 'Create new person', organisation: 'Create new organisation' } as Readonly<Record<CapturedKind, string>>,
    linkTo: (title: string) => `Link to ${title}, already in Locket`,
    alsoAdd: (name: string) => `Also add the organisation ${name} and link it`,
    dismissed: 'This capture was dismissed.',
    chooseTwin: { person: (title: string, reason: string) => `${title} is already in Locket (${reason}). Choose above whether to update it or create a new person.`,
      organisation: (title: string, reason: string) => `${title} is already in Locket (${reason}). Choose above whether to update it or create a new organisation.` },
    savedWithNote: 'Saved with a note:',
    updateFromPage: (title: string) => `Update ${title} from this page`,
    quickCapture: 'Quick capture', capturedFrom: 'Captured from', aWebPage: 'a web page',
    partial: 'This page is very large: Locket read only part of it, so someone on it may be missing. Select their name or details and capture again.',
    lookingFor: (title: string) => `Looking for ${title} in Locket…`,
  },
  de: {
    unnamed: { person: 'Kontakt ohne Namen', organisation: 'Organisation ohne Namen' },
    captureOne: (title: string) => `${title} erfassen`, saved: 'Gespeichert',
    onThisPage: 'Auf dieser Seite',
    foundNothing: 'Locket hat auf dieser Seite keine Person und keine Organisation gefunden. Markieren Sie einen Namen, eine E-Mail-Adresse oder eine Telefonnummer und erfassen Sie erneut.',
    found: (people: number, organisations: number) =>
      `${formatNumber(people)} ${plural(people, { one: 'Person', other: 'Personen' })} und ${formatNumber(organisations)} ${plural(organisations, { one: 'Organisation', other: 'Organisationen' })} gefunden. Wählen Sie eine aus, um sie zu prüfen und zu speichern.`,
    people: 'Personen', organisations: 'Organisationen',
    done: 'Fertig', dismissCapture: 'Erfassung verwerfen', dismiss: 'Schließen',
    alreadyInLocket: 'Bereits in Locket',
    updating: ['', ' wird aktualisiert: Was die Seite ergänzt, kommt zum Datensatz hinzu; nichts Vorhandenes wird überschrieben.'],
    createInstead: { person: 'Stattdessen neue Person anlegen', organisation: 'Stattdessen neue Organisation anlegen' },
    willCreate: { person: ['Neben ', ' wird eine neue Person angelegt.'], organisation: ['Neben ', ' wird eine neue Organisation angelegt.'] },
    updateInstead: (title: string) => `Stattdessen ${title} aktualisieren`,
    matchedBy: { email: (value: string) => `gleiche E-Mail-Adresse ${value}`, profile: (value: string) => `gleiches Profil ${value}`, domain: (value: string) => `gleiche Domain ${value}` },
    isAlready: (reason: string) => `ist bereits in Locket (${reason}).`,
    update: (title: string) => `${title} aktualisieren`,
    createNew: { person: 'Neue Person anlegen', organisation: 'Neue Organisation anlegen' },
    linkTo: (title: string) => `Mit ${title} verknüpfen, bereits in Locket`,
    alsoAdd: (name: string) => `Auch die Organisation ${name} hinzufügen und verknüpfen`,
    dismissed: 'Diese Erfassung wurde verworfen.',
    chooseTwin: { person: (title: string, reason: string) => `${title} ist bereits in Locket (${reason}). Wählen Sie oben, ob Sie den Datensatz aktualisieren oder eine neue Person anlegen.`,
      organisation: (title: string, reason: string) => `${title} ist bereits in Locket (${reason}). Wählen Sie oben, ob Sie den Datensatz aktualisieren oder eine neue Organisation anlegen.` },
    savedWithNote: 'Wird mit einer Notiz gespeichert:',
    updateFromPage: (title: string) => `${title} mit dieser Seite aktualisieren`,
    quickCapture: 'Schnellerfassung', capturedFrom: 'Erfasst von', aWebPage: 'einer Webseite',
    partial: 'Diese Seite ist sehr groß: Locket hat nur einen Teil davon gelesen, daher fehlt vielleicht jemand. Markieren Sie den Namen oder die Angaben und erfassen Sie erneut.',
    lookingFor: (title: string) => `${title} wird in Locket gesucht…`,
  },
});

/** Why a record is the one the page names, in words: "same email ada@example.com". */
export const twinReason = ({ by, value }: TwinMatch): string => CAPTURE_WORDS.matchedBy[by](value);
