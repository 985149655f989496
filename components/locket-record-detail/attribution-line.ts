import type { RecordAttribution } from '../../core/db/attribution';
import { deviceWriter, type NameDirectory } from '../../core/team/name-directory';
import { ATTRIBUTION_WORDS as W, byWriter } from '../shared/messages/attribution-words';
import { formatDate } from '../shared/i18n/format';

/**
 * "Created by Grace Hopper on 3 Dec 2026 · last changed by Ada Lovelace on 5 Dec 2026", or ''
 * when there is nothing to say: outside a team (no directory) the record shows what it always did.
 */
export const attributionLine = (attribution: RecordAttribution | undefined, directory: NameDirectory | null): string => {
  if (!attribution || !directory) return '';
  const who = (device: string): string => byWriter(deviceWriter(directory, device));
  const { created, changed } = attribution;
  if (!created) return changed ? W.onlyChanged(who(changed.by), formatDate(changed.at)) : '';
  const first = W.created(who(created.by), formatDate(created.at));
  return changed ? `${first}${W.separator}${W.changed(who(changed.by), formatDate(changed.at))}` : first;
};
