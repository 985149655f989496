import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../core/vault/bytes';
import type { SweepReport } from '../../../worker/sweep-api';
import { CAPTURE_ACTIVE_TAB_MESSAGE, type CaptureOutcome } from '../../../platform/capture/capture-messages';
import { createMessageSender, type MessageTransport } from '../../../platform/messages/client';
import { createMessageRouter, type MessageHandlers } from '../../../platform/messages/router';
import { senderRole, type MessageSenderFacts } from '../../../platform/messages/senders';
import { SWEEP_MESSAGE, type OffscreenSweepReply } from '../../../platform/retention/offscreen-messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const self = { id: ID, origin: ORIGIN };

const popup: MessageSenderFacts = { id: ID, origin: ORIGIN, url: `${ORIGIN}/popup.html` };
const optionsInATab: MessageSenderFacts = { id: ID, origin: ORIGIN, url: `${ORIGIN}/options.html`, tab: { id: 4 } };
const background: MessageSenderFacts = { id: ID, origin: ORIGIN, url: `${ORIGIN}/background.js` };
const offscreen: MessageSenderFacts = { id: ID, origin: ORIGIN, url: `${ORIGIN}/offscreen.html` };
/** One of Locket's own content scripts: it carries Locket's id, but the web page's origin and tab. */
const contentScript: MessageSenderFacts = { id: ID, origin: 'https://shop.example', url: 'https://shop.example/cart', tab: { id: 9 } };
const otherExtension: MessageSenderFacts = { id: 'another-extension', origin: 'chrome-extension://another-extension', url: 'chrome-extension://another-extension/background.js' };

const report: SweepReport = {
  trigger: 'alarm', startedAt: 1, finishedAt: 5, durationMs: 4, purged: { person: 2 },
  changeSetsDeleted: 0, changeSetsRewritten: 0, changeSetsAwaitingKey: 0, loginsDeleted: 0, snapshotsDeleted: 0,
  snapshotTaken: null, snapshotSkipped: null, accountDeleted: false, held: null, error: null,
};
const sweepRequest = { type: SWEEP_MESSAGE, trigger: 'alarm', accountKey: toBase64(new Uint8Array(32).fill(3)) };

/** A background that serves the capture row and an offscreen document that serves the sweep row, both recording what they did. */
const setUp = (overrides: Partial<MessageHandlers> = {}) => {
  const handled: string[] = [];
  const logged: string[] = [];
  const handlers: MessageHandlers = {
    [CAPTURE_ACTIVE_TAB_MESSAGE]: async () => { handled.push('capture'); return { ok: true }; },
    [SWEEP_MESSAGE]: async (request) => { handled.push(`sweep ${request.trigger}`); return { ok: true, report }; },
    ...overrides,
  };
  const log = (line: string) => { logged.push(line); };
  const backgroundRoute = createMessageRouter({ [CAPTURE_ACTIVE_TAB_MESSAGE]: handlers[CAPTURE_ACTIVE_TAB_MESSAGE] }, { self, log });
  const offscreenRoute = createMessageRouter({ [SWEEP_MESSAGE]: handlers[SWEEP_MESSAGE] }, { self, log });
  return { backgroundRoute, offscreenRoute, handled, logged };
};

describe('who a sender is', () => {
  it('tells Locket’s contexts apart by path, and a content script by its tab', () => {
    expect(senderRole(popup, self)).toBe('page');
    expect(senderRole(optionsInATab, self)).toBe('page');
    expect(senderRole(background, self)).toBe('background');
    // Chromium names no url for a service worker's messages: only the background has no document.
    expect(senderRole({ id: ID, origin: ORIGIN }, self)).toBe('background');
    expect(senderRole({ id: ID, origin: ORIGIN, url: `${ORIGIN}/` }, self)).toBe('background');
    expect(senderRole(offscreen, self)).toBe('offscreen');
    expect(senderRole(contentScript, self)).toBe('content-script');
  });

  it('is nobody for another extension, a web page, or a page that only borrows the background’s path', () => {
    expect(senderRole(otherExtension, self)).toBeNull();
    expect(senderRole({ origin: 'https://shop.example', url: 'https://shop.example/' }, self)).toBeNull();
    expect(senderRole({ id: ID, origin: 'https://shop.example', url: 'https://shop.example/background.js' }, self)).toBeNull();
    // An extension page opened in a tab at the background's address is still a page.
    expect(senderRole({ ...background, tab: { id: 2 } }, self)).toBe('page');
  });
});

