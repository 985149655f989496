import * as Comlink from 'comlink';
import { systemClock } from '../core/clock';
import { plainCodec } from '../core/codec';
import { createBroadcastBus } from '../core/store/broadcast-bus';
import { LOCKET_DB_NAME } from '../core/store/db-name';
import { openStore } from '../core/store/open-store';
import { deferWorkerApi } from './deferred-api';
import { createWorkerApi } from './worker-api';

// The index listens on its own channel instance: a BroadcastChannel never hears its own
// posts, and the index must also see the writes this worker's store makes (insertMany).
const storeBus = createBroadcastBus();
const indexBus = createBroadcastBus();

const api = openStore({
  factory: indexedDB,
  name: LOCKET_DB_NAME,
  codec: plainCodec,
  clock: systemClock,
  bus: storeBus,
  author: 'owner',
}).then((store) => createWorkerApi({ store, bus: indexBus }));

Comlink.expose(deferWorkerApi(api));
