/**
 * A backup's payload: JSON lines (records, then settings, then the audit key, then audit entries), gzipped.
 * Read back line by line through schemas: record fields through parseFields, settings through
 * parseSettings, audit entries through the log's own shape and then its chain.
 */
import { Gzip } from 'fflate';
import * as v from 'valibot';
import type { AuditEntry } from '../audit/audit-log';
import { isRecordId } from '../ids';
import { RECORD_KINDS } from '../records/types';
import type { Result } from '../result';
import { parseFields } from '../records/validate';
import { AuditEntrySchema, chainVerifies } from '../archives/archive-audit';
import type { Settings } from '../settings/contract';
import { buildRecord } from '../db/record-rows';
import { parseAttribution } from '../db/attribution';
import { parseSettings } from '../settings/settings';
import type { BackupContents, BackupRecord } from './types';
import { concatBytes, fromBase64, toBase64 } from '../vault/bytes';
import type { Bytes } from '../vault/types';
import { auditKeysFrom } from '../audit/hash';

/** Lines encoded per push into the compressor. */
const LINES_PER_PUSH = 1000;
/**
 * The most a payload may unpack to. It is read as one string, and JavaScript engines cap a
 * string near 2^29 characters (V8: 536,870,888), so no larger payload could be restored: a
 * file that unpacks past this is damaged or made to exhaust memory.
 */
export const MAX_BACKUP_PAYLOAD_BYTES = 512 * 1024 * 1024;
/**
 * Compressed bytes handed to the decompressor at a time. DEFLATE expands at most about 1,032
 * times, so the cap is overshot by about 17 MiB at most before the count sees it.
 */
const INFLATE_SLICE_BYTES = 16 * 1024;

const TimeSchema = v.pipe(v.number(), v.finite());
const RecordLineSchema = v.object({
  t: v.literal('record'),
  id: v.custom<string>(isRecordId),
  kind: v.picklist(RECORD_KINDS),
  createdAt: TimeSchema,
  updatedAt: TimeSchema,
  deletedAt: v.nullable(TimeSchema),
  deletedBy: v.nullable(v.string()),
  fields: v.unknown(),
  attribution: v.optional(v.unknown()),
});
const LineSchema = v.variant('t', [
  RecordLineSchema,
  v.object({ t: v.literal('settings'), value: v.unknown() }),
  v.object({ t: v.literal('audit'), entry: v.unknown() }),
  v.object({ t: v.literal('audit-key'), key: v.pipe(v.string(), v.base64()) }),
]);

export type PayloadContents = Omit<BackupContents, 'createdAt'>;

const recordLine = ({ record, deletedBy, attribution }: BackupRecord) => ({
  t: 'record', id: record.id, kind: record.kind, createdAt: record.createdAt, updatedAt: record.updatedAt,
  deletedAt: record.deletedAt, deletedBy, fields: record.fields, ...(attribution ? { attribution } : {}),
});

/** Gzipped JSON lines, compressed as they are written so no one string holds the whole payload. */
export const encodePayload = (contents: PayloadContents): Uint8Array<ArrayBuffer> => {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const gzip = new Gzip({ level: 6 }, (chunk) => { parts.push(new Uint8Array(chunk)); });
  const encoder = new TextEncoder();
  const lines: unknown[] = [
    ...contents.records.map(recordLine),
    ...(contents.settings ? [{ t: 'settings', value: contents.settings }] : []),
    ...(contents.auditKey ? [{ t: 'audit-key', key: toBase64(contents.auditKey) }] : []),
    ...contents.audit.map((entry) => ({ t: 'audit', entry })),
  ];
  for (let start = 0; start < lines.length; start += LINES_PER_PUSH) {
    const text = lines.slice(start, start + LINES_PER_PUSH).map((line) => `${JSON.stringify(line)}\n`).join('');
    gzip.push(encoder.encode(text));
  }
  gzip.push(new Uint8Array(0), true);
  return concatBytes(...parts);
};

