import * as Comlink from 'comlink';
import { systemClock } from '../core/clock';
import { plainCodec } from '../core/codec';
import { createBroadcastBus } from '../core/store/broadcast-bus';
import { LOCKET_DB_NAME } from '../core/store/db-name';
import { openStore } from '../core/store/open-store';
import { deferWorkerApi } from './deferred-api';
import { createWorkerApi } from './worker-api';

// One bus for both: it delivers the store's own announcements locally too, so the index
// also sees what this worker writes (insertMany).
const bus = createBroadcastBus();

const api = openStore({
  factory: indexedDB,
  name: LOCKET_DB_NAME,
  codec: plainCodec,
  clock: systemClock,
  bus,
  author: 'owner',
}).then((store) => createWorkerApi({ store, bus }));

Comlink.expose(deferWorkerApi(api));
