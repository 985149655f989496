/**
 * What contacts columns are called in the tools people export from: Locket's synonyms for
 * each field, and the columns it keeps under a name of its own or leaves out. Keys are
 * headers as headerKey() reads them: "E-mail 2 Address" → "email2address".
 */
import type { FieldsOfFile } from './fields';

export type Names = readonly (string | RegExp)[];

export const matches = (names: Names, key: string): boolean =>
  names.some((name) => (typeof name === 'string' ? name === key : name.test(key)));

/** Outlook's addresses: "Business Street 2", "Home City", "Other Country/Region". */
const outlookPart = (part: string): RegExp => new RegExp(`^(?:business|home|other)(?:${part})$`);
/** Google's addresses: "Address 1 - Street", "Address 2 - Postal Code". */
const googlePart = (part: string): RegExp => new RegExp(`^address\\d+(?:${part})$`);

export const CONTACT_SYNONYMS: readonly (readonly [FieldsOfFile['contacts'], Names])[] = [
  ['type', ['type', 'recordtype', 'contacttype', 'kind', 'partytype']],
  ['firstName', ['firstname', 'givenname', 'forename', 'first']],
  ['lastName', ['lastname', 'surname', 'familyname', 'last']],
  ['fullName', ['fullname', 'contactname', 'personname', 'displayname']],
  ['name', ['name']],
  ['jobTitle', ['jobtitle', 'position', 'role', 'jobrole', 'occupation', /^organi[sz]ation\d*title$/]],
  ['organisationName', [
    'organisation', 'organization', 'company', 'companyname', 'employer', 'account', 'accountname', /^organi[sz]ation\d*name$/,
  ]],
  ['domain', ['domain', 'companydomain', 'websitedomain']],
  ['emails', [/^(?:work|home|other|primary|personal|business)?e?mail(?:address(?:es)?)?s?\d*$/, /^e?mail\d+(?:value|address)$/]],
  ['phones', [
    /^(?:work|home|mobile|other|primary|business|direct|office|car|companymain)?(?:phone|telephone|tel|mobile|cell|cellphone|mobilephone)(?:number)?s?\d*$/,
    /^phone\d+value$/,
  ]],
  ['websites', [
    'url', 'web', 'homepage', 'site', /^(?:website|webaddress|linkedin|linkedinurl|linkedinprofile)s?\d*$/,
    /^website\d+value$/, /^(?:business|personal|home)?webpage\d*$/,
  ]],
  ['addresses', ['address', 'addresses', 'fulladdress', 'postaladdress', 'mailingaddress', outlookPart('address'), googlePart('formatted')]],
  ['street', [
    /^(?:address)?(?:street|streetaddress|line\d|addressline\d|address\d)$/,
    outlookPart('street\\d?|addresspobox'), googlePart('street|pobox|extendedaddress'),
  ]],
  ['city', ['city', 'town', 'addresscity', 'locality', outlookPart('city'), googlePart('city')]],
  ['region', [
    'state', 'region', 'county', 'province', 'addressstate', 'addressregion', 'addresscounty', outlookPart('state'), googlePart('region'),
  ]],
  ['postcode', [
    'postcode', 'zip', 'zipcode', 'postalcode', 'addresspostcode', 'addresszip', 'addresszipcode', 'addresspostalcode',
    outlookPart('postalcode'), googlePart('postalcode'),
  ]],
  ['country', ['country', 'addresscountry', outlookPart('country|countryregion'), googlePart('country')]],
  ['tags', ['tags', 'tag', 'labels', 'label', 'categories', 'category', 'groupmembership']],
  ['customFields', ['customfields']],
  ['note', ['notes', 'note', 'comments']],
  ['consentBasis', ['lawfulbasis', 'legalbasis', 'consent', 'consentbasis', 'gdprlawfulbasis']],
  ['consentDate', ['consentdate', 'dateofconsent', 'lawfulbasisdate']],
  ['consentSource', ['consentsource', 'lawfulbasissource']],
  ['owner', ['owner', 'contactowner', 'accountowner', 'assignedto']],
];

/**
 * Columns whose meaning Locket keeps under a fixed name of its own, as a custom field
 * until it has a field for them: "Organization Department" and "Department" are both
 * "Department". Checked before the synonyms.
 */
export const NAMED_CUSTOM_FIELDS: readonly (readonly [string, Names])[] = [
  ['Department', ['department', /^organi[sz]ation\d*department$/]],
  ['Birthday', ['birthday', 'birthdate', 'dateofbirth', 'bday']],
];

/**
 * Columns that say nothing a record keeps: the label half of Google's label/value pairs
 * ("E-mail 1 - Label": "* Work"), Outlook's "E-mail Type" ("SMTP") and display name, and
 * photo links. Left out rather than kept as custom fields.
 */
export const IGNORED_CONTACT_COLUMNS: Names = [
  /^(?:e?mail|phone|address|website|relation|event|im|organi[sz]ation|externalid|customfield)\d+(?:label|type)$/,
  /^e?mail\d*(?:type|displayname)$/, 'photo', 'fileas',
];
