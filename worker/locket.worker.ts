import { deriveAuditKeys } from '../core/audit/hash';
import * as Comlink from 'comlink';
import * as v from 'valibot';
import { systemClock } from '../core/clock';
import { createBroadcastBus } from '../core/db/broadcast-bus';
import { LOCKET_DB_NAME } from '../core/db/db-name';
import { openStoreDeps } from '../core/store/open-store';
import { createAesGcmCodec } from '../core/vault/aes-codec';
import { deferWorkerApi } from './deferred-api';
import { createOpenWorkerApi } from './open-worker-api';

const AccountKeySchema = v.pipe(v.instance(Uint8Array), v.length(32, 'The account key must be 32 bytes.'));

// One bus for both: it delivers the store's own announcements locally too, so the index
// also sees what this worker writes (insertMany).
const bus = createBroadcastBus();
const { promise: accountKey, resolve: receiveKey } = Promise.withResolvers<Uint8Array<ArrayBuffer>>();

const api = accountKey.then(async (key) => openStoreDeps({
  factory: indexedDB, name: LOCKET_DB_NAME, codec: createAesGcmCodec(key), clock: systemClock, bus, author: 'owner',
  auditKeys: await deriveAuditKeys(key),
})).then((storeDeps) => createOpenWorkerApi(storeDeps, bus));

Comlink.expose(deferWorkerApi(api, async (key) => {
  receiveKey(new Uint8Array(v.parse(AccountKeySchema, key)));
}));
