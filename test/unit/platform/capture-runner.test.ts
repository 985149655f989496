import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../core/clock';
import type { PendingCapture } from '../../../core/quick-capture/pending';
import { isOwnExtensionContext } from '../../../platform/messages/senders';
import { CAPTURE_TIMEOUT_MS, createCaptureRunner, type InjectionAnswer } from '../../../platform/capture/capture-runner';
import type { CaptureOutcome } from '../../../platform/capture/capture-messages';
import { captureFailureText } from '../../../components/shared/messages/capture-failure-messages';
import { captureFixture } from '../capture/pages';

const NOW = Date.UTC(2025, 2, 7, 10, 0);

/** Countdowns that run out only when the test says so. */
const createManualTimers = () => {
  const running = new Map<number, { readonly ms: number; readonly onDone: () => void }>();
  let next = 0;
  return {
    start: (ms: number, onDone: () => void): (() => void) => {
      const id = next++;
      running.set(id, { ms, onDone });
      return () => { running.delete(id); };
    },
    running: () => [...running.values()].map((timer) => timer.ms),
    runOut: () => { for (const [id, timer] of running) { running.delete(id); timer.onDone(); } },
  };
};

/** An outcome as the owner reads it, in the words of the capture table. */
const worded = (outcome: CaptureOutcome) => (outcome.ok ? outcome : { ok: false, reason: captureFailureText(outcome.reason) });

const setUp = (inject: (tabId: number) => Promise<readonly InjectionAnswer[]>) => {
  const events: string[] = [];
  const saved: PendingCapture[] = [];
  const failures: string[] = [];
  const timers = createManualTimers();
  const runner = createCaptureRunner({
    inject: async (tabId) => { events.push(`inject ${tabId}`); return inject(tabId); },
    openSidePanel: async (windowId) => { events.push(`open panel ${windowId}`); },
    savePending: async (pending) => { saved.push(pending); },
    saveFailure: async (reason) => { failures.push(captureFailureText(reason)); },
    newId: () => 'capture-1',
    clock: createManualClock(NOW),
    startTimer: timers.start,
    log: () => undefined,
  });
  return { runner, events, saved, failures, timers };
};

const person = captureFixture('json-ld-person.html');

describe('capturing on a gesture in a tab', () => {
  it('opens the side panel before anything is awaited, while the gesture lasts', () => {
    const { runner, events } = setUp(async () => [{ frameId: 0, result: person }]);
    void runner.fromGesture({ tabId: 7, windowId: 3 });
    // Checked synchronously: by the first await the browser no longer counts the gesture.
    expect(events[0]).toBe('open panel 3');
  });

  it('leaves the validated capture of the top frame for the side panel', async () => {
    const { runner, saved, failures } = setUp(async () => [{ frameId: 0, result: structuredClone(person) }]);
    expect(await runner.fromGesture({ tabId: 7, windowId: 3, linkUrl: 'mailto:ada.okafor@northwind.example' })).toEqual({ ok: true });
    expect(saved).toEqual([{ id: 'capture-1', requestedAt: NOW, capture: person, linkUrl: 'mailto:ada.okafor@northwind.example' }]);
    expect(failures).toEqual([]);
  });

  it('keeps nothing when the answer is not what the extractor produces', async () => {
    const forged = { ...person, people: [{ ...person.people[0], name: 'x'.repeat(5_000) }] };
    const { runner, saved, failures } = setUp(async () => [{ frameId: 0, result: forged }]);
    const outcome = await runner.fromGesture({ tabId: 7, windowId: 3 });
    expect(outcome.ok).toBe(false);
    expect(saved).toEqual([]);
    expect(failures).toHaveLength(1);
  });

  it('ignores answers from any frame but the top one', async () => {
    const { runner, saved } = setUp(async () => [{ frameId: 4, result: person }]);
    expect((await runner.fromGesture({ tabId: 7, windowId: 3 })).ok).toBe(false);
    expect(saved).toEqual([]);
  });

  it('explains a page the browser would not let it read, and keeps that for the panel', async () => {
    const { runner, failures } = setUp(async () => {
      throw new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
    });
    const outcome = await runner.fromGesture({ tabId: 7, windowId: 3 });
    expect(worded(outcome)).toEqual({ ok: false, reason: failures[0] });
    expect(failures[0]).toMatch(/cannot read this page/);
  });

  it('drops a captured link that is not a web, mail or phone address', async () => {
    const { runner, saved } = setUp(async () => [{ frameId: 0, result: person }]);
    await runner.fromGesture({ tabId: 7, windowId: 3, linkUrl: 'javascript:alert(1)' });
    expect(saved[0]?.linkUrl).toBe('');
  });

  it('captures the tab the popup names without opening the panel itself', async () => {
    const { runner, events, saved } = setUp(async () => [{ frameId: 0, result: person }]);
    expect(await runner.captureTab(12)).toEqual({ ok: true });
    expect(events).toEqual(['inject 12']);
    expect(saved).toHaveLength(1);
  });
});

