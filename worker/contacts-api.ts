/**
 * Last contacted and stay-in-touch in the worker. Last contacted of a few records (a list's rows
 * in view, one record's page) follows their clear links only (contacted-through-links.ts), so it
 * costs what links to them, not the whole profile. Follow-ups need every person with a cadence:
 * one pass over the live records in batches, then answers.
 */
import type { Clock } from '../core/clock';
import { subtitleOf, titleOf } from '../core/records/display';
import type { PersonRecord, RecordId } from '../core/records/types';
import type { LocketStore } from '../core/store/contract';
import { createLastContactedMap } from '../core/timeline/last-contacted';
import { lastContactedThroughLinks } from './contacted-through-links';
import { followUpsDue } from '../core/timeline/stay-in-touch';
import type { ImplementationOf } from './contracts/method';
import type { contactsContract, FollowUpView } from './contracts/contacts';

const READ_BATCH = 1000;

export type ContactsImplementation = ImplementationOf<typeof contactsContract>;

export const createContactsApi = ({ store, clock }: { readonly store: LocketStore; readonly clock: Clock }): ContactsImplementation => {
  const pass = async () => {
    const map = createLastContactedMap();
    const people: PersonRecord[] = [];
    await store.forEachBatch(READ_BATCH, (records) => {
      for (const record of records) {
        map.visit(record);
        if (record.kind === 'person' && record.fields.cadenceDays !== null) people.push(record);
      }
    });
    return { latest: map.result(), people };
  };

  return {
    lastContactedOf: async (ids) => {
      const answer: Record<RecordId, number> = {};
      for (const id of new Set(ids)) {
        const at = await lastContactedThroughLinks(store, id);
        if (at !== null) answer[id] = at;
      }
      return answer;
    },
    followUpsDue: async (zone) => {
      const { latest, people } = await pass();
      const byId = new Map(people.map((person) => [person.id, person]));
      return followUpsDue(people, latest, clock.now(), zone).flatMap((suggestion): FollowUpView[] => {
        const person = byId.get(suggestion.id);
        return person ? [{ ...suggestion, title: titleOf(person), subtitle: subtitleOf(person) }] : [];
      });
    },
  };
};
