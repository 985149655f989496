import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { RecordId } from '../../core/records/types';

/**
 * "Show this record in the side panel", passed through session storage because the side
 * panel may not be open yet when the popup asks. Requests older than a few seconds are
 * stale (the panel opened later by hand should not jump).
 */
const KEY = 'locket:open-request';
const FRESH_MS = 10_000;
const OpenRequest = v.object({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)), at: v.number() });

export const requestOpen = (id: RecordId): Promise<void> =>
  browser.storage.session.set({ [KEY]: { id, at: Date.now() } });

export const onOpenRequest = (listener: (id: RecordId) => void): (() => void) => {
  const deliver = (value: unknown) => {
    const parsed = v.safeParse(OpenRequest, value);
    if (parsed.success && Date.now() - parsed.output.at < FRESH_MS) listener(parsed.output.id);
  };
  void browser.storage.session.get(KEY).then((items) => {
    deliver(items[KEY]);
    return browser.storage.session.remove(KEY);
  });
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && KEY in changes) deliver(changes[KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
};
