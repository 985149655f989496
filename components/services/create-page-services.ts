import { browser } from 'wxt/browser';
import { plainCodec } from '../../core/codec';
import { systemClock } from '../../core/clock';
import { createBroadcastBus } from '../../core/store/broadcast-bus';
import { LOCKET_DB_NAME } from '../../core/store/db-name';
import { openStore } from '../../core/store/open-store';
import { connectWorker } from '../../worker/client';
import { onOpenRequest, requestOpen } from './open-requests';
import type { LocketServices } from './services';

/** The services an extension page gives its top-level element. */
export const createPageServices = async (): Promise<LocketServices> => {
  const bus = createBroadcastBus();
  const [store, window] = await Promise.all([
    openStore({ factory: indexedDB, name: LOCKET_DB_NAME, codec: plainCodec, clock: systemClock, bus, author: 'owner' }),
    browser.windows.getCurrent(),
  ]);
  const worker = connectWorker();
  return {
    store,
    search: (query, options) => worker.search(query, options),
    changes: bus,
    clock: systemClock,
    openSidePanel: async (recordId) => {
      // Opening must happen inside the click's user gesture, so it goes first. Both are awaited
      // together so that a refusal to open is never left unhandled while the request is stored.
      const opening = window.id === undefined ? Promise.resolve() : browser.sidePanel.open({ windowId: window.id });
      await Promise.all([opening, recordId ? requestOpen(recordId) : undefined]);
    },
    onOpenRequest,
  };
};
