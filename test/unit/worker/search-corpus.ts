/**
 * A fixed corpus for pinning what search returns: the bench's deterministic data set
 * (test/bench/seed-data.ts) as in-memory records with stable ids, links resolved, plus
 * a trashed record and a note that search must never return.
 */
import type { LocketRecord, RecordKind } from '../../../core/records/types';
import { generateDataset, planDataset } from '../../bench/seed-data';

export const CORPUS_SEED = 20240611;

const idOf = (kind: RecordKind, index: number): string => `${kind}-${String(index).padStart(6, '0')}`;

const meta = <K extends RecordKind>(kind: K, index: number, order: number) =>
  ({ id: idOf(kind, index), kind, createdAt: order, updatedAt: order, deletedAt: null });

const partyId = (party: { readonly kind: 'person' | 'organisation'; readonly index: number } | null): string | null =>
  (party === null ? null : idOf(party.kind, party.index));

/** `total` records across the four searchable kinds (10/60/15/15 %), then a trashed person and a note. */
export const searchCorpus = (total: number): LocketRecord[] => {
  const data = generateDataset(CORPUS_SEED, planDataset(total));
  let order = 0;
  const records: LocketRecord[] = [
    ...data.organisations.map((fields, i): LocketRecord => ({ ...meta('organisation', i, order += 1), fields })),
    ...data.people.map((person, i): LocketRecord => ({
      ...meta('person', i, order += 1),
      fields: { ...person.fields, organisationId: person.organisationIndex === null ? null : idOf('organisation', person.organisationIndex) },
    })),
    ...data.cases.map((item, i): LocketRecord => ({ ...meta('case', i, order += 1), fields: { ...item.fields, partyId: partyId(item.party) } })),
    ...data.opportunities.map((item, i): LocketRecord => ({
      ...meta('opportunity', i, order += 1), fields: { ...item.fields, partyId: partyId(item.party) },
    })),
  ];
  const first = data.people[0];
  if (first) {
    records.push({
      ...meta('person', total, order += 1), deletedAt: order,
      fields: { ...first.fields, organisationId: null },
    });
  }
  records.push({
    ...meta('note', 0, order += 1),
    fields: { body: `${first?.fields.lastName ?? 'Nobody'} called about the renewal`, recordId: idOf('person', 0), sourceUrl: null, capturedAt: null },
  });
  return records;
};
