/** The parts of the schema.org vocabulary that JSON-LD and microdata share. */

const ORGANISATION_TYPES = new Set([
  'Organization', 'Corporation', 'NGO', 'LocalBusiness', 'Consortium', 'Airline', 'Project',
  'FundingScheme', 'OnlineBusiness', 'Store', 'Restaurant', 'Hotel', 'Dentist', 'Physician',
  'Attorney', 'LegalService', 'Library', 'School', 'CollegeOrUniversity', 'Hospital', 'Bank',
  'AccountingService', 'RealEstateAgent', 'TravelAgency', 'Notary', 'InsuranceAgency',
]);

/** "https://schema.org/Person", "schema:Person" and "Person" all name the same type. */
const localTypeName = (type: string): string => type.trim().replace(/^.*[/#:]/, '');

export type SchemaKind = 'person' | 'organisation' | 'other';

/** What a set of type names (JSON-LD @type values or microdata itemtype URLs) describes. */
export const kindOfTypes = (types: readonly string[]): SchemaKind => {
  const names = types.map(localTypeName);
  if (names.includes('Person')) return 'person';
  const organisation = names.some((name) =>
    ORGANISATION_TYPES.has(name) || /(?:Organization|Business|Store)$/.test(name));
  return organisation ? 'organisation' : 'other';
};

/** Properties of an organisation that hold its people. */
export const MEMBER_PROPERTIES = new Set([
  'founder', 'founders', 'employee', 'employees', 'member', 'members', 'alumni',
]);

/** Properties of a person that hold the organisation they belong to, best first. */
export const AFFILIATION_PROPERTIES = ['worksFor', 'affiliation', 'memberOf'] as const;

/** PostalAddress properties in the order a postal address is written. */
export const ADDRESS_PARTS = [
  'streetAddress', 'postOfficeBoxNumber', 'postalCode', 'addressLocality', 'addressRegion', 'addressCountry',
] as const;

/** "1 Main St, 75001 Paris, France": postal code and locality share a part. */
export const joinAddress = (parts: Readonly<Partial<Record<(typeof ADDRESS_PARTS)[number], string>>>): string => {
  const place = [parts.postalCode, parts.addressLocality].filter(Boolean).join(' ');
  return [parts.streetAddress, parts.postOfficeBoxNumber, place, parts.addressRegion, parts.addressCountry]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(', ');
};
