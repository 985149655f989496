import * as Comlink from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { locketContract, type LocketWorkerApi } from '../../../worker/contract';
import { hostContract } from '../../../worker/host';
import { createOpenWorkerApi } from '../../../worker/implementation';
import { createTestAccount, saved, titles, type TestAccount } from './harness';

let account: TestAccount;
let channel: MessageChannel;
afterEach(() => {
  channel.port1.close();
  channel.port2.close();
  account.closeAll();
});

/** The worker's side exposed on one port, the page's proxy on the other, as in the browser. */
const connect = (api: LocketWorkerApi): Comlink.Remote<LocketWorkerApi> => {
  channel = new MessageChannel();
  Comlink.expose(api, channel.port1);
  return Comlink.wrap<LocketWorkerApi>(channel.port2);
};

describe('worker api over comlink', () => {
  it('answers calls made before its store has opened, and searches, inserts and reports across the channel', async () => {
    account = createTestAccount();
    const seed = (await account.open()).store;
    const annabel = saved(await seed.create('person', { firstName: 'Annabel', lastName: 'Lee', jobTitle: 'Buyer' }));

    let opened: Uint8Array | null = null;
    const remote = connect(hostContract(locketContract, {
      immediate: { open: async (key) => { opened = key; } },
      ready: account.open().then(({ deps, bus }) => createOpenWorkerApi(deps, bus)),
    }));
    await remote.open(new Uint8Array(32).fill(7));
    expect(opened).toEqual(new Uint8Array(32).fill(7));

    expect(await remote.whenIndexed()).toMatchObject({ state: 'ready', indexed: 1 });
    expect(await remote.search('ann')).toEqual([{ id: annabel.id, kind: 'person', title: 'Annabel Lee', subtitle: 'Buyer' }]);

    const report = await remote.insertMany('organisation', [{ name: 'Annex Holdings' }, { name: '' }]);
    expect(report).toMatchObject({ inserted: 1, invalid: [{ index: 1 }] });
    await vi.waitFor(async () => expect(titles(await remote.search('ann', { kinds: ['organisation'] }))).toEqual(['Annex Holdings']), {
      timeout: 2000, interval: 20,
    });

    await expect(remote.search('ann', { limit: 0 })).rejects.toThrow();
  });
});
