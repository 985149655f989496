import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import type { LocketStore } from '../../core/store/contract';
import type { Schedule } from '../shared/settled-runner';
import { DUPLICATES_SETTLE_MS } from './locket-duplicates.component';
import './locket-duplicates';

/** A timer the test fires by hand: only the newest waiting run is kept, as a cancelled timer would. */
const manualTimer = () => {
  const waiting: { run: () => void; delayMs: number }[] = [];
  const schedule: Schedule = (run, delayMs) => {
    const entry = { run, delayMs };
    waiting.push(entry);
    return () => { waiting.splice(waiting.indexOf(entry), 1); };
  };
  return { schedule, waiting, fire: () => { for (const entry of waiting.splice(0)) entry.run(); } };
};

/** Lets the bus hand the store's changes to the element. */
const changesDelivered = () => new Promise<void>((resolve) => { setTimeout(resolve, 0); });

const created = async (store: LocketStore, input: Record<string, unknown>) => {
  const result = await store.create('person', input);
  if (!result.ok) throw new Error('test person refused');
  return result.value;
};

describe('locket-duplicates', () => {
  it('lists a likely pair with its reason, and asks the workspace to compare it, older record first', async () => {
    const { services, store } = await createTestServices();
    const anna = await created(store, { firstName: 'Anna', lastName: 'Schmidt', emails: ['anna@example.com'] });
    const twin = await created(store, { firstName: 'Anna', lastName: 'Schmitt', emails: ['ANNA@example.com'] });
    await created(store, { firstName: 'Bob', lastName: 'Baker' });
    const compared = listen('locket-compare');
    await mount('locket-duplicates', { services, kind: 'person' });

    const pairs = page.getByRole('list', { name: 'Possible duplicate pairs' });
    await expect.element(pairs).toHaveTextContent('Anna Schmidt · Anna Schmitt');
    await expect.element(pairs).toHaveTextContent('Same email address');
    await expect.element(pairs).not.toHaveTextContent('Bob Baker');

    await userEvent.click(page.getByRole('button', { name: 'Compare and merge Anna Schmidt and Anna Schmitt' }));
    expect(compared.details).toEqual([{ ids: [anna.id, twin.id] }]);
  });

  it('forgets a pair marked "Not duplicates", also the next time it looks', async () => {
    const { services, store } = await createTestServices();
    await created(store, { firstName: 'Jo', lastName: 'Lee' });
    await created(store, { firstName: 'Jo', lastName: 'Lee' });
    await mount('locket-duplicates', { services, kind: 'person' });
    await userEvent.click(page.getByRole('button', { name: 'Jo Lee and Jo Lee are not duplicates' }));

    await expect.element(page.getByRole('status')).toHaveTextContent('No likely duplicates among people.');
    expect(await services.duplicates.duplicatePairs('person')).toEqual([]);
  });

  it('says when the pairs could not be read', async () => {
    const { services } = await createTestServices({
      services: { duplicates: { duplicatePairs: async () => { throw new Error('the worker stopped'); } } },
    });
    await mount('locket-duplicates', { services, kind: 'organisation' });
    await expect.element(page.getByRole('alert')).toHaveTextContent('The duplicates could not be read');
  });

  it('reads the pairs again once, a second after a burst of changes to people, and not for a note', async () => {
    const { services, store } = await createTestServices();
    const real = services.duplicates.duplicatePairs;
    let reads = 0;
    const counted = { ...services, duplicates: { duplicatePairs: (kind: 'person' | 'organisation') => { reads++; return real(kind); } } };
    const timer = manualTimer();
    const bob = await created(store, { firstName: 'Bob', lastName: 'Baker' });
    await mount('locket-duplicates', { services: counted, kind: 'person', schedule: timer.schedule });
    await expect.element(page.getByRole('status')).toHaveTextContent('No likely duplicates among people.');
    expect(reads).toBe(1);

    await store.create('note', { body: 'Called', recordId: bob.id });
    await changesDelivered();
    expect(timer.waiting).toEqual([]);

    await created(store, { firstName: 'Jo', lastName: 'Lee' });
    await created(store, { firstName: 'Jo', lastName: 'Lee' });
    await changesDelivered();
    expect(timer.waiting.map((entry) => entry.delayMs)).toEqual([DUPLICATES_SETTLE_MS]);
    expect(reads).toBe(1);

    timer.fire();
    await expect.element(page.getByRole('list', { name: 'Possible duplicate pairs' })).toHaveTextContent('Jo Lee · Jo Lee');
    expect(reads).toBe(2);
  });

  it('does not start a second read while one runs, and reads once more after it for a change made meanwhile', async () => {
    const { services, store } = await createTestServices();
    const real = services.duplicates.duplicatePairs;
    let reads = 0;
    let release: () => void = () => undefined;
    let held = false;
    const slow = { ...services, duplicates: { duplicatePairs: async (kind: 'person' | 'organisation') => {
      reads++;
      if (held) await new Promise<void>((resolve) => { release = resolve; });
      return real(kind);
    } } };
    const timer = manualTimer();
    await mount('locket-duplicates', { services: slow, kind: 'person', schedule: timer.schedule });
    expect(reads).toBe(1);

    held = true;
    await created(store, { firstName: 'Jo', lastName: 'Lee' });
    await changesDelivered();
    timer.fire();
    await expect.poll(() => reads).toBe(2);
    held = false;
    await created(store, { firstName: 'Jo', lastName: 'Lee' });
    await changesDelivered();
    timer.fire();
    await changesDelivered();
    expect(reads).toBe(2);

    release();
    await expect.element(page.getByRole('list', { name: 'Possible duplicate pairs' })).toHaveTextContent('Jo Lee · Jo Lee');
    expect(reads).toBe(3);
  });
});
