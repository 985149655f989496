/** Records as capture's twin rule and the page match read them: every field empty but those given. */
import { emptyFields } from '../../../core/records/validate';
import type { LocketRecord, OrganisationFields, PersonFields } from '../../../core/records/types';

const defaults = { owner: '', currency: 'EUR' };
let nextId = 0;

export const person = (fields: Partial<PersonFields>, deletedAt: number | null = null): LocketRecord => ({
  id: `p${++nextId}`, kind: 'person', createdAt: 1, updatedAt: 1, deletedAt,
  fields: { ...emptyFields('person', defaults), ...fields },
});

export const organisation = (fields: Partial<OrganisationFields>): LocketRecord => ({
  id: `o${++nextId}`, kind: 'organisation', createdAt: 1, updatedAt: 1, deletedAt: null,
  fields: { ...emptyFields('organisation', defaults), ...fields },
});
