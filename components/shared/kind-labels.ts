import type { RecordKind } from '../../core/records/types';
import { catalogue } from './i18n/catalogue';

type KindLabels = Readonly<Record<RecordKind, { readonly one: string; readonly many: string }>>;

/** The words the interface uses for each kind. */
export const KIND_LABELS = catalogue<KindLabels>({
  en: {
    person: { one: 'Person', many: 'People' },
    organisation: { one: 'Organisation', many: 'Organisations' },
    case: { one: 'Case', many: 'Cases' },
    opportunity: { one: 'Opportunity', many: 'Opportunities' },
    note: { one: 'Note', many: 'Notes' },
    task: { one: 'Task', many: 'Tasks' },
    activity: { one: 'Activity', many: 'Activities' },
  },
  de: {
    person: { one: 'Person', many: 'Personen' },
    organisation: { one: 'Organisation', many: 'Organisationen' },
    case: { one: 'Vorgang', many: 'Vorgänge' },
    opportunity: { one: 'Verkaufschance', many: 'Verkaufschancen' },
    note: { one: 'Notiz', many: 'Notizen' },
    task: { one: 'Aufgabe', many: 'Aufgaben' },
    activity: { one: 'Aktivität', many: 'Aktivitäten' },
  },
});