describe('the message router', () => {
  it('answers a row’s listed sender with the handler’s reply', async () => {
    const { backgroundRoute, offscreenRoute, handled, logged } = setUp();
    expect(await backgroundRoute({ type: CAPTURE_ACTIVE_TAB_MESSAGE }, popup)).toEqual({ reply: { ok: true } });
    expect(await offscreenRoute(sweepRequest, background)).toEqual({ reply: { ok: true, report } });
    expect(await offscreenRoute(sweepRequest, { id: ID, origin: ORIGIN })).toEqual({ reply: { ok: true, report } });
    expect(handled).toEqual(['capture', 'sweep alarm', 'sweep alarm']);
    expect(logged).toEqual([]);
  });

  it('does not let a content script reach a row only Locket’s pages may send', async () => {
    const { backgroundRoute, handled, logged } = setUp();
    expect(await backgroundRoute({ type: CAPTURE_ACTIVE_TAB_MESSAGE }, contentScript)).toEqual({ refused: 'sender-not-allowed' });
    expect(handled).toEqual([]);
    expect(logged).toEqual([`refused ${CAPTURE_ACTIVE_TAB_MESSAGE} from https://shop.example (sender-not-allowed)`]);
  });

  it('refuses another extension, and a page asking for what only the background may', async () => {
    const { backgroundRoute, offscreenRoute, handled, logged } = setUp();
    expect(await backgroundRoute({ type: CAPTURE_ACTIVE_TAB_MESSAGE }, otherExtension)).toEqual({ refused: 'sender-not-allowed' });
    expect(await offscreenRoute(sweepRequest, popup)).toEqual({ refused: 'sender-not-allowed' });
    expect(await offscreenRoute(sweepRequest, contentScript)).toEqual({ refused: 'sender-not-allowed' });
    expect(handled).toEqual([]);
    expect(logged).toHaveLength(3);
  });

  it('refuses a name the table does not have, and anything that is not a message', async () => {
    const { backgroundRoute, handled, logged } = setUp();
    expect(await backgroundRoute({ type: 'locket:erase-everything' }, popup)).toEqual({ refused: 'unknown-message' });
    expect(await backgroundRoute({ type: 'toString' }, popup)).toEqual({ refused: 'unknown-message' });
    expect(await backgroundRoute('locket:capture-active-tab', popup)).toEqual({ refused: 'unknown-message' });
    expect(await backgroundRoute(null, popup)).toEqual({ refused: 'unknown-message' });
    expect(handled).toEqual([]);
    expect(logged).toEqual([
      'refused locket:erase-everything from chrome-extension://abcdefghijklmnopabcdefghijklmnop (unknown-message)',
      'refused toString from chrome-extension://abcdefghijklmnopabcdefghijklmnop (unknown-message)',
      'refused undefined from chrome-extension://abcdefghijklmnopabcdefghijklmnop (unknown-message)',
      'refused undefined from chrome-extension://abcdefghijklmnopabcdefghijklmnop (unknown-message)',
    ]);
  });

  it('refuses a request that does not match its row, without logging what it held', async () => {
    const { backgroundRoute, offscreenRoute, handled, logged } = setUp();
    expect(await backgroundRoute({ type: CAPTURE_ACTIVE_TAB_MESSAGE, tabId: 3 }, popup)).toEqual({ refused: 'bad-request' });
    const shortKey = toBase64(new Uint8Array(16));
    expect(await offscreenRoute({ ...sweepRequest, accountKey: shortKey }, background)).toEqual({ refused: 'bad-request' });
    expect(await offscreenRoute({ ...sweepRequest, trigger: 'never' }, background)).toEqual({ refused: 'bad-request' });
    expect(handled).toEqual([]);
    expect(logged).toHaveLength(3);
    expect(logged.join('\n')).not.toContain(shortKey);
  });

  it('stays silent on a row another context serves, so that context can answer', () => {
    const { backgroundRoute, offscreenRoute, logged } = setUp();
    expect(backgroundRoute(sweepRequest, background)).toBeNull();
    expect(offscreenRoute({ type: CAPTURE_ACTIVE_TAB_MESSAGE }, popup)).toBeNull();
    expect(logged).toEqual([]);
  });

  it('answers "failed" when the handler throws or replies outside its row', async () => {
    const throwing = setUp({ [SWEEP_MESSAGE]: async () => { throw new Error('worker gone'); } });
    expect(await throwing.offscreenRoute(sweepRequest, background)).toEqual({ refused: 'failed' });
    expect(throwing.logged[0]).toContain('worker gone');
    const leaking = setUp({ [CAPTURE_ACTIVE_TAB_MESSAGE]: async () => ({ ok: true, page: '<html>' }) as CaptureOutcome });
    expect(await leaking.backgroundRoute({ type: CAPTURE_ACTIVE_TAB_MESSAGE }, popup)).toEqual({ refused: 'failed' });
  });
});

