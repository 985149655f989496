import 'fake-indexeddb/auto';
import { openDB } from 'idb';
globalThis.indexedDB = new IDBFactory(); globalThis.IDBKeyRange = IDBKeyRange;
const ties = false; const dir = process.argv[2] ?? 'prev';
const db = await openDB('x', 1, { upgrade(db) { db.createObjectStore('r', { keyPath: 'id' }).createIndex('list', 'k'); } });
const N = 20000;
const tx = db.transaction('r', 'readwrite');
for (let i = 0; i < N; i++) tx.store.put({ id: String(i).padStart(8, '0'), k: ['person', ties ? Math.floor(i / 1000) : i] });
await tx.done;
for (const off of [100, 1000, 10000, N - 10]) {
  const t = performance.now();
  let c = await db.transaction('r').store.index('list').openCursor(IDBKeyRange.bound(['person', -Infinity], ['person', Infinity]), dir);
  c = await c.advance(off);
  console.log(dir, off, c?.value.id, Math.round(performance.now() - t));
}
