/**
 * Guesses which field each column feeds, from the header row alone. Locket's own headers
 * match exactly; other tools' headers (Capsule, spreadsheets, other CRMs) match their
 * common names, ignoring case, spaces and punctuation. The guess is a starting point the
 * user edits; nothing here reads the data.
 */
import { ID_HEADER, LOCKET_COLUMNS } from './columns';
import type { CsvFile, FieldsOfFile, ImportMapping, ImportTarget } from './fields';

type Synonyms<F extends CsvFile> = readonly (readonly [FieldsOfFile[F], readonly (string | RegExp)[]])[];

/** Lower case, letters and digits only: "E-mail Address" → "emailaddress". */
const normalise = (header: string): string =>
  header.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');

const CONTACT_SYNONYMS: Synonyms<'contacts'> = [
  ['type', ['type', 'recordtype', 'contacttype', 'kind', 'partytype']],
  ['firstName', ['firstname', 'givenname', 'forename', 'first']],
  ['lastName', ['lastname', 'surname', 'familyname', 'last']],
  ['fullName', ['fullname', 'contactname', 'personname', 'displayname']],
  ['name', ['name']],
  ['jobTitle', ['jobtitle', 'position', 'role', 'jobrole', 'occupation']],
  ['organisationName', ['organisation', 'organization', 'organisationname', 'organizationname', 'company', 'companyname', 'employer', 'account', 'accountname']],
  ['domain', ['domain', 'companydomain', 'websitedomain']],
  ['emails', [/^(?:work|home|other|primary|personal|business)?e?mail(?:address(?:es)?)?s?\d*$/]],
  ['phones', [/^(?:work|home|mobile|other|primary|business|direct|office)?(?:phone|telephone|tel|mobile|cell|cellphone|mobilephone)(?:number)?s?\d*$/]],
  ['websites', ['url', 'web', 'homepage', 'site', /^(?:website|webaddress|linkedin|linkedinurl|linkedinprofile)s?\d*$/]],
  ['addresses', ['address', 'addresses', 'fulladdress', 'postaladdress', 'mailingaddress']],
  ['street', [/^(?:address)?(?:street|streetaddress|line\d|addressline\d|address\d)$/]],
  ['city', ['city', 'town', 'addresscity', 'locality']],
  ['region', ['state', 'region', 'county', 'province', 'addressstate', 'addressregion', 'addresscounty']],
  ['postcode', ['postcode', 'zip', 'zipcode', 'postalcode', 'addresspostcode', 'addresszip', 'addresszipcode', 'addresspostalcode']],
  ['country', ['country', 'addresscountry']],
  ['tags', ['tags', 'tag', 'labels', 'label', 'categories', 'category']],
  ['customFields', ['customfields']],
  ['consentBasis', ['lawfulbasis', 'legalbasis', 'consent', 'consentbasis', 'gdprlawfulbasis']],
  ['consentDate', ['consentdate', 'dateofconsent', 'lawfulbasisdate']],
  ['consentSource', ['consentsource', 'lawfulbasissource']],
  ['owner', ['owner', 'contactowner', 'accountowner', 'assignedto']],
];

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
};

/** Fields several columns may feed at once: their values are added together. */
const MANY_COLUMN_FIELDS: ReadonlySet<string> = new Set(['emails', 'phones', 'websites', 'addresses', 'street', 'tags', 'customFields']);

const EXACT = 3;
const SYNONYM = 2;
const WEAK = 1;

interface Guess<F extends CsvFile> { readonly field: FieldsOfFile[F]; readonly strength: number }

const matchSynonyms = <F extends CsvFile>(synonyms: Synonyms<F>, key: string): FieldsOfFile[F] | undefined =>
  synonyms.find(([, names]) => names.some((name) => (typeof name === 'string' ? name === key : name.test(key))))?.[0];

const guessColumn = <F extends CsvFile>(file: F, header: string): Guess<F> | null => {
  const exact = LOCKET_COLUMNS[file].find((column) => column.header === header);
  if (exact) return { field: exact.field, strength: EXACT };
  const key = normalise(header);
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
const ADJUST: Adjust = { contacts: nameAsPerson, cases: unchanged, opportunities: unchanged, notes: unchanged };

export const isLocketFile = (headers: readonly string[]): boolean => headers.includes(ID_HEADER);

export const guessMapping = <F extends CsvFile>(file: F, headers: readonly string[]): ImportMapping<F> => {
  const guesses = headers.map((header) => guessColumn(file, header));
  // A single-value field takes the strongest column (the first of equals); the others are not lost.
  const winner = new Map<string, number>();
  guesses.forEach((guess, index) => {
    if (!guess || MANY_COLUMN_FIELDS.has(guess.field)) return;
    const best = winner.get(guess.field);
    if (best === undefined || (guesses[best]?.strength ?? 0) < guess.strength) winner.set(guess.field, index);
  });
  const columns = headers.map((header, index): ImportTarget<F> => {
    const guess = guesses[index];
    if (!guess) return unrecognised(file, header);
    const kept = MANY_COLUMN_FIELDS.has(guess.field) || winner.get(guess.field) === index;
    return kept ? guess.field : unrecognised(file, header);
  });
  const adjust: Adjust[F] = ADJUST[file];
  return { file, format: isLocketFile(headers) ? 'locket' : 'other', columns: adjust(columns) };
};