describe('send()', () => {
  /** Carries messages to a router as the browser would, from the given sender. */
  const wire = (route: ReturnType<typeof createMessageRouter>, from: MessageSenderFacts): MessageTransport =>
    async (message) => route(message, from) ?? undefined;

  it('sends under the row’s name and returns the checked reply', async () => {
    const { offscreenRoute } = setUp();
    const send = createMessageSender(wire(offscreenRoute, background));
    const sent = await send(SWEEP_MESSAGE, { trigger: 'alarm', accountKey: null });
    expect(sent).toEqual({ ok: true, value: { ok: true, report } satisfies OffscreenSweepReply });
  });

  it('returns the receiver’s refusal as its type', async () => {
    const { backgroundRoute, handled } = setUp();
    const send = createMessageSender(wire(backgroundRoute, contentScript));
    expect(await send(CAPTURE_ACTIVE_TAB_MESSAGE, {})).toEqual({ ok: false, error: { type: 'sender-not-allowed' } });
    expect(handled).toEqual([]);
  });

  it('refuses a reply the row does not allow, or that is no answer at all', async () => {
    const answers: unknown[] = [{ reply: { ok: true, report: { ...report, purged: { ghost: 1 } } } }, { ok: true, report }, undefined, { refused: 'maybe' }];
    for (const answer of answers) {
      const send = createMessageSender(async () => answer);
      expect(await send(SWEEP_MESSAGE, { trigger: 'alarm', accountKey: null })).toEqual({ ok: false, error: { type: 'bad-reply' } });
    }
  });

  it('tells a receiver not listening yet from a message that could not be delivered', async () => {
    const noReceiver = createMessageSender(async () => { throw new Error('Could not establish connection. Receiving end does not exist.'); });
    expect(await noReceiver(SWEEP_MESSAGE, { trigger: 'alarm', accountKey: null })).toEqual({ ok: false, error: { type: 'no-receiver' } });
    const closed = createMessageSender(async () => { throw new Error('The message port closed before a response was received.'); });
    expect(await closed(SWEEP_MESSAGE, { trigger: 'alarm', accountKey: null })).toEqual({
      ok: false, error: { type: 'not-delivered', detail: 'The message port closed before a response was received.' },
    });
  });

  it('does not send a request its row would refuse', async () => {
    const sentMessages: unknown[] = [];
    const send = createMessageSender(async (message) => { sentMessages.push(message); return { reply: { ok: true, report: null } }; });
    expect(await send(SWEEP_MESSAGE, { trigger: 'alarm', accountKey: 'not a key' })).toEqual({ ok: false, error: { type: 'bad-request' } });
    expect(sentMessages).toEqual([]);
  });

  it('hands the message to the browser before anything is awaited', () => {
    const sentMessages: unknown[] = [];
    const send = createMessageSender((message) => { sentMessages.push(message); return new Promise(() => undefined); });
    void send(CAPTURE_ACTIVE_TAB_MESSAGE, {});
    expect(sentMessages).toEqual([{ type: CAPTURE_ACTIVE_TAB_MESSAGE }]);
  });
});

