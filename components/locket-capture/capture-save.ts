/**
 * Saving a checked capture: the record (new, or the twin updated), the organisation the
 * user asked to add and link, and the note that says where it came from. The record is
 * written first and alone decides success: a refused record writes nothing else, so the
 * user can correct the form and save again without leaving anything behind.
 */
import type { CaptureResult } from '../../core/capture/types';
import { captureNoteFields } from '../../core/quick-capture/note';
import { capturedFromText } from '../shared/messages/capture-messages';
import type { OrganisationFields, RecordId, RecordKind } from '../../core/records/types';
import type { SaveResult } from '../../core/record-store/contract';
import type { LocketServices } from '../../platform/page-services/services';

export type SaveTarget =
  | { readonly mode: 'create'; readonly kind: 'person' | 'organisation' }
  | { readonly mode: 'update'; readonly kind: 'person' | 'organisation'; readonly id: RecordId };

export interface OrganisationLink {
  /** Link to this organisation, already in Locket… */
  readonly existingId: RecordId | null;
  /** …or add this one and link it. */
  readonly create: OrganisationFields | null;
}

export interface SaveCaptureArgs {
  readonly capture: CaptureResult;
  readonly target: SaveTarget;
  readonly input: Record<string, unknown>;
  /** For a person the form left without an organisation; null to leave it so. */
  readonly organisation: OrganisationLink | null;
}

type Services = Pick<LocketServices, 'store' | 'clock'>;

const linkOrganisation = async (services: Services, personId: RecordId, link: OrganisationLink): Promise<void> => {
  let organisationId = link.existingId;
  if (organisationId === null && link.create !== null) {
    const created = await services.store.create('organisation', link.create);
    if (created.ok) organisationId = created.value.id;
  }
  if (organisationId !== null) await services.store.update(personId, 'person', { organisationId });
};

export const saveCapture = async (services: Services, args: SaveCaptureArgs): Promise<SaveResult<RecordKind>> => {
  const { target, input } = args;
  const saved = target.mode === 'update'
    ? await services.store.update(target.id, target.kind, input)
    : await services.store.create(target.kind, input);
  if (!saved.ok) return saved;
  const record = saved.value;
  if (record.kind === 'person' && record.fields.organisationId === null && args.organisation !== null) {
    await linkOrganisation(services, record.id, args.organisation);
  }
  await services.store.create('note', captureNoteFields(args.capture, record.id, services.clock.now(), capturedFromText));
  return { ok: true, value: (await services.store.get(record.id)) ?? record };
};
