import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { plainCodec } from '../../../core/codec';
import { systemClock } from '../../../core/clock';
import { openStore } from '../../../core/store/open-store';
import { createRecordingBus } from './harness';

const store = await openStore({ factory: new IDBFactory(), name: 'p', codec: plainCodec, clock: systemClock, bus: createRecordingBus(), author: 'x' });
const n = Number(process.argv[2] ?? 5000);
const inputs = Array.from({ length: n }, (_, i) => ({ firstName: `P${i}`, lastName: 'X' }));
await store.insertMany('person', inputs);
for (const off of [10, 100, 1000, n - 10]) {
  const t = performance.now();
  try { const p = await store.page('person', off, 5); console.log('page', off, p.length, Math.round(performance.now() - t)); }
  catch (e) { console.log('err', off, e); }
}
