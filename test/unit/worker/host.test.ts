import * as Comlink from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../../../core/clock';
import { createActivityMarker } from '../../../core/security/auto-lock';
import { createWorkerClient } from '../../../worker/client';
import {
  archiveContract, isCancelled, locketContract, type ExportedFile, type LocketWorkerApi, type OpenWorkerImplementation,
} from '../../../worker/contract';
import { hostContract } from '../../../worker/host';
import { createOpenWorkerApi } from '../../../worker/implementation';
import { sweepContract } from '../../../worker/sweep-contract';
import { createTestAccount, saved, titles, type TestAccount } from './harness';

let account: TestAccount;
let channel: MessageChannel;
afterEach(() => {
  channel.port1.close();
  channel.port2.close();
  account.closeAll();
});

/** The worker's side exposed on one port, the page's proxy on the other, as in the browser. */
const connect = (ready: Promise<OpenWorkerImplementation>): Comlink.Remote<LocketWorkerApi> => {
  channel = new MessageChannel();
  Comlink.expose(hostContract(locketContract, { immediate: { open: async () => undefined }, ready }), channel.port1);
  return Comlink.wrap<LocketWorkerApi>(channel.port2);
};

const openImplementation = async (): Promise<OpenWorkerImplementation> => {
  const { deps, bus } = await account.open();
  return createOpenWorkerApi(deps, bus);
};

/** Whether `promise` has settled once the channel has had time to answer. */
const settledSoon = async (promise: Promise<unknown>): Promise<boolean> => {
  let settled = false;
  void promise.then(() => { settled = true; }, () => { settled = true; });
  await new Promise((resolve) => setTimeout(resolve, 50));
  return settled;
};

describe('worker host', () => {
  it('refuses arguments that fail their schemas with a typed error, and does nothing', async () => {
    account = createTestAccount();
    const implementation = await openImplementation();
    const remote = connect(Promise.resolve(implementation));
    // What a page could send if it ignored the types.
    const send = (name: keyof LocketWorkerApi, ...args: unknown[]): Promise<unknown> =>
      Reflect.apply(remote[name], remote, args) as Promise<unknown>;

    await expect(send('createBackup', 42, Comlink.proxy(() => undefined)))
      .rejects.toMatchObject({ name: 'WorkerInputRefused', message: 'Choose a password for the backup.' });
    await expect(send('restoreSnapshot', '', Comlink.proxy(() => undefined))).rejects.toMatchObject({ name: 'WorkerInputRefused' });
    await expect(send('restoreBackup', 'not bytes', 'password', Comlink.proxy(() => undefined))).rejects.toMatchObject({ name: 'WorkerInputRefused' });
    await expect(send('exportCsv', ['contacts'], { bom: false, zip: false }, 'not a callback')).rejects.toMatchObject({ name: 'WorkerInputRefused' });
    await expect(send('search', 'ann', { limit: 0 }, 'one too many')).rejects.toMatchObject({ name: 'WorkerInputRefused' });

    // A restore takes a safety snapshot first and a backup logs itself: neither happened.
    expect(await remote.listSnapshots()).toEqual([]);
    const { store } = await account.open();
    expect(await store.audit.entries()).toEqual([]);
  });

  it('refuses a malformed call at once, even before the store is open', async () => {
    account = createTestAccount();
    const remote = connect(new Promise<OpenWorkerImplementation>(() => undefined));
    await expect(Reflect.apply(remote.search, remote, [42])).rejects.toMatchObject({ name: 'WorkerInputRefused' });
  });

  it('holds calls made before unlock and answers them once the store is open', async () => {
    account = createTestAccount();
    const seed = (await account.open()).store;
    saved(await seed.create('person', { firstName: 'Annabel', lastName: 'Lee' }));
    let unlock: (implementation: OpenWorkerImplementation) => void = () => undefined;
    const remote = connect(new Promise((resolve) => { unlock = resolve; }));

    const indexed = remote.whenIndexed();
    const snapshots = remote.listSnapshots();
    expect(await settledSoon(indexed)).toBe(false);
    expect(await settledSoon(snapshots)).toBe(false);

    unlock(await openImplementation());
    expect(await indexed).toMatchObject({ state: 'ready', indexed: 1 });
    expect(await snapshots).toEqual([]);
    expect(titles(await remote.search('ann'))).toEqual(['Annabel Lee']);
  });

  it('moves an export’s bytes to the page instead of copying them', async () => {
    account = createTestAccount();
    const seed = (await account.open()).store;
    saved(await seed.create('person', { firstName: 'Ada', lastName: 'Lovelace' }));
    const implementation = await openImplementation();
    const leftInWorker: { file: ExportedFile | null } = { file: null };
    const remote = connect(Promise.resolve({
      ...implementation,
      exportCsv: async (...args) => {
        const file = await implementation.exportCsv(...args);
        if (!isCancelled(file)) leftInWorker.file = file;
        return file;
      },
    }));

    const received = await remote.exportCsv(['contacts'], { bom: false, zip: false }, Comlink.proxy(() => undefined));
    if (isCancelled(received)) throw new Error('The export should have finished.');
    expect(new TextDecoder().decode(received.bytes)).toContain('Lovelace');
    // Transferred: the worker's buffer is detached, not a second copy.
    expect(leftInWorker.file).not.toBeNull();
    expect(leftInWorker.file?.bytes.byteLength).toBe(0);
  });
});

