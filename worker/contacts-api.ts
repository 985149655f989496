/**
 * Last contacted and stay-in-touch in the worker: one pass over the live records in batches
 * (conversations and done tasks may sit on a deal, counted for its party), then answers.
 * The filters of saved lists use lastContactedOf for many ids at once.
 */
import type { Clock } from '../core/clock';
import { subtitleOf, titleOf } from '../core/records/display';
import type { PersonRecord, RecordId } from '../core/records/types';
import type { LocketStore } from '../core/store/contract';
import { createLastContactedMap } from '../core/timeline/last-contacted';
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
      const { latest } = await pass();
      const answer: Record<RecordId, number> = {};
      for (const id of ids) {
        const at = latest.get(id);
        if (at !== undefined) answer[id] = at;
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
