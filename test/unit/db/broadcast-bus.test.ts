import { afterEach, describe, expect, it } from 'vitest';
import { createBroadcastBus } from '../../../core/db/broadcast-bus';
import type { ChangeBus, StoreChange } from '../../../core/db/change-bus';

const open: { close: () => void }[] = [];
afterEach(() => { for (const closable of open.splice(0)) closable.close(); });

let channelCount = 0;
const uniqueChannel = () => `locket-test-${process.pid}-${channelCount++}`;

const bus = (name: string): ChangeBus => {
  const created = createBroadcastBus(name);
  open.push(created);
  return created;
};

const nextChange = (on: ChangeBus): Promise<StoreChange> =>
  new Promise((resolve) => { const stop = on.subscribe((change) => { stop(); resolve(change); }); });

const change: StoreChange = { ids: ['0190a6c2-0000-7000-8000-000000000001'], kinds: ['person'], settings: false };

describe('broadcast bus', () => {
  it('delivers a change to another bus on the same channel and to its own subscribers', async () => {
    const name = uniqueChannel();
    const sender = bus(name);
    const receiver = bus(name);
    const remote = nextChange(receiver);
    const local = nextChange(sender);

    sender.publish(change);

    expect(await remote).toEqual(change);
    expect(await local).toEqual(change);
  });

  it('says across the channel that ids were purged for good', async () => {
    const name = uniqueChannel();
    const sender = bus(name);
    const remote = nextChange(bus(name));

    sender.publish({ ids: change.ids, kinds: [], settings: false, purged: true });

    expect(await remote).toEqual({ ids: change.ids, kinds: [], settings: false, purged: true });
  });

  it('drops malformed messages and delivers the next valid one', async () => {
    const name = uniqueChannel();
    const receiver = bus(name);
    const received: StoreChange[] = [];
    receiver.subscribe((c) => received.push(c));
    const raw = new BroadcastChannel(name);
    open.push(raw);

    const valid = nextChange(receiver);
    raw.postMessage({ ids: 'not-a-list', kinds: ['person'], settings: false });
    raw.postMessage({ ids: [], kinds: ['spaceship'], settings: false });
    raw.postMessage('refresh everything');
    raw.postMessage({ ...change, extra: '<script>' });
    raw.postMessage(change);

    expect(await valid).toEqual(change);
    expect(received).toEqual([change]);
  });

  it('stops delivering after unsubscribe and after close', async () => {
    const name = uniqueChannel();
    const sender = bus(name);
    const receiver = bus(name);
    const received: StoreChange[] = [];
    const stop = receiver.subscribe((c) => received.push(c));
    const probe = bus(name);

    stop();
    const probed = nextChange(probe);
    sender.publish(change);
    await probed;
    expect(received).toEqual([]);

    sender.close();
    expect(() => sender.publish(change)).not.toThrow();
  });
});
