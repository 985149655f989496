/**
 * Record rows as archives hold them (snapshots copy rows as stored): read back through a
 * schema, never trusted, and rebuilt with rowFor so a restored row's index keys follow from
 * its meta rather than from whatever the copy said.
 */
import * as v from 'valibot';
import { BOUND_CODEC_VERSION, type EncodedValue } from '../codec';
import { isRecordId } from '../ids';
import { RECORD_KINDS } from '../records/types';
import type { StoredRecord } from '../db/rows';
import { metaOf, rowFor } from '../db/record-rows';

const BytesSchema = v.custom<Uint8Array<ArrayBuffer>>(
  (input) => input instanceof Uint8Array && input.buffer instanceof ArrayBuffer, 'Expected bytes',
);

export const EncodedValueSchema = v.variant('codec', [
  v.object({ codec: v.literal('plain'), value: v.unknown() }),
  // `v` must survive the read: without it a bound value would be taken for an unbound one.
  v.object({ codec: v.literal('aes-gcm'), v: v.optional(v.literal(BOUND_CODEC_VERSION)), iv: BytesSchema, data: BytesSchema }),
]);

const RecordIdSchema = v.custom<string>(isRecordId, 'Expected a record id');
const TimeSchema = v.pipe(v.number(), v.finite());

export const StoredRecordSchema = v.object({
  id: RecordIdSchema,
  kind: v.picklist(RECORD_KINDS),
  createdAt: TimeSchema,
  updatedAt: TimeSchema,
  deletedAt: v.nullable(TimeSchema),
  links: v.array(RecordIdSchema),
  body: EncodedValueSchema,
  deletedBy: v.optional(v.string()),
  /** An open task's clear due facts (core/tasks/due-instant.ts); the index keys are rebuilt from it. */
  due: v.optional(v.object({ at: TimeSchema, remindAt: v.nullable(TimeSchema) })),
});

/** A settings row: the settings store keys its encoded values out of line. */
export interface SettingsRow {
  readonly key: string;
  readonly value: EncodedValue;
}

export const SettingsRowSchema = v.object({ key: v.pipe(v.string(), v.nonEmpty()), value: EncodedValueSchema });

/** The row as the store would write it: listKey only while live, deletedBy only while trashed. */
export const normalisedRow = (row: v.InferOutput<typeof StoredRecordSchema> | StoredRecord): StoredRecord => {
  const rebuilt = rowFor(metaOf(row), row.links, row.body, row.due);
  return row.deletedAt !== null && row.deletedBy !== undefined ? { ...rebuilt, deletedBy: row.deletedBy } : rebuilt;
};

const encodedBytes = (value: EncodedValue): number =>
  value.codec === 'aes-gcm' ? value.iv.length + value.data.length : (JSON.stringify(value.value) ?? '').length;

/** Roughly what a row takes on disk: its body plus its clear meta and links. */
export const approximateRowBytes = (row: StoredRecord): number => 120 + row.links.length * 40 + encodedBytes(row.body);

export const approximateSettingsBytes = (row: SettingsRow): number => row.key.length + encodedBytes(row.value);

export { SETTINGS_ROW_KEY } from '../settings/settings';
