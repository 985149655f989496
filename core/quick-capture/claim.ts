/**
 * What an injected capture script hands back is a claim, not a fact: the page it ran in
 * controls every string, and whatever answered in its place controls the shape. This schema
 * accepts exactly what the extractor can produce (plain strings and lists of strings within
 * CAPTURE_LIMITS, a known source) and refuses everything else whole, so nothing reaches a
 * form or the store unchecked.
 */
import * as v from 'valibot';
import { CAPTURE_LIMITS, CAPTURE_SOURCES, type CaptureResult } from '../capture/types';
import type { Result } from '../result';

const capped = (max: number) => v.pipe(v.string(), v.maxLength(max));
const list = (max: number) => v.pipe(v.array(capped(max)), v.maxLength(CAPTURE_LIMITS.listItems));
const source = v.picklist(CAPTURE_SOURCES);

const PageSchema = v.strictObject({
  url: capped(CAPTURE_LIMITS.url),
  title: capped(CAPTURE_LIMITS.field),
  siteName: capped(CAPTURE_LIMITS.field),
  canonicalUrl: capped(CAPTURE_LIMITS.url),
  author: capped(CAPTURE_LIMITS.field),
});

const PersonSchema = v.strictObject({
  name: capped(CAPTURE_LIMITS.name),
  firstName: capped(CAPTURE_LIMITS.name),
  lastName: capped(CAPTURE_LIMITS.name),
  jobTitle: capped(CAPTURE_LIMITS.name),
  organisationName: capped(CAPTURE_LIMITS.name),
  emails: list(CAPTURE_LIMITS.email),
  phones: list(CAPTURE_LIMITS.field),
  urls: list(CAPTURE_LIMITS.url),
  addresses: list(CAPTURE_LIMITS.field),
  source,
});

const OrganisationSchema = v.strictObject({
  name: capped(CAPTURE_LIMITS.name),
  domain: capped(CAPTURE_LIMITS.url),
  emails: list(CAPTURE_LIMITS.email),
  phones: list(CAPTURE_LIMITS.field),
  urls: list(CAPTURE_LIMITS.url),
  addresses: list(CAPTURE_LIMITS.field),
  source,
});

export const CaptureResultSchema = v.strictObject({
  page: PageSchema,
  people: v.pipe(v.array(PersonSchema), v.maxLength(CAPTURE_LIMITS.people)),
  organisations: v.pipe(v.array(OrganisationSchema), v.maxLength(CAPTURE_LIMITS.organisations)),
  vcardUrls: v.pipe(v.array(capped(CAPTURE_LIMITS.url)), v.maxLength(CAPTURE_LIMITS.vcardUrls)),
  selection: capped(CAPTURE_LIMITS.selection),
  // Captures kept from before the flag existed read as whole.
  partial: v.optional(v.boolean(), false),
});

/** The first problem found, for a log line; never shown with the page's own text in it. */
const describe = (issues: readonly v.BaseIssue<unknown>[]): string => {
  const issue = issues[0];
  const path = issue?.path?.map((item) => String(item.key)).join('.') ?? '';
  return `the page's capture was refused (${path === '' ? 'its shape' : path}: ${issue?.expected ?? 'invalid'})`;
};

export const parseCaptureClaim = (value: unknown): Result<CaptureResult, string> => {
  const parsed = v.safeParse(CaptureResultSchema, value);
  return parsed.success ? { ok: true, value: parsed.output } : { ok: false, error: describe(parsed.issues) };
};
