/**
 * Email addresses, phone numbers and web addresses read from page text or link targets.
 * Each reader returns '' for anything that does not look valid, so callers just drop it.
 */
import { isDomain, normaliseDomain } from '../records/field-rules';
import { CAPTURE_LIMITS } from './types';
import { cleanText } from './text';

/** The shape the record schema accepts, so a captured address is never refused later. */
const EMAIL = /^[\w+-]+(?:\.[\w+-]+)*@[\da-z]+(?:[.-][\da-z]+)*\.[a-z]{2,}$/iu;

const safeDecode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** One address from text such as " Jane@Example.COM " or "mailto:jane@example.com?subject=Hi". */
export const emailFrom = (raw: string): string => {
  const text = cleanText(safeDecode(raw.slice(0, 1_000)), 1_000);
  const value = /^mailto:/i.test(text) ? (text.slice(7).split('?')[0] ?? '') : text;
  if (value.length > CAPTURE_LIMITS.email || !EMAIL.test(value)) return '';
  const at = value.lastIndexOf('@');
  return value.slice(0, at) + value.slice(at).toLowerCase();
};

/**
 * Every recipient of a mailto: link: "mailto:a@b.c,d@e.f?subject=Hi&to=g@h.i" gives three
 * addresses. Copy recipients are left out: they are not who the link is for.
 */
export const emailsFromMailto = (href: string): string[] => {
  const body = href.trim().replace(/^mailto:/i, '');
  const query = body.indexOf('?');
  const recipients = (query === -1 ? body : body.slice(0, query)).split(',');
  if (query !== -1) {
    for (const pair of body.slice(query + 1).split('&')) {
      const [key = '', value = ''] = pair.split('=');
      if (key.toLowerCase() === 'to') recipients.push(...safeDecode(value).split(','));
    }
  }
  return recipients.map(emailFrom).filter((email) => email !== '');
};

const EXTENSION = /(?:;ext=|\s*(?:ext\.?|extension|x|#)\s*)(\d{1,6})\s*$/i;
/** A run of digits with the separators people type between them. */
const NUMBER_RUN = /\+?\(?\d[\d\s().\-/]*\d/;

/**
 * A phone number from a tel: link or text, with its formatting stripped:
 * "tel:+44 (0)20 7946-0000;ext=12" → "+442079460000 ext 12". 5 to 20 digits, as the record
 * schema requires; anything else gives ''.
 */
export const phoneFrom = (raw: string): string => {
  let value = cleanText(safeDecode(raw.slice(0, 1_000)), 200).replace(/^tel:/i, '');
  const extension = EXTENSION.exec(value);
  if (extension) value = value.slice(0, extension.index);
  value = value.split(';')[0] ?? '';
  const run = NUMBER_RUN.exec(value)?.[0] ?? '';
  const international = run.startsWith('+') || run.startsWith('(+');
  // "+44 (0)20": the (0) is dialled only from inside the country.
  const digits = run.replace(/^(\(?\+\d{1,4}\)?)[\s.-]*\(0\)/, '$1').replace(/\D/g, '');
  if (digits.length < 5 || digits.length > 20) return '';
  return `${international ? '+' : ''}${digits}${extension ? ` ext ${extension[1] ?? ''}` : ''}`;
};

/**
 * An absolute http(s) address, resolved against the page's base address when relative.
 * Credentials in the address are dropped; other schemes (javascript:, data:) give ''.
 */
export const webUrlFrom = (raw: string, base: string): string => {
  const value = raw.slice(0, CAPTURE_LIMITS.url + 256).replace(/[\s\p{Cc}]/gu, '');
  if (value === '') return '';
  try {
    const url = base === '' ? new URL(value) : new URL(value, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
    url.username = '';
    url.password = '';
    return url.href.length <= CAPTURE_LIMITS.url ? url.href : '';
  } catch {
    return '';
  }
};

/** "https://www.Example.co.uk/about" → "example.co.uk"; '' when there is no usable host. */
export const domainFrom = (url: string): string => {
  const domain = normaliseDomain(url).replace(/:\d+$/, '').replace(/^www\./, '');
  return isDomain(domain) ? domain : '';
};
