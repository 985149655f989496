/** One timeline entry in words: what happened, and for a field change who changed what, and when. */
import type { TimelineEntry } from '../../core/timeline/timeline';
import { deviceWriter, type NameDirectory } from '../../core/team/name-directory';
import { byWriter } from '../shared/messages/attribution-words';
import { choiceLabel, FIELD_WORDS, type FieldLabelKey } from '../shared/messages/record-words';
import { TIMELINE_WORDS } from '../shared/messages/timeline-words';
import { formatDate, formatNumber } from '../shared/i18n/format';

/** A field's name as its form labels it; a field without a label keeps its stored name. */
const FIELD_LABEL_KEYS: Readonly<Record<string, FieldLabelKey>> = {
  firstName: 'firstName', lastName: 'lastName', jobTitle: 'jobTitle', organisationId: 'organisation',
  emails: 'emails', phones: 'phones', websites: 'websites', addresses: 'addresses', tags: 'tags', customFields: 'customFields',
  consent: 'consentBasis', name: 'name', domain: 'domain', status: 'status', description: 'description', partyId: 'party',
  value: 'value', currency: 'currency', milestone: 'milestone', probability: 'probabilityShown', expectedCloseDate: 'expectedClose',
  lostReason: 'lostReason',
  cadenceDays: 'cadenceDays', owner: 'name',
};

export const fieldLabel = (field: string): string => {
  const key = FIELD_LABEL_KEYS[field];
  return key && field !== 'owner' ? FIELD_WORDS.labels[key] : field;
};

/** A stored value as text: codes by their label, lists joined, a link by the title `titleOf` knows. */
export const valueText = (value: unknown, titleOf: (id: string) => string | undefined): string => {
  if (value === null || value === undefined || value === '') return TIMELINE_WORDS.none;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return titleOf(value) ?? choiceLabel(value);
  if (Array.isArray(value)) return value.length === 0 ? TIMELINE_WORDS.none : value.map((item) => valueText(item, titleOf)).join(', ');
  if (typeof value === 'object' && 'basis' in value && typeof value.basis === 'string') return choiceLabel(value.basis);
  if (typeof value === 'object' && 'name' in value && 'value' in value) return `${String(value.name)}: ${String(value.value)}`;
  return TIMELINE_WORDS.none;
};

const shortDate = (at: number): string => formatDate(at, { day: 'numeric', month: 'short' });

/** "Stage: Proposal → Won, by you, 3 Dec". Outside a team every write is yours. */
export const fieldChangeText = (
  entry: Extract<TimelineEntry, { type: 'field-change' }>, directory: NameDirectory | null, titleOf: (id: string) => string | undefined,
): string => {
  const who = directory ? byWriter(deviceWriter(directory, entry.deviceId)) : TIMELINE_WORDS.byYou;
  return TIMELINE_WORDS.fieldChange(fieldLabel(entry.field), valueText(entry.before, titleOf), valueText(entry.after, titleOf), who, shortDate(entry.at));
};
