import { IDBFactory } from 'fake-indexeddb';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS, auditCsvFileName, auditToCsv } from '../../../core/audit/audit-csv';
import { createAuditLog, type AuditDraft, type AuditEntry } from '../../../core/audit/audit-log';
import { canonicalJson, idHash } from '../../../core/audit/hash';
import { TEST_AUDIT_KEYS } from '../store/harness';
import { createManualClock } from '../../../core/clock';
import { restoreCell } from '../../../core/csv/neutralise';
import { openLocketDb } from '../../../core/db/schema';

const START = Date.UTC(2025, 2, 9, 23, 59, 58, 123);

const logWith = async (drafts: readonly AuditDraft[]): Promise<AuditEntry[]> => {
  const clock = createManualClock(START);
  const log = createAuditLog({ db: await openLocketDb(new IDBFactory(), 'audit-csv-test'), clock, keys: async () => TEST_AUDIT_KEYS });
  for (const draft of drafts) {
    await log.append(draft);
    clock.advance(1500);
  }
  return log.entries();
};

const rowsOf = (csv: string): string[][] => Papa.parse<string[]>(csv, { header: false, skipEmptyLines: true }).data;

/** One CSV row back into the object its hash was computed over. */
const entryFromRow = (row: readonly string[]) => {
  const [seq, at, type, by, subjects, detail, prevHash] = row.map(restoreCell);
  return {
    seq: Number(seq), at: Date.parse(at ?? ''), type, by,
    subjects: JSON.parse(subjects ?? '') as unknown, detail: JSON.parse(detail ?? '') as unknown, prevHash: prevHash ?? '',
  };
};

describe('audit log as CSV', () => {
  it('writes a header row and one row per entry, in the order given, with CRLF line ends', async () => {
    const entries = await logWith([
      { type: 'export-taken', by: 'owner', subjects: [], detail: { files: 'contacts', zip: false } },
      { type: 'record-deleted', by: 'owner', subjects: [{ kind: 'person', idHash: await idHash(TEST_AUDIT_KEYS, 'p-1') }], detail: { notes: 2 } },
    ]);
    const csv = auditToCsv(entries);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
    const [header, first, second] = rowsOf(csv);
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(first?.slice(0, 4)).toEqual(['1', '2025-03-09T23:59:58.123Z', 'export-taken', 'owner']);
    expect(second?.slice(0, 3)).toEqual(['2', '2025-03-09T23:59:59.623Z', 'record-deleted']);
    expect(second?.[6]).toBe(first?.[7]);
  });

  it('keeps in each row exactly what its hash covers, so the chain can be checked from the file', async () => {
    const entries = await logWith([
      { type: 'import-done', by: 'owner', subjects: [], detail: { batchId: 'b-1', written: 4, failed: 1 } },
      { type: 'record-erased', by: 'owner', subjects: [{ kind: 'person', idHash: await idHash(TEST_AUDIT_KEYS, 'p-2') }], detail: { notes: 1, person: 1 } },
      { type: 'records-purged', by: 'sweep', subjects: [], detail: { person: 3, note: 5 } },
    ]);
    const [, ...rows] = rowsOf(auditToCsv(entries));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const entry = entryFromRow(row);
      expect(await TEST_AUDIT_KEYS.mac(entry.prevHash + canonicalJson(entry))).toBe(row[7]);
    }
  });

  it('neutralises cells a spreadsheet would run as formulas, reversibly', async () => {
    const entries = await logWith([
      { type: 'settings-changed', by: '=HYPERLINK("http://evil.example","x")', subjects: [], detail: { field: '+1' } },
    ]);
    const [, row] = rowsOf(auditToCsv(entries));
    expect(row?.[3]).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(restoreCell(row?.[3] ?? '')).toBe(entries[0]?.by);
    expect(JSON.parse(row?.[5] ?? '')).toEqual({ field: '+1' });
  });

  it('writes only the header for an empty log', () => {
    expect(auditToCsv([])).toBe(`${AUDIT_CSV_COLUMNS.join(',')}\r\n`);
  });

  it('names the file after the UTC date', () => {
    expect(auditCsvFileName(START)).toBe('locket-audit-2025-03-09.csv');
    expect(auditCsvFileName(START + 2000)).toBe('locket-audit-2025-03-10.csv');
  });
});
