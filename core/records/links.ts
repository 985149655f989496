import type { FieldsByKind, RecordId, RecordKind } from './types';

/** The ids a record points at; stored in the clear so the `byLink` index can answer "who links here". */
export const linksOf = <K extends RecordKind>(kind: K, fields: FieldsByKind[K]): RecordId[] => {
  const one = (id: RecordId | null): RecordId[] => (id ? [id] : []);
  switch (kind) {
    case 'person': return one((fields as FieldsByKind['person']).organisationId);
    case 'case': return one((fields as FieldsByKind['case']).partyId);
    case 'opportunity': return one((fields as FieldsByKind['opportunity']).partyId);
    case 'note': return one((fields as FieldsByKind['note']).recordId);
    case 'task': return one((fields as FieldsByKind['task']).recordId);
    case 'activity': return one((fields as FieldsByKind['activity']).recordId);
    default: return [];
  }
};