const parseJson = (line: string): unknown => {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
};

/**
 * Gunzips a slice at a time and counts what comes out, so a file that would unpack past
 * maxBytes is refused as soon as it does, never after unpacking all of it. The platform's
 * DecompressionStream (native zlib in browsers and Node) applies backpressure: the next slice
 * is inflated only once the output before it has been read.
 */
export const inflateCapped = async (gzipped: Uint8Array, maxBytes: number): Promise<Result<Bytes, 'too-large' | 'damaged'>> => {
  if (gzipped.length === 0) return { ok: false, error: 'damaged' };
  let offset = 0;
  const source = new ReadableStream<Bytes>({
    pull: (controller) => {
      if (offset >= gzipped.length) { controller.close(); return; }
      controller.enqueue(gzipped.slice(offset, offset + INFLATE_SLICE_BYTES));
      offset += INFLATE_SLICE_BYTES;
    },
  }, { highWaterMark: 0 });
  const reader = source.pipeThrough(new DecompressionStream('gzip')).getReader();
  const parts: Bytes[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel();
        return { ok: false, error: 'too-large' };
      }
      parts.push(value);
    }
  } catch {
    return { ok: false, error: 'damaged' };
  }
  return { ok: true, value: concatBytes(...parts) };
};

const unzipped = async (gzipped: Uint8Array, maxBytes: number): Promise<string | null> => {
  const inflated = await inflateCapped(gzipped, maxBytes);
  if (!inflated.ok) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(inflated.value);
  } catch {
    return null;
  }
};

/** The payload's contents, or 'damaged' when anything in it is not what a backup writes or it unpacks past maxBytes. */
export const decodePayload = async (
  gzipped: Uint8Array, maxBytes = MAX_BACKUP_PAYLOAD_BYTES,
): Promise<Result<PayloadContents, 'damaged'>> => {
  const damaged = { ok: false, error: 'damaged' } as const;
  const text = await unzipped(gzipped, maxBytes);
  if (text === null || (text !== '' && !text.endsWith('\n'))) return damaged;
  const records: BackupRecord[] = [];
  const ids = new Set<string>();
  const audit: AuditEntry[] = [];
  let settings: Settings | null = null;
  let auditKey: Uint8Array<ArrayBuffer> | null = null;
  for (const line of text.split('\n').slice(0, -1)) {
    const parsed = v.safeParse(LineSchema, parseJson(line));
    if (!parsed.success) return damaged;
    const item = parsed.output;
    if (item.t === 'record') {
      const fields = parseFields(item.kind, item.fields);
      if (!fields.ok || ids.has(item.id) || (item.deletedBy !== null && item.deletedAt === null)) return damaged;
      ids.add(item.id);
      const meta = { id: item.id, kind: item.kind, createdAt: item.createdAt, updatedAt: item.updatedAt, deletedAt: item.deletedAt };
      // Who wrote it is kept when it parses; a backup made before it was kept has none.
      const attribution = parseAttribution(item.attribution);
      records.push({ record: buildRecord(meta, fields.value), deletedBy: item.deletedBy, ...(attribution ? { attribution } : {}) });
    } else if (item.t === 'settings') {
      const parsedSettings = parseSettings(item.value);
      if (!parsedSettings.ok || settings !== null) return damaged;
      settings = parsedSettings.value;
    } else if (item.t === 'audit-key') {
      if (auditKey !== null) return damaged;
      auditKey = fromBase64(item.key);
      if (auditKey.length !== 32) return damaged;
    } else {
      const entry = v.safeParse(AuditEntrySchema, item.entry);
      if (!entry.success) return damaged;
      audit.push(entry.output);
    }
  }
  // A backup made before keyed hashes carries no key: its log was chained with plain SHA-256.
  if (!(await chainVerifies(audit, auditKey ? auditKeysFrom(auditKey) : null))) return damaged;
  return { ok: true, value: { records, settings, audit, auditKey } };
};
