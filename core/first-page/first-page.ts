/**
 * The first rows of the side panel's opening list (the people, newest first), sealed under the
 * account key, so that a side panel opened while the session is unlocked can draw them before
 * the account's database is open: opening it reads the origin's IndexedDB back from disk, the
 * floor the bench measures beside the first row. It holds only what a row shows (its title and
 * second line), never ids or other fields; the live list replaces it as soon as it is read.
 */
import * as v from 'valibot';
import { fromBase64, toBase64, utf8 } from '../vault/bytes';
import { defaultVaultDeps } from '../vault/deps';
import { open, seal } from '../vault/seal';
import type { Bytes } from '../vault/types';

/** A screen's worth: what the list reads first is a page of 50, the panel shows about 12. */
export const FIRST_PAGE_ROWS = 20;
const PURPOSE = utf8('locket first page');
const MAX_TEXT = 500;

const Text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const FirstPageSchema = v.object({
  rows: v.pipe(v.array(v.object({ title: Text, subtitle: Text })), v.maxLength(FIRST_PAGE_ROWS)),
});
export type FirstPage = v.InferOutput<typeof FirstPageSchema>;

const Base64 = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]*={0,2}$/));
const SealedFirstPageSchema = v.object({ iv: Base64, data: Base64 });
export type SealedFirstPage = v.InferOutput<typeof SealedFirstPageSchema>;

const clip = (text: string): string => (text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);

/** At most FIRST_PAGE_ROWS rows, each text cut to what a row could show. */
export const sealFirstPage = async (accountKey: Bytes, page: FirstPage): Promise<SealedFirstPage> => {
  const rows = page.rows.slice(0, FIRST_PAGE_ROWS).map((row) => ({ title: clip(row.title), subtitle: clip(row.subtitle) }));
  const sealed = await seal(accountKey, utf8(JSON.stringify({ rows })), defaultVaultDeps(), PURPOSE);
  return { iv: toBase64(sealed.iv), data: toBase64(sealed.data) };
};

/** The rows as sealed; null when nothing is stored, it is malformed, or it was sealed under another key. */
export const openFirstPage = async (accountKey: Bytes, stored: unknown): Promise<FirstPage | null> => {
  const sealed = v.safeParse(SealedFirstPageSchema, stored);
  if (!sealed.success) return null;
  try {
    const bytes = await open(accountKey, { iv: fromBase64(sealed.output.iv), data: fromBase64(sealed.output.data) }, defaultVaultDeps(), PURPOSE);
    const page = v.safeParse(FirstPageSchema, JSON.parse(new TextDecoder().decode(bytes)));
    return page.success ? page.output : null;
  } catch {
    return null;
  }
};
