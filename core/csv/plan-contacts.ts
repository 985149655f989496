/**
 * Plans the contacts file: organisations first, so people can link to them, then people.
 * A person whose organisation is named but not in the file nor in Locket gets a new
 * organisation of that name (planned just before them), unless the person is skipped or
 * invalid. A new contact's note (the "Notes" column of an address book) is planned as a
 * note record right after it; an update leaves the record's notes as they are, so
 * importing the same file twice does not repeat them.
 */
import { FORM_ERROR_KEY, emptyFields } from '../records/validate';
import { parseFieldsForPlan } from '../records/checked-fields';
import type { RecordId } from '../records/types';
import { contactDraft, contactKind, type ContactDraft } from './contact-input';
import { commitRow, createLabel, settleRow } from './plan-row';
import type { Found, PlanState } from './plan-state';
import type { ImportSource, PlannedRow } from './plan-types';
import type { KnownRecord } from './record-index';
import { createRowReader } from './row-cells';
import { readRowMeta, type RowMeta } from './row-meta';
import { fieldNotes, type RowNote } from './row-notes';
import type { Label } from './row-meta';

interface Pending {
  readonly rowNumber: number;
  readonly meta: RowMeta;
  readonly draft: ContactDraft;
}

const findDuplicate = (state: PlanState, pending: Pending): Found<KnownRecord<'person' | 'organisation'>> | undefined => {
  if (state.context.policy === 'create') return undefined;
  const { draft, meta } = pending;
  const byId = meta.fileId === null ? undefined : state.resolve(meta.fileId);
  if (byId && byId.record.kind === draft.kind) return { ...byId, record: byId.record };
  if (draft.kind === 'person') {
    for (const email of draft.emails) {
      const found = state.find('email', (lookup) => lookup.personByEmail(email));
      if (found) return found;
    }
    return undefined;
  }
  return (draft.domain === '' ? undefined : state.find('domain', (lookup) => lookup.organisationByDomain(draft.domain)))
    ?? (draft.name === '' ? undefined : state.find('name', (lookup) => lookup.organisationByName(draft.name)));
};

interface OrganisationLink {
  readonly organisationId: RecordId | null;
  /** A new organisation to plan before the person, when the name matched nothing. */
  readonly implied: PlannedRow | null;
  readonly warning: RowNote | null;
}

const linkOrganisation = (state: PlanState, pending: Pending, ref: NonNullable<ContactDraft['organisation']>): OrganisationLink => {
  const byId = ref.id === null ? undefined : state.resolve(ref.id);
  if (byId?.record.kind === 'organisation') return { organisationId: byId.record.id, implied: null, warning: null };
  const missingId = (linkedByName: boolean): RowNote | null =>
    (ref.id === null ? null : { type: 'organisation-id-not-found', id: ref.id, linkedByName });
  if (ref.name === null) return { organisationId: null, implied: null, warning: missingId(false) };
  const { name } = ref;
  const named = state.find('name', (lookup) => lookup.organisationByName(name));
  if (named) return { organisationId: named.record.id, implied: null, warning: null };
  const parsed = parseFieldsForPlan('organisation', { ...emptyFields('organisation', state.context.defaults), name });
  if (!parsed.ok) {
    return { organisationId: null, implied: null, warning: { type: 'organisation-not-created', name: name.slice(0, 40), errors: parsed.error } };
  }
  const record = { id: state.assignId(null), kind: 'organisation' as const, fields: parsed.value, createdAt: null, updatedAt: null };
  const implied: PlannedRow = { file: 'contacts', rowNumber: pending.rowNumber, warnings: [], action: 'new', record, implied: true };
  return { organisationId: record.id, implied, warning: missingId(true) };
};

/** The contact's note as a note record of its own, counted with the notes. */
const contactNote = (state: PlanState, rowNumber: number, recordId: RecordId, body: string, label: Label): PlannedRow => {
  const parsed = parseFieldsForPlan('note', { ...emptyFields('note', state.context.defaults), body, recordId });
  if (!parsed.ok) return { file: 'notes', rowNumber, warnings: [], action: 'invalid', reasons: fieldNotes(parsed.error, FORM_ERROR_KEY, () => label('note')) };
  const record = { id: state.assignId(null), kind: 'note' as const, fields: parsed.value, createdAt: null, updatedAt: null };
  return { file: 'notes', rowNumber, warnings: [], action: 'new', record, implied: false };
};

export const planContacts = (state: PlanState, source: ImportSource<'contacts'>): void => {
  const { table, mapping } = source;
  const label = createLabel('contacts', table.headers, mapping);
  const readRow = createRowReader(mapping, table.headers);

  const settle = (item: Pending): void => {
    const duplicate = findDuplicate(state, item);
    const ref = item.draft.organisation;
    // A skipped person creates nothing, so its organisation is not looked for.
    const link = ref && !(duplicate && state.context.policy === 'skip') ? linkOrganisation(state, item, ref) : null;
    const input = link ? { ...item.draft.input, organisationId: link.organisationId } : item.draft.input;
    const warnings = [...item.meta.warnings, ...(link?.warning ? [link.warning] : [])];
    const base = { file: 'contacts' as const, rowNumber: item.rowNumber, meta: item.meta, format: mapping.format, label, input, warnings };
    const settled = item.draft.kind === 'person'
      ? settleRow(state, { ...base, kind: 'person' }, duplicate?.record.kind === 'person' ? { ...duplicate, record: duplicate.record } : undefined)
      : settleRow(state, { ...base, kind: 'organisation' }, duplicate?.record.kind === 'organisation' ? { ...duplicate, record: duplicate.record } : undefined);
    if (settled.ok && link?.implied) state.push(link.implied);
    commitRow(state, item.meta.fileId, settled.row);
    if (settled.row.action === 'new' && item.draft.note !== null) {
      state.push(contactNote(state, item.rowNumber, settled.row.record.id, item.draft.note, label));
    }
  };

  // Organisations are settled first, so people can link to them; each row is read once, and
  // people's drafts (pure, they depend on nothing planned) wait until every organisation is settled.
  const people: Pending[] = [];
  for (const row of table.rows) {
    const invalid = (reason: RowNote) => state.push({ file: 'contacts', rowNumber: row.rowNumber, warnings: [], action: 'invalid', reasons: [reason] });
    if (row.problem !== null) {
      invalid(row.problem);
      continue;
    }
    const cells = readRow(row.cells);
    const typed = contactKind(cells);
    if ('problem' in typed) {
      invalid(typed.problem === 'unknown-type' ? { type: 'unknown-type', column: label('type'), value: typed.value } : { type: 'no-name' });
      continue;
    }
    const item = { rowNumber: row.rowNumber, meta: readRowMeta(cells, label), draft: contactDraft(cells, typed.kind) };
    if (typed.kind === 'organisation') settle(item);
    else people.push(item);
  }
  for (const item of people) settle(item);
};
