/**
 * Guesses which field each column feeds, from the header row alone. Locket's own headers
 * match exactly; other tools' headers (Capsule, Google Contacts, Outlook, spreadsheets,
 * other CRMs) match their common names, ignoring case, spaces and punctuation. Numbered
 * columns ("E-mail 2 Address", "Phone 3 - Value") all feed one list; the label half of
 * Google's label/value pairs says only "Work" or "Home", and is left out. The guess is a
 * starting point the user edits; nothing here reads the data.
 */
import { ID_HEADER, LOCKET_COLUMNS } from './columns';
import type { CsvFile, FieldsOfFile, ImportMapping, ImportTarget } from './fields';
import { addressGroupOf, headerKey } from './header-key';
import { TASK_SYNONYMS } from './task-input';
import { ACTIVITY_LOG_SYNONYMS } from './activity-log-input';
import { CONTACT_SYNONYMS, IGNORED_CONTACT_COLUMNS, NAMED_CUSTOM_FIELDS, matches } from './contact-synonyms';
import { nameKey } from '../custom-fields/definitions';

type Synonyms<F extends CsvFile> = readonly (readonly [FieldsOfFile[F], readonly (string | RegExp)[]])[];

/** Guesses that a more specific column beats: Capsule's "Title" is an honorific beside "Job Title". */
const WEAK_CONTACT_SYNONYMS: Synonyms<'contacts'> = [['jobTitle', ['title']]];

const PARTY = ['party', 'contact', 'organisation', 'organization', 'company', 'client', 'customer', 'account', 'relatedto'];

const CASE_SYNONYMS: Synonyms<'cases'> = [
  ['name', ['name', 'casename', 'projectname', 'project', 'title', 'subject']],
  ['description', ['description', 'details', 'summary']],
  ['status', ['status', 'state']],
  ['partyName', PARTY],
  ['owner', ['owner', 'assignedto']],
];

const OPPORTUNITY_SYNONYMS: Synonyms<'opportunities'> = [
  ['name', ['name', 'opportunityname', 'opportunity', 'dealname', 'deal', 'title']],
  ['partyName', PARTY],
  ['value', ['value', 'amount', 'dealvalue', 'opportunityvalue']],
  ['currency', ['currency', 'currencycode']],
  ['milestone', ['milestone', 'stage', 'dealstage', 'pipelinestage']],
  ['probability', ['probability', 'winprobability', 'probabilitypercent']],
  ['expectedCloseDate', ['expectedclosedate', 'closedate', 'expectedclose', 'expectedclosingdate']],
  ['status', ['status', 'state', 'outcome']],
  ['lostReason', ['lostreason', 'reasonlost', 'lossreason', 'closedlostreason']],
  ['owner', ['owner', 'assignedto']],
];

const NOTE_SYNONYMS: Synonyms<'notes'> = [
  ['body', ['body', 'note', 'notes', 'content', 'text', 'comment']],
  ['recordName', ['record', 'regarding', 'contact', 'party', 'name']],
  ['sourceUrl', ['sourceurl', 'url', 'source', 'link']],
];

const SYNONYMS: { readonly [F in CsvFile]: readonly [Synonyms<F>, Synonyms<F>] } = {
  contacts: [CONTACT_SYNONYMS, WEAK_CONTACT_SYNONYMS],
  cases: [CASE_SYNONYMS, []],
  opportunities: [OPPORTUNITY_SYNONYMS, []],
  notes: [NOTE_SYNONYMS, []],
  tasks: [TASK_SYNONYMS, []],
  activities: [ACTIVITY_LOG_SYNONYMS, []],
};

/** Fields several columns may feed at once: their values are added together. */
const MANY_COLUMN_FIELDS: ReadonlySet<string> = new Set(['emails', 'phones', 'websites', 'addresses', 'street', 'tags', 'customFields']);

const EXACT = 3;
const SYNONYM = 2;
const WEAK = 1;

interface Guess<F extends CsvFile> { readonly field: FieldsOfFile[F]; readonly strength: number }

const matchSynonyms = <F extends CsvFile>(synonyms: Synonyms<F>, key: string): FieldsOfFile[F] | undefined =>
  synonyms.find(([, names]) => matches(names, key))?.[0];

export const isLocketFile = (headers: readonly string[]): boolean => headers.includes(ID_HEADER);

/** Outlook fills these on every contact with its own defaults ("Normal", "False"); they say nothing of the person. */
const OUTLOOK_BOOKKEEPING: readonly string[] = ['priority', 'sensitivity', 'private', 'internetfreebusy'];

/** Whose export a contacts file is, from its header row: it decides which columns are left out. */
export type ContactsLayout = 'locket' | 'google' | 'outlook' | 'other';

export const detectLayout = (headers: readonly string[]): ContactsLayout => {
  if (isLocketFile(headers)) return 'locket';
  const keys = new Set(headers.map(headerKey));
  if (keys.has('email1value') || (keys.has('givenname') && keys.has('groupmembership'))) return 'google';
  if (keys.has('emailaddress') && (keys.has('email2address') || keys.has('businessstreet'))) return 'outlook';
  return 'other';
};

