/**
 * The first rows of the side panel's opening list (the people, newest first), sealed under the
 * account key (sealed-screen.ts). It holds only what a row shows (its title and second line),
 * never ids or other fields; the live list replaces it as soon as it is read.
 */
import * as v from 'valibot';
import type { Bytes } from '../vault/types';
import { clip, openScreen, sealScreen, TextOf, type SealedScreen } from './sealed-screen';

/** A screen's worth: what the list reads first is a page of 50, the panel shows about 12. */
export const FIRST_PAGE_ROWS = 20;
const PURPOSE = 'locket first page';
const MAX_TEXT = 500;

const Text = TextOf(MAX_TEXT);
const FirstPageSchema = v.object({
  rows: v.pipe(v.array(v.object({ title: Text, subtitle: Text })), v.maxLength(FIRST_PAGE_ROWS)),
});
export type FirstPage = v.InferOutput<typeof FirstPageSchema>;
export type SealedFirstPage = SealedScreen;

/** At most FIRST_PAGE_ROWS rows, each text cut to what a row could show. */
export const sealFirstPage = (accountKey: Bytes, page: FirstPage): Promise<SealedFirstPage> =>
  sealScreen(accountKey, PURPOSE, {
    rows: page.rows.slice(0, FIRST_PAGE_ROWS).map((row) => ({ title: clip(row.title, MAX_TEXT), subtitle: clip(row.subtitle, MAX_TEXT) })),
  });

/** The rows as sealed; null when nothing is stored, it is malformed, or it was sealed under another key. */
export const openFirstPage = (accountKey: Bytes, stored: unknown): Promise<FirstPage | null> =>
  openScreen(accountKey, PURPOSE, FirstPageSchema, stored);
