/**
 * mailto:, tel: and vCard links. A mailto: link whose text is a name is a person; every
 * other address or number not already on someone is left over for the caller to place.
 */
import type { ElementBudget } from './budget';
import type { CaptureCollector } from './collector';
import { elementText } from './element-text';
import { emailsFromMailto, phoneFrom, webUrlFrom } from './contact-values';
import { cleanText, looksLikePersonName, nameKey } from './text';
import { CAPTURE_LIMITS } from './types';

export interface LinkFindings {
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly vcardUrls: readonly string[];
}

const VCARD_PATH = /\.vcf$/i;

const isVcard = (url: string): boolean => {
  try {
    return VCARD_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
};

/**
 * Link text is taken as the name of the address's owner only when it looks like a name
 * and part of it is in the address: "Mara Quinn" for mara.quinn@…, not for orders@….
 */
const isNameFor = (text: string, email: string): boolean => {
  if (!looksLikePersonName(text)) return false;
  const local = nameKey(email.slice(0, email.indexOf('@'))).replace(/ /g, '');
  return nameKey(text).split(' ').some((word) => word.length >= 2 && local.includes(word));
};

const addNew = (list: string[], value: string, max: number): void => {
  if (value !== '' && list.length < max && !list.includes(value)) list.push(value);
};

export const readLinks = (doc: Document, baseUrl: string, collector: CaptureCollector, budget: ElementBudget): LinkFindings => {
  const emails: string[] = [];
  const phones: string[] = [];
  const vcardUrls: string[] = [];
  const links = Array.from(doc.querySelectorAll('a[href], area[href]')).slice(0, CAPTURE_LIMITS.links);
  for (const link of links) {
    if (!budget.walk()) break;
    const href = (link.getAttribute('href') ?? '').trim();
    if (/^mailto:/i.test(href)) {
      const found = emailsFromMailto(href);
      const text = cleanText(elementText(link, CAPTURE_LIMITS.elementText, budget), CAPTURE_LIMITS.name);
      const [email] = found;
      if (found.length === 1 && email !== undefined && isNameFor(text, email)) collector.addPerson({ name: text, emails: found }, 'links');
      else for (const email of found) addNew(emails, email, CAPTURE_LIMITS.listItems);
    } else if (/^tel:/i.test(href)) {
      addNew(phones, phoneFrom(href), CAPTURE_LIMITS.listItems);
    } else {
      const url = webUrlFrom(href, baseUrl);
      if (url !== '' && isVcard(url)) addNew(vcardUrls, url, CAPTURE_LIMITS.vcardUrls);
    }
  }
  return {
    emails: emails.filter((email) => !collector.hasContact(email)),
    phones: phones.filter((phone) => !collector.hasContact(phone)),
    vcardUrls,
  };
};