/** A contacts column with a fixed target (a named custom field, or left out), before any guess. */
const fixedContactTarget = (header: string, layout: ContactsLayout): ImportTarget<'contacts'> | undefined => {
  const key = headerKey(header);
  const named = NAMED_CUSTOM_FIELDS.find(([, names]) => matches(names, key));
  if (named) return { customField: named[0] };
  if (layout === 'outlook' && OUTLOOK_BOOKKEEPING.includes(key)) return null;
  return matches(IGNORED_CONTACT_COLUMNS, key) ? null : undefined;
};

const guessColumn = <F extends CsvFile>(file: F, header: string): Guess<F> | null => {
  const exact = LOCKET_COLUMNS[file].find((column) => column.header === header);
  if (exact) return { field: exact.field, strength: EXACT };
  const key = headerKey(header);
  const [strong, weak] = SYNONYMS[file];
  const field = matchSynonyms(strong, key);
  if (field) return { field, strength: SYNONYM };
  const weakField = matchSynonyms(weak, key);
  return weakField ? { field: weakField, strength: WEAK } : null;
};

/** A column nothing recognises: contacts keep it as a custom field named after the header; other files ignore it. */
const unrecognised = <F extends CsvFile>(file: F, header: string): ImportTarget<F> =>
  (file === 'contacts' && header !== '' ? { customField: header } : null);

const PERSON_OR_TYPE: ReadonlySet<ImportTarget<'contacts'>> = new Set(['type', 'firstName', 'lastName', 'fullName', 'domain']);

/**
 * A contacts file without a type, person-name or domain column lists people (most
 * address-book exports do), so its "Name" is a person's full name, not an organisation's.
 */
const nameAsPerson = (columns: ImportTarget<'contacts'>[]): ImportTarget<'contacts'>[] =>
  (columns.some((target) => PERSON_OR_TYPE.has(target))
    ? columns
    : columns.map((target) => (target === 'name' ? 'fullName' : target)));

type Adjust = { readonly [F in CsvFile]: (columns: ImportTarget<F>[]) => ImportTarget<F>[] };
const unchanged = <T>(columns: T): T => columns;
const ADJUST: Adjust = { contacts: nameAsPerson, cases: unchanged, opportunities: unchanged, notes: unchanged, tasks: unchanged,
  activities: unchanged,
};

/** Address parts: one column of each per address, so "Home City" and "Business City" both count. */
const ADDRESS_PARTS: ReadonlySet<string> = new Set(['city', 'region', 'postcode', 'country']);

/** What a column competes with for a single-value field: the field, and for address parts its address. */
const rivalKey = (field: string, header: string): string => (ADDRESS_PARTS.has(field) ? `${field}@${addressGroupOf(header)}` : field);

/** Locket's own header wins; else a contacts column may have a fixed target. */
const fixedTarget = <F extends CsvFile>(
  file: F, header: string, guess: Guess<F> | null, layout: ContactsLayout,
): ImportTarget<F> | undefined =>
  (file === 'contacts' && guess?.strength !== EXACT ? (fixedContactTarget(header, layout) as ImportTarget<F> | undefined) : undefined);

/**
 * `definedNames`: the owner's custom fields for the file's kinds. A column headed by one of
 * their names (case and spaces aside) feeds that field, unless it is one of Locket's own headers.
 */
export const guessMapping = <F extends CsvFile>(file: F, headers: readonly string[], definedNames: readonly string[] = []): ImportMapping<F> => {
  const layout = detectLayout(headers);
  const defined = new Set(file === 'notes' ? [] : definedNames.map(nameKey));
  const namesDefined = (header: string, guess: Guess<F> | null): boolean =>
    guess?.strength !== EXACT && header.trim() !== '' && defined.has(nameKey(header));
  const guesses = headers.map((header) => {
    const guess = guessColumn(file, header);
    return fixedTarget(file, header, guess, layout) === undefined && !namesDefined(header, guess) ? guess : null;
  });
  // A single-value field takes the strongest column (the first of equals); the others are not lost.
  const winner = new Map<string, number>();
  guesses.forEach((guess, index) => {
    if (!guess || MANY_COLUMN_FIELDS.has(guess.field)) return;
    const key = rivalKey(guess.field, headers[index] ?? '');
    const best = winner.get(key);
    if (best === undefined || (guesses[best]?.strength ?? 0) < guess.strength) winner.set(key, index);
  });
  const columns = headers.map((header, index): ImportTarget<F> => {
    if (namesDefined(header, guessColumn(file, header))) return { customField: header.trim() };
    const fixed = fixedTarget(file, header, guesses[index] ?? null, layout);
    if (fixed !== undefined) return fixed;
    const guess = guesses[index];
    if (!guess) return unrecognised(file, header);
    const kept = MANY_COLUMN_FIELDS.has(guess.field) || winner.get(rivalKey(guess.field, header)) === index;
    return kept ? guess.field : unrecognised(file, header);
  });
  const adjust: Adjust[F] = ADJUST[file];
  return { file, format: isLocketFile(headers) ? 'locket' : 'other', columns: adjust(columns) };
};
