import { afterEach, describe, expect, it } from 'vitest';
import { createPartAssembler, PART_IDS, splitChange, type ChangePart } from '../../../core/db/announcement-parts';
import { createBroadcastBus } from '../../../core/db/broadcast-bus';
import type { StoreChange } from '../../../core/db/change-bus';

const open: { close: () => void }[] = [];
afterEach(() => { for (const closable of open.splice(0)) closable.close(); });

let channelCount = 0;
const uniqueChannel = () => `locket-parts-test-${process.pid}-${channelCount++}`;
const partOf = (parts: readonly ChangePart[], at: number): ChangePart => {
  const part = parts[at];
  if (!part) throw new Error(`no part ${at}`);
  return part;
};
const idsOf = (count: number, prefix = 'r'): string[] => Array.from({ length: count }, (_, at) => `${prefix}-${String(at).padStart(6, '0')}`);

describe('a change naming many records', () => {
  it('crosses the channel in parts of at most 1000 ids, and arrives whole and once', async () => {
    const name = uniqueChannel();
    const sender = createBroadcastBus(name);
    const receiver = createBroadcastBus(name);
    const raw = new BroadcastChannel(name);
    open.push(sender, receiver, raw);
    const messages: { ids: string[] }[] = [];
    raw.addEventListener('message', (event: MessageEvent<{ ids: string[] }>) => { messages.push(event.data); });
    const received: StoreChange[] = [];
    const arrived = new Promise<void>((resolve) => receiver.subscribe((change) => { received.push(change); resolve(); }));
    const restored: StoreChange = { ids: idsOf(2500), kinds: ['person', 'case'], settings: true };

    sender.publish(restored);
    await arrived;
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(messages.map((message) => message.ids.length)).toEqual([1000, 1000, 500]);
    expect(received).toEqual([restored]);
  });

  it('still sends a small change as one message without parts', () => {
    const change: StoreChange = { ids: idsOf(PART_IDS), kinds: ['person'], settings: false };
    expect(splitChange(change, 'b')).toEqual([{ change }]);
  });

  it('drops a batch whose first part the receiver missed, and keeps two senders apart', () => {
    const assemble = createPartAssembler();
    const parts = splitChange({ ids: idsOf(2100, 'a'), kinds: ['person'], settings: false }, 'a');
    const [first, second, third] = [partOf(parts, 0), partOf(parts, 1), partOf(parts, 2)];
    const other = splitChange({ ids: idsOf(1500, 'b'), kinds: ['note'], settings: false, purged: true }, 'b');

    expect(assemble(second)).toBeNull();
    expect(assemble(third)).toBeNull();
    expect(assemble(first)).toBeNull();
    expect(assemble(partOf(other, 0))).toBeNull();
    expect(assemble(second)).toBeNull();
    expect(assemble(partOf(other, 1))).toEqual({ ids: idsOf(1500, 'b'), kinds: ['note'], settings: false, purged: true });
    expect(assemble(third)).toEqual({ ids: idsOf(2100, 'a'), kinds: ['person'], settings: false });
  });
});

describe('the ids a change names on the channel', () => {
  it('are refused when one is empty, too long or not a string, and the part with them is dropped', async () => {
    const name = uniqueChannel();
    const receiver = createBroadcastBus(name);
    const raw = new BroadcastChannel(name);
    open.push(receiver, raw);
    const received: StoreChange[] = [];
    receiver.subscribe((change) => received.push(change));
    const valid: StoreChange = { ids: ['x'.repeat(100)], kinds: ['person'], settings: false };
    const arrived = new Promise<void>((resolve) => receiver.subscribe(() => resolve()));

    raw.postMessage({ ids: [''], kinds: ['person'], settings: false });
    raw.postMessage({ ids: ['x'.repeat(101)], kinds: ['person'], settings: false });
    raw.postMessage({ ids: ['ok', 7], kinds: ['person'], settings: false });
    raw.postMessage(valid);
    await arrived;

    expect(received).toEqual([valid]);
  });
});
