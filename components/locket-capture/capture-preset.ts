/** The values a capture's form starts with: what the page says, or that merged into the twin. */
import type { CaptureResult } from '../../core/capture/types';
import type { CapturedEntity } from '../../core/quick-capture/entities';
import { mergeOrganisationFields, mergePersonFields } from '../../core/quick-capture/merge';
import { organisationFieldsFrom, personFieldsFrom } from '../../core/quick-capture/prefill';
import { capturedFromText } from '../shared/messages/capture-messages';
import type { OrganisationRecord, PersonRecord, RecordId } from '../../core/records/types';
import { parseFields } from '../../core/records/validate';
import { toFormValues, toInput, type FormValues } from '../locket-record-form/form-spec';

export interface PresetContext {
  readonly now: number;
  readonly employerId: RecordId | null;
}

/** Owner is not a form field; the store keeps the record's owner as it is. */
const NO_OWNER = '';

export const createPreset = (capture: CaptureResult, entity: CapturedEntity, context: PresetContext): FormValues =>
  'person' in entity
    ? toFormValues('person', personFieldsFrom(entity.person, capture, { owner: NO_OWNER, capturedFrom: capturedFromText, now: context.now, organisationId: context.employerId }))
    : toFormValues('organisation', organisationFieldsFrom(entity.organisation, NO_OWNER));

/** What the user typed, when the schema accepts it; otherwise the capture as found. */
const personIncoming = (typed: FormValues, twin: PersonRecord, capture: CaptureResult, entity: CapturedEntity, context: PresetContext) => {
  const fromForm = parseFields('person', toInput('person', typed));
  if (fromForm.ok) return fromForm.value;
  return 'person' in entity
    ? personFieldsFrom(entity.person, capture, { owner: NO_OWNER, capturedFrom: capturedFromText, now: context.now, organisationId: context.employerId })
    : twin.fields;
};

const organisationIncoming = (typed: FormValues, twin: OrganisationRecord, entity: CapturedEntity) => {
  const fromForm = parseFields('organisation', toInput('organisation', typed));
  if (fromForm.ok) return fromForm.value;
  return 'organisation' in entity ? organisationFieldsFrom(entity.organisation, NO_OWNER) : twin.fields;
};

/** The twin's fields with the capture merged in: lists gain what is new, nothing recorded is overwritten. */
export const updatePreset = (
  twin: PersonRecord | OrganisationRecord,
  typed: FormValues,
  capture: CaptureResult,
  entity: CapturedEntity,
  context: PresetContext,
): FormValues => (twin.kind === 'person'
  ? toFormValues('person', mergePersonFields(twin.fields, personIncoming(typed, twin, capture, entity, context)))
  : toFormValues('organisation', mergeOrganisationFields(twin.fields, organisationIncoming(typed, twin, entity))));