describe('a page that takes too long', () => {
  const settle = (): Promise<void> => new Promise((resolve) => { setImmediate(resolve); });

  it('gives up after about ten seconds with a clear message, and keeps that for the panel', async () => {
    let answer: (answers: readonly InjectionAnswer[]) => void = () => undefined;
    const { runner, saved, failures, timers } = setUp(() => new Promise((resolve) => { answer = resolve; }));
    const outcome = runner.fromGesture({ tabId: 7, windowId: 3 });
    await settle();
    expect(timers.running()).toEqual([CAPTURE_TIMEOUT_MS]);
    expect(CAPTURE_TIMEOUT_MS).toBeGreaterThanOrEqual(9_000);
    expect(CAPTURE_TIMEOUT_MS).toBeLessThanOrEqual(11_000);
    timers.runOut();
    const reason = 'Locket gave up reading this page after 10 seconds, so nothing was captured. The page may still be loading or busy; try again in a moment.';
    expect(worded(await outcome)).toEqual({ ok: false, reason });
    expect(failures).toEqual([reason]);

    // The page answering afterwards changes nothing: the user was already told.
    answer([{ frameId: 0, result: person }]);
    await settle();
    expect(saved).toEqual([]);
    expect(failures).toEqual([reason]);
  });

  it('stops the countdown once the page answers in time', async () => {
    const { runner, saved, failures, timers } = setUp(async () => [{ frameId: 0, result: person }]);
    expect(await runner.captureTab(7)).toEqual({ ok: true });
    expect(timers.running()).toEqual([]);
    expect(saved).toHaveLength(1);
    expect(failures).toEqual([]);
  });

  it('stops the countdown when the browser refuses the page', async () => {
    const { runner, timers } = setUp(async () => { throw new Error('Cannot access a chrome:// URL'); });
    expect((await runner.captureTab(7)).ok).toBe(false);
    expect(timers.running()).toEqual([]);
  });
});

describe('who may ask for a capture', () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';
  const origin = `chrome-extension://${id}`;

  it('is Locket’s own pages', () => {
    expect(isOwnExtensionContext({ id, origin, url: `${origin}/popup.html` }, id, origin)).toBe(true);
    expect(isOwnExtensionContext({ id, url: `${origin}/popup.html` }, id, origin)).toBe(true);
  });

  it('is never a content script or another extension', () => {
    expect(isOwnExtensionContext({ id, origin: 'https://evil.example', url: 'https://evil.example/' }, id, origin)).toBe(false);
    expect(isOwnExtensionContext({ id: 'other', origin: 'chrome-extension://other' }, id, origin)).toBe(false);
    expect(isOwnExtensionContext({ id, url: `${origin}.evil.example/` }, id, origin)).toBe(false);
  });
});