describe('sweep worker host', () => {
  it('refuses a request with a short key before any sweep starts', async () => {
    account = createTestAccount();
    channel = new MessageChannel();
    const started: string[] = [];
    Comlink.expose(hostContract(sweepContract, {
      immediate: { sweep: async ({ trigger }) => { started.push(trigger); return null; } },
      ready: Promise.resolve({}),
    }), channel.port1);
    const remote = Comlink.wrap<{ sweep: (request: unknown) => Promise<unknown> }>(channel.port2);

    await expect(remote.sweep({ trigger: 'alarm', accountKey: new Uint8Array(16) }))
      .rejects.toMatchObject({ name: 'WorkerInputRefused', message: 'The account key must be 32 bytes.' });
    await expect(remote.sweep({ trigger: 'alarm', accountKey: null, extra: 1 })).rejects.toMatchObject({ name: 'WorkerInputRefused' });
    expect(started).toEqual([]);
    expect(await remote.sweep({ trigger: 'alarm', accountKey: null })).toBeNull();
    expect(started).toEqual(['alarm']);
  });
});

describe('worker client', () => {
  it('moves a backup file to the worker, and passes progress back as activity', async () => {
    account = createTestAccount();
    channel = new MessageChannel();
    const arrived: number[] = [];
    Comlink.expose(hostContract({ restoreBackup: archiveContract.restoreBackup }, {
      immediate: {},
      ready: Promise.resolve({
        restoreBackup: async (bytes, _password, report) => {
          arrived.push(bytes.byteLength);
          report(1, 2);
          return { ok: false, error: { type: 'backup-wrong-password' } };
        },
      }),
    }), channel.port1);
    const remote = Comlink.wrap<LocketWorkerApi>(channel.port2);
    const marks: number[] = [];
    const clock = createManualClock(1_000);
    const client = createWorkerClient(archiveContract, () => remote, createActivityMarker(clock, async (at) => { marks.push(at); }));

    const file = new Uint8Array(4096).fill(9);
    const progress: [number, number][] = [];
    const outcome = await client.restoreBackup(file, 'password', (done, total) => { progress.push([done, total]); });

    expect(outcome).toEqual({ ok: false, error: { type: 'backup-wrong-password' } });
    expect(arrived).toEqual([4096]);
    expect(file.byteLength).toBe(0);
    // Progress crosses on a channel of its own, so it may land just after the answer.
    await vi.waitFor(() => expect(progress).toEqual([[1, 2]]), { timeout: 2000, interval: 10 });
    expect(marks.length).toBeGreaterThan(0);
  });
});
