/**
 * Who created a record and who last changed it, as device ids kept inside the record's encrypted
 * body (never in the clear row, where the relay's copy of a backup or anyone reading the database
 * file could see who works on whom).
 *
 * Which id a write names:
 * - a local write names this install's device id (StoreDeps.deviceId, created once per install
 *   and never changed), whether or not sync is on;
 * - a remote set names the device that signed it, as the verified envelope says (SyncSet.deviceId),
 *   never anything its encrypted payload claims.
 * An install's team device id exists only while it has a sync identity, and changes if it leaves
 * one team and joins another; every context of the install (pages, workers) writes on its own
 * open store. So rather than rewriting records when sync is connected, or asking every writer
 * which identity it has now, the name directory (core/team/name-directory.ts) maps this install's
 * id to the member who holds this device when it is read: records written before sync was on are
 * credited to that member like everything after.
 *
 * Each stamp keeps the clock (HLC) of the set that wrote it; merging keeps the later stamp, so
 * every device that applied the same sets names the same writer (the join of replica/merge.ts).
 */
import * as v from 'valibot';
import { parseHlc } from '../hlc';

/** The body key the stamps travel under; no record kind has a field of that name, and the kinds' schemas drop it. */
export const ATTRIBUTION_KEY = 'attribution';

const StampSchema = v.object({ by: v.pipe(v.string(), v.maxLength(200)), clock: v.pipe(v.string(), v.maxLength(200)) });
const AttributionSchema = v.object({ created: v.optional(StampSchema), changed: v.optional(StampSchema) });

export type Stamp = v.InferOutput<typeof StampSchema>;
/** Absent parts are unknown: a record written before attribution existed, or whose create this device never held. */
export type Attribution = v.InferOutput<typeof AttributionSchema>;

/** What a reader sees: device ids with the times they wrote; null where unknown. */
export interface RecordAttribution {
  readonly created: { readonly by: string; readonly at: number } | null;
  /** The latest change after the create; null when nothing changed since (or who did is unknown). */
  readonly changed: { readonly by: string; readonly at: number } | null;
}

/** Stamps read from anywhere untrusted (a body, a backup file); undefined when they do not parse. */
export const parseAttribution = (value: unknown): Attribution | undefined => {
  const parsed = v.safeParse(AttributionSchema, value);
  return parsed.success ? parsed.output : undefined;
};

/** The stamps a decoded body holds; undefined when it holds none or they do not parse (a body is untrusted). */
export const attributionIn = (body: unknown): Attribution | undefined =>
  (body !== null && typeof body === 'object' && ATTRIBUTION_KEY in body ? parseAttribution((body as Record<string, unknown>)[ATTRIBUTION_KEY]) : undefined);

const laterStamp = (a: Stamp | undefined, b: Stamp | undefined): Stamp | undefined => {
  if (!a || !b) return a ?? b;
  return b.clock > a.clock ? b : a;
};

/** The join of two attributions of one record: each stamp the later one. Commutative, associative, idempotent. */
export const joinAttribution = (a: Attribution | undefined, b: Attribution | undefined): Attribution | undefined => {
  if (!a || !b) return a ?? b;
  const created = laterStamp(a.created, b.created);
  const changed = laterStamp(a.changed, b.changed);
  return { ...(created ? { created } : {}), ...(changed ? { changed } : {}) };
};

/**
 * The attribution after a write by `by` under set `clock`: a create stamps both, any other
 * change of fields stamps `changed` and keeps who created it.
 */
export const stampWrite = (before: Attribution | undefined, by: string, clock: string, creates: boolean): Attribution => {
  const stamp = { by, clock };
  const created = creates ? stamp : before?.created;
  return { ...(created ? { created } : {}), changed: stamp };
};

/** `body` with the stamps under their key; without stamps, the body as it is. */
export const withAttribution = <B extends object>(body: B, attribution: Attribution | undefined): B =>
  (attribution ? { ...body, [ATTRIBUTION_KEY]: attribution } : body);

/** The stamps as a reader sees them: the create at the record's createdAt, a change at its set's wall time. */
export const readAttribution = (attribution: Attribution | undefined, createdAt: number): RecordAttribution => {
  const { created, changed } = attribution ?? {};
  const changedAt = changed && changed.clock !== created?.clock ? parseHlc(changed.clock)?.wallMs : undefined;
  return {
    created: created ? { by: created.by, at: createdAt } : null,
    changed: changed && changedAt !== undefined ? { by: changed.by, at: changedAt } : null,
  };
};
