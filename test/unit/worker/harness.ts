import { TEST_AUDIT_KEYS } from '../store/harness';
import { randomUUID } from 'node:crypto';
import { IDBFactory } from 'fake-indexeddb';
import { systemClock } from '../../../core/clock';
import { plainCodec } from '../../../core/codec';
import type { LocketRecord, RecordKind } from '../../../core/records/types';
import { createBroadcastBus } from '../../../core/db/broadcast-bus';
import type { ChangeBus } from '../../../core/db/change-bus';
import type { LocketStore } from '../../../core/store/contract';
import { openStoreDeps } from '../../../core/store/open-store';
import { createStore } from '../../../core/store/store';
import type { StoreDeps } from '../../../core/db/store-deps';
import { isCancelled, type Cancelled, type ExportedFile } from '../../../worker/contract';

/** One account's database and change channel, shared by every store a test opens on it. */
export interface TestAccount {
  /** Opens another store on the same database with its own bus, as another page would. */
  readonly open: () => Promise<{ readonly store: LocketStore; readonly bus: ChangeBus; readonly deps: StoreDeps }>;
  readonly closeAll: () => void;
}

export const createTestAccount = (): TestAccount => {
  const factory = new IDBFactory();
  const channel = `locket-test-${randomUUID()}`;
  const opened: { store: LocketStore; bus: ChangeBus }[] = [];
  return {
    open: async () => {
      const bus = createBroadcastBus(channel);
      const deps = await openStoreDeps({
        factory, name: 'locket-test', codec: plainCodec, clock: systemClock, bus, author: 'owner', auditKeys: TEST_AUDIT_KEYS,
      });
      const store = createStore(deps);
      opened.push({ store, bus });
      return { store, bus, deps };
    },
    closeAll: () => {
      for (const { store, bus } of opened) {
        store.close();
        bus.close();
      }
    },
  };
};

export const saved = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`Expected the save to succeed: ${JSON.stringify(result.error)}`);
  return result.value;
};

export const titles = (hits: readonly { readonly title: string }[]): string[] => hits.map((hit) => hit.title);

let counter = 0;
const meta = <K extends RecordKind>(kind: K) => {
  counter += 1;
  return { id: `rec-${String(counter).padStart(6, '0')}`, kind, createdAt: counter, updatedAt: counter, deletedAt: null };
};

/** Records built in memory, for index tests that need no store. */
export const aPerson = (
  firstName: string, lastName: string, more: Partial<LocketRecord<'person'>['fields']> = {},
): LocketRecord<'person'> => ({
  ...meta('person'),
  fields: {
    firstName, lastName, jobTitle: '', organisationId: null, emails: [], phones: [], websites: [],
    addresses: [], tags: [], customFields: [], consent: null, owner: 'owner', cadenceDays: null, ...more,
  },
});

export const anOrganisation = (
  name: string, more: Partial<LocketRecord<'organisation'>['fields']> = {},
): LocketRecord<'organisation'> => ({
  ...meta('organisation'),
  fields: {
    name, domain: '', emails: [], phones: [], websites: [], addresses: [], tags: [], customFields: [],
    owner: 'owner', ...more,
  },
});

export const aCase = (name: string): LocketRecord<'case'> => ({
  ...meta('case'),
  fields: { name, description: '', status: 'open', partyId: null, customFields: [], owner: 'owner' },
});

export const aNote = (body: string, recordId: string): LocketRecord<'note'> => ({
  ...meta('note'),
  fields: { body, recordId, sourceUrl: null, capturedAt: null },
});

/** The file of an export that was expected to finish; a cancelled one fails the test. */
export const finished = (result: ExportedFile | Cancelled): ExportedFile => {
  if (isCancelled(result)) throw new Error('Expected the export to finish, not to be cancelled.');
  return result;
};
