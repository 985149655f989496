/**
 * Last contacted of one record read through the clear `byLink` index (`store.linkedTo`), with
 * the same answer as the full pass (core/timeline/last-contacted.ts): a contact counts for the
 * record it is on and for up to two links above it (case or opportunity → its party, person →
 * their organisation). So walking down from the record: what links to it, then what links to
 * the people, cases and opportunities under it, then to the cases and opportunities under those
 * people. A record that links to it for another reason (a note, a task) is no step down.
 */
import type { LocketRecord, RecordId } from '../core/records/types';
import type { LocketStore } from '../core/store/contract';
import { contactMomentOf } from '../core/timeline/last-contacted';

/** The records one link below `id`: its people, and the cases and opportunities it is party to. */
const below = (id: RecordId, linked: readonly LocketRecord[]): LocketRecord[] => linked.filter((record) =>
  (record.kind === 'person' && record.fields.organisationId === id)
  || ((record.kind === 'case' || record.kind === 'opportunity') && record.fields.partyId === id));

/** The latest contact with any of `ids` among their linked records; null when none. */
const latestOn = (ids: ReadonlySet<RecordId>, linked: readonly LocketRecord[]): number | null => {
  let latest: number | null = null;
  for (const record of linked) {
    const contact = contactMomentOf(record);
    if (contact && ids.has(contact.with) && (latest === null || contact.at > latest)) latest = contact.at;
  }
  return latest;
};

const later = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

export const lastContactedThroughLinks = async (store: Pick<LocketStore, 'linkedTo'>, id: RecordId): Promise<number | null> => {
  let latest: number | null = null;
  let level = [id];
  // The record itself, then up to two links down: the full pass walks each contact up at most two.
  for (let depth = 0; depth <= 2 && level.length > 0; depth++) {
    const next: RecordId[] = [];
    for (const at of level) {
      const linked = await store.linkedTo(at);
      latest = later(latest, latestOn(new Set([at]), linked));
      if (depth < 2) next.push(...below(at, linked).map((record) => record.id));
    }
    level = next;
  }
  return latest;
};
