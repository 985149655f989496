import * as v from 'valibot';
import { RECORD_KINDS } from '../records/types';
import type { ChangeBus, StoreChange } from './change-bus';

/** What another context claims changed. Anything else on the channel is dropped. */
const StoreChangeSchema = v.strictObject({
  ids: v.array(v.pipe(v.string(), v.nonEmpty(), v.maxLength(100))),
  kinds: v.array(v.picklist(RECORD_KINDS)),
  settings: v.boolean(),
  purged: v.optional(v.boolean()),
});

type Listener = (change: StoreChange) => void;

/**
 * A ChangeBus over BroadcastChannel (browsers, workers, Node ≥ 18). BroadcastChannel does not
 * echo to its sender, so publish also delivers to this instance's own subscribers.
 * Listeners run in their own microtask: one that throws neither stops the others nor fails
 * the write that published.
 */
export const createBroadcastBus = (channelName = 'locket-changes'): ChangeBus => {
  const channel = new BroadcastChannel(channelName);
  const listeners = new Set<Listener>();
  let closed = false;

  const deliver = (change: StoreChange): void => {
    for (const listener of [...listeners]) queueMicrotask(() => listener(change));
  };

  channel.addEventListener('message', (event: MessageEvent<unknown>) => {
    const claim = v.safeParse(StoreChangeSchema, event.data);
    if (claim.success) deliver(claim.output);
  });

  return {
    publish: (change) => {
      if (closed) return;
      channel.postMessage({
        ids: [...change.ids], kinds: [...change.kinds], settings: change.settings, ...(change.purged ? { purged: true } : {}),
      });
      deliver(change);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    close: () => {
      closed = true;
      listeners.clear();
      channel.close();
    },
  };
};
