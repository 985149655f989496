/**
 * A backup's payload: JSON lines (records, then settings, then the audit key, then audit entries), gzipped.
 * Read back line by line through schemas: record fields through parseFields, settings through
 * parseSettings, audit entries through the log's own shape and then its chain.
 */
import { gunzipSync, Gzip } from 'fflate';
import * as v from 'valibot';
import type { AuditEntry } from '../audit/audit-log';
import { isRecordId } from '../ids';
import { RECORD_KINDS, type Result } from '../records/types';
import { parseFields } from '../records/validate';
import { AuditEntrySchema, chainVerifies } from '../store/archive-audit';
import type { Settings } from '../store/contract';
import { buildRecord } from '../store/record-rows';
import { parseSettings } from '../store/settings';
import type { BackupContents, BackupRecord } from './types';
import { concatBytes, fromBase64, toBase64 } from '../vault/bytes';
import { auditKeysFrom } from '../audit/hash';

/** Lines encoded per push into the compressor. */
const LINES_PER_PUSH = 1000;

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
});
const LineSchema = v.variant('t', [
  RecordLineSchema,
  v.object({ t: v.literal('settings'), value: v.unknown() }),
  v.object({ t: v.literal('audit'), entry: v.unknown() }),
  v.object({ t: v.literal('audit-key'), key: v.pipe(v.string(), v.base64()) }),
]);

export type PayloadContents = Omit<BackupContents, 'createdAt'>;

const recordLine = ({ record, deletedBy }: BackupRecord) => ({
  t: 'record', id: record.id, kind: record.kind, createdAt: record.createdAt, updatedAt: record.updatedAt,
  deletedAt: record.deletedAt, deletedBy, fields: record.fields,
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

const unzipped = (gzipped: Uint8Array): string | null => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(gunzipSync(gzipped));
  } catch {
    return null;
  }
};

/** The payload's contents, or null when anything in it is not what a backup writes. */
export const decodePayload = async (gzipped: Uint8Array): Promise<Result<PayloadContents, 'damaged'>> => {
  const damaged = { ok: false, error: 'damaged' } as const;
  const text = unzipped(gzipped);
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
      records.push({ record: buildRecord(meta, fields.value), deletedBy: item.deletedBy });
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
