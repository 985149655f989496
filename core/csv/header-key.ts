/**
 * What a column's header says once spelling is set aside, and which of several addresses
 * it describes. Address books write one person's addresses side by side: Outlook as
 * "Business Street", "Home City"…, Google as "Address 1 - Street", "Address 2 - City"…
 */

/** Lower case, letters and digits only: "E-mail Address" → "emailaddress". */
export const headerKey = (header: string): string =>
  header.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');

const OUTLOOK_GROUP = /^(business|home|other)./;
/** "Address 2 - City", not a lone "Address 2" (a second street line in other files). */
const GOOGLE_GROUP = /^address(\d+)[a-z]/;

/**
 * The address a street, city, region, postcode, country or whole-address column belongs
 * to: "business", "home", "other", Google's number, or '' in a file with one address.
 */
export const addressGroupOf = (header: string): string => {
  const key = headerKey(header);
  return OUTLOOK_GROUP.exec(key)?.[1] ?? GOOGLE_GROUP.exec(key)?.[1] ?? '';
};
