/**
 * A capture waiting in the side panel for the user: kept in session memory (never on disk)
 * until it is saved or dismissed, so a lock in between loses nothing. Its draft (what the
 * user chose and typed) is kept beside it under the capture's id.
 */
import * as v from 'valibot';
import type { CaptureResult } from '../capture/types';
import { CaptureResultSchema } from './claim';

export const ENTITY_KINDS = ['person', 'organisation'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** One person or organisation of a capture, by its place in the capture's list. */
export interface EntityRef {
  readonly kind: EntityKind;
  readonly index: number;
}

export interface PendingCapture {
  readonly id: string;
  /** When the gesture reached the background (ms since the epoch). */
  readonly requestedAt: number;
  readonly capture: CaptureResult;
  /** The link the user captured from (context menu on a link), '' otherwise. */
  readonly linkUrl: string;
}

export type TwinDecision = 'update' | 'create' | null;

export interface CaptureDraft {
  readonly captureId: string;
  /** The entity whose form is open; null while the user is choosing. */
  readonly entity: EntityRef | null;
  /** Form values as typed; empty until the user edits. */
  readonly values: Readonly<Record<string, string>>;
  readonly decision: TwinDecision;
  readonly createOrganisation: boolean;
  /** Entities already saved from this capture (a team page is saved one by one). */
  readonly saved: readonly EntityRef[];
}

/** About 4 MB of JSON: far below storage.session's quota, far above any honest page. */
export const MAX_PENDING_CHARS = 4_000_000;
const MAX_FORM_VALUE = 100_000;
const MAX_FORM_FIELDS = 50;

const EntityRefSchema = v.strictObject({
  kind: v.picklist(ENTITY_KINDS),
  index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)),
});

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

export const PendingCaptureSchema = v.strictObject({
  id: Id,
  requestedAt: v.pipe(v.number(), v.finite()),
  capture: CaptureResultSchema,
  linkUrl: v.pipe(v.string(), v.maxLength(4_096)),
});

export const CaptureDraftSchema = v.strictObject({
  captureId: Id,
  entity: v.nullable(EntityRefSchema),
  values: v.pipe(
    v.record(v.pipe(v.string(), v.maxLength(100)), v.pipe(v.string(), v.maxLength(MAX_FORM_VALUE))),
    v.check((values) => Object.keys(values).length <= MAX_FORM_FIELDS, 'too many form fields'),
  ),
  decision: v.nullable(v.picklist(['update', 'create'])),
  createOrganisation: v.boolean(),
  saved: v.pipe(v.array(EntityRefSchema), v.maxLength(1_000)),
});

export const parsePendingCapture = (value: unknown): PendingCapture | null => {
  const parsed = v.safeParse(PendingCaptureSchema, value);
  return parsed.success ? parsed.output : null;
};

export const parseCaptureDraft = (value: unknown, captureId: string): CaptureDraft | null => {
  const parsed = v.safeParse(CaptureDraftSchema, value);
  return parsed.success && parsed.output.captureId === captureId ? parsed.output : null;
};

export const emptyDraft = (captureId: string): CaptureDraft =>
  ({ captureId, entity: null, values: {}, decision: null, createOrganisation: true, saved: [] });

export const sameEntity = (a: EntityRef | null, b: EntityRef | null): boolean =>
  a !== null && b !== null && a.kind === b.kind && a.index === b.index;

const jsonLength = (value: unknown): number => JSON.stringify(value).length;

/**
 * Keeps a capture within `maxChars` of JSON by dropping people, then organisations, from
 * the end of their lists (the extractor lists the best and the selected first).
 */
export const fitCapture = (capture: CaptureResult, maxChars = MAX_PENDING_CHARS): CaptureResult => {
  let total = jsonLength(capture);
  if (total <= maxChars) return capture;
  const people = [...capture.people];
  const organisations = [...capture.organisations];
  while (total > maxChars && people.length > 0) total -= jsonLength(people.pop()) + 1;
  while (total > maxChars && organisations.length > 0) total -= jsonLength(organisations.pop()) + 1;
  return { ...capture, people, organisations };
};
