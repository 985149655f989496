import { gunzipSync, gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodePayload, encodePayload, inflateCapped } from '../../../core/backup/payload';
import { createIdFactory } from '../../../core/ids';
import { createManualClock } from '../../../core/clock';
import type { BackupRecord } from '../../../core/backup/types';
import { fields } from '../csv/fixtures';

const MIB = 1024 * 1024;

const notes = (count: number): BackupRecord[] => {
  const clock = createManualClock(Date.UTC(2026, 0, 1));
  const newId = createIdFactory(clock);
  const recordId = newId();
  return Array.from({ length: count }, (_, index) => ({
    record: {
      id: newId(), kind: 'note', createdAt: clock.now(), updatedAt: clock.now(), deletedAt: null,
      fields: fields('note', { body: `Note ${index}: called about the roof`, recordId }),
    },
    deletedBy: null,
  }));
};

describe('a backup payload unpacks within a running size cap', () => {
  it('opens a payload up to the cap, and refuses one byte more as damaged', async () => {
    const gzipped = encodePayload({ records: notes(200), settings: null, audit: [], auditKey: null });
    const size = gunzipSync(gzipped).length;
    const opened = await decodePayload(gzipped, size);
    expect(opened.ok && opened.value.records.length).toBe(200);
    expect(await decodePayload(gzipped, size - 1)).toEqual({ ok: false, error: 'damaged' });
  });

  it('stops as soon as the cap is passed, before the rest of the file is read', async () => {
    const bomb = gzipSync(new Uint8Array(16 * MIB), { level: 1 });
    // The second half is missing: a whole-file inflate would fail on the cut, not on the size.
    const cut = bomb.subarray(0, bomb.length / 2);
    expect(await inflateCapped(cut, MIB)).toEqual({ ok: false, error: 'too-large' });
    expect(await inflateCapped(cut, 16 * MIB)).toEqual({ ok: false, error: 'damaged' });
    const whole = await inflateCapped(bomb, 16 * MIB);
    expect(whole.ok && whole.value.length).toBe(16 * MIB);
  });

  it('refuses what is not gzip at all', async () => {
    expect(await inflateCapped(new Uint8Array(0), MIB)).toEqual({ ok: false, error: 'damaged' });
    expect(await inflateCapped(new TextEncoder().encode('{"t":"settings"}\n'), MIB)).toEqual({ ok: false, error: 'damaged' });
  });
});
