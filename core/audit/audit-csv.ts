/**
 * The audit log as a CSV file, for an auditor or a spreadsheet. Subjects and detail are written
 * as canonical JSON and `at` as an ISO time with milliseconds, so each row still holds exactly
 * what its hash covers: the chain can be checked again from the file and the audit key (after
 * undoing the formula neutralisation, as an import does); without the key it cannot be forged.
 */
import Papa from 'papaparse';
import { neutraliseCell } from '../csv/neutralise';
import type { AuditEntry } from './audit-log';
import { canonicalJson } from './hash';

export const AUDIT_CSV_COLUMNS = ['seq', 'at', 'type', 'by', 'subjects', 'detail', 'prevHash', 'hash'] as const;

const NEWLINE = '\r\n';
/** The latest moment a JavaScript Date can show; a tampered `at` beyond it is written as the number. */
const MAX_DATE_MS = 8.64e15;

const isoTime = (at: number): string => (Math.abs(at) <= MAX_DATE_MS ? new Date(at).toISOString() : String(at));

const cellsOf = (entry: AuditEntry): readonly string[] => [
  String(entry.seq), isoTime(entry.at), entry.type, entry.by,
  canonicalJson(entry.subjects), canonicalJson(entry.detail), entry.prevHash, entry.hash,
];

/** RFC 4180 with CRLF, a header row first, one row per entry in the order given; every cell neutralised. */
export const auditToCsv = (entries: readonly AuditEntry[]): string => {
  const rows = [AUDIT_CSV_COLUMNS, ...entries.map(cellsOf)].map((row) => row.map(neutraliseCell));
  return `${Papa.unparse(rows, { newline: NEWLINE, quotes: false, escapeFormulae: false })}${NEWLINE}`;
};

/** `locket-audit-YYYY-MM-DD.csv`, dated in UTC like the other exports. */
export const auditCsvFileName = (now: number): string => `locket-audit-${new Date(now).toISOString().slice(0, 10)}.csv`;
