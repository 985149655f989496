import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isOwnExtensionContext } from '../../../platform/messages/senders';
import { OffscreenSweepReplySchema, OffscreenSweepRequestSchema, SWEEP_MESSAGE } from '../../../platform/retention/offscreen-messages';
import { toBase64 } from '../../../core/vault/bytes';
import type { SweepReport } from '../../../worker/sweep-contract';
import { readSweepReport, SWEEP_REPORT_KEY } from '../../../worker/sweep/report-store';
import { createSweepHarness, sweptOk } from './harness';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}`;

const report: SweepReport = {
  trigger: 'alarm', startedAt: 1, finishedAt: 5, durationMs: 4, purged: { person: 2, note: 1 },
  changeSetsDeleted: 2, changeSetsRewritten: 0, changeSetsAwaitingKey: 1, loginsDeleted: 0, snapshotsDeleted: 0,
  snapshotTaken: null, snapshotSkipped: null, accountDeleted: false, held: null, error: null,
};

describe('the background ↔ offscreen sweep messages', () => {
  it('accepts the background’s request with or without a 32-byte key, and nothing else', () => {
    const key = toBase64(new Uint8Array(32).fill(7));
    expect(v.is(OffscreenSweepRequestSchema, { type: SWEEP_MESSAGE, trigger: 'alarm', accountKey: key })).toBe(true);
    expect(v.is(OffscreenSweepRequestSchema, { type: SWEEP_MESSAGE, trigger: 'alarm', accountKey: null })).toBe(true);
    expect(v.is(OffscreenSweepRequestSchema, { type: SWEEP_MESSAGE, trigger: 'alarm', accountKey: toBase64(new Uint8Array(16)) })).toBe(false);
    expect(v.is(OffscreenSweepRequestSchema, { type: SWEEP_MESSAGE, trigger: 'alarm', accountKey: null, extra: 1 })).toBe(false);
    expect(v.is(OffscreenSweepRequestSchema, { type: 'locket:capture-active-tab' })).toBe(false);
  });

  it('answers only this extension’s own contexts', () => {
    expect(isOwnExtensionContext({ id: EXTENSION_ID, url: `${ORIGIN}/background.js` }, EXTENSION_ID, ORIGIN)).toBe(true);
    expect(isOwnExtensionContext({ id: EXTENSION_ID, origin: ORIGIN }, EXTENSION_ID, ORIGIN)).toBe(true);
    // A content script of this extension speaks for the web page it runs in.
    expect(isOwnExtensionContext({ id: EXTENSION_ID, origin: 'https://shop.example', url: 'https://shop.example/' }, EXTENSION_ID, ORIGIN)).toBe(false);
    expect(isOwnExtensionContext({ id: 'another-extension', origin: 'chrome-extension://another-extension' }, EXTENSION_ID, ORIGIN)).toBe(false);
  });

  it('carries a report back, and refuses a reply that is not one', () => {
    expect(v.parse(OffscreenSweepReplySchema, { ok: true, report })).toEqual({ ok: true, report });
    expect(v.is(OffscreenSweepReplySchema, { ok: true, report: null })).toBe(true);
    expect(v.is(OffscreenSweepReplySchema, { ok: true, report: { ...report, purged: { person: -1 } } })).toBe(false);
    expect(v.is(OffscreenSweepReplySchema, { ok: true, report: { ...report, purged: { ghost: 1 } } })).toBe(false);
    expect(v.is(OffscreenSweepReplySchema, undefined)).toBe(false);
  });
});

describe('the stored sweep report', () => {
  it('reads back what the last sweep wrote, and nothing when what is stored is not a report', async () => {
    const h = await createSweepHarness();
    expect(await readSweepReport(h.db)).toBeNull();
    const swept = sweptOk(await h.sweep());
    expect(await readSweepReport(h.db)).toEqual(swept);
    await h.db.put('meta', { ...swept, durationMs: 'long' }, SWEEP_REPORT_KEY);
    expect(await readSweepReport(h.db)).toBeNull();
  });

  it('reads a report kept before sweeps said why they held, and keeps why they held', async () => {
    const h = await createSweepHarness();
    const { held: _held, snapshotSkipped: _skipped, ...older } = report;
    await h.db.put('meta', older, SWEEP_REPORT_KEY);
    expect(await readSweepReport(h.db)).toEqual(report);
    const held: SweepReport = { ...report, held: { type: 'clock-behind', clockAt: 1, seenAt: 9 } };
    await h.db.put('meta', held, SWEEP_REPORT_KEY);
    expect(await readSweepReport(h.db)).toEqual(held);
  });

  it('reads the error of a report kept when it was a sentence, as a coded failure', async () => {
    const h = await createSweepHarness();
    await h.db.put('meta', { ...report, error: 'The browser went away' }, SWEEP_REPORT_KEY);
    expect((await readSweepReport(h.db))?.error).toEqual({ type: 'write-failed', message: 'The browser went away' });
    await h.db.put('meta', { ...report, error: 'storage-full' }, SWEEP_REPORT_KEY);
    expect((await readSweepReport(h.db))?.error).toEqual({ type: 'storage-full' });
  });
});
