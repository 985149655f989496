/**
 * Data-subject access ("what do you hold about me?"): everything Locket holds about one
 * person, as one JSON document, and an audit entry saying it was given out.
 */
import type { Clock } from '../clock';
import { isDependentKind, type LocketRecord, type RecordId } from '../records/types';
import type { RecordReads } from '../record-store/contract';
import type { AuditEntry } from './audit-log';
import type { AuditStore } from './contract';
import { refusalError } from '../refusals';

export interface SubjectAccessReport {
  readonly generatedAt: string;
  readonly person: LocketRecord<'person'>;
  readonly organisation: string | null;
  readonly consent: LocketRecord<'person'>['fields']['consent'];
  readonly notes: readonly LocketRecord[];
  /** Tasks about the person and conversations logged with them. */
  readonly tasks: readonly LocketRecord[];
  readonly activities: readonly LocketRecord[];
  readonly cases: readonly LocketRecord[];
  readonly opportunities: readonly LocketRecord[];
  readonly history: Awaited<ReturnType<RecordReads['changesFor']>>;
  readonly auditEntries: readonly AuditEntry[];
}

export const subjectAccessFileName = (personId: RecordId): string => `locket-subject-${personId}.json`;

export const buildSubjectAccessReport = async (
  { store, clock }: { readonly store: RecordReads & AuditStore; readonly clock: Clock },
  personId: RecordId,
): Promise<SubjectAccessReport> => {
  const person = await store.get(personId);
  if (person?.kind !== 'person') throw refusalError({ type: 'not-a-person', act: 'report' });
  const hash = await store.auditIdHash(personId);
  const [linked, organisation, history] = await Promise.all([
    store.linkedTo(personId),
    person.fields.organisationId ? store.get(person.fields.organisationId) : undefined,
    store.changesFor(personId),
  ]);
  const notes = linked.filter((record) => record.kind === 'note');
  // A note, task or conversation is about the person: its history is part of what is held about them.
  const dependents = linked.filter((record) => isDependentKind(record.kind));
  const noteHistory = await Promise.all(dependents.map((record) => store.changesFor(record.id)));
  // Logged before it is read, so the report itself lists this access.
  await store.audit.append({
    type: 'subject-access-export', by: 'owner', subjects: [{ kind: 'person', idHash: hash }],
    detail: { notes: notes.length, links: linked.length - notes.length },
  });
  return {
    generatedAt: new Date(clock.now()).toISOString(),
    person,
    organisation: organisation?.kind === 'organisation' ? organisation.fields.name : null,
    consent: person.fields.consent,
    notes,
    tasks: linked.filter((record) => record.kind === 'task'),
    activities: linked.filter((record) => record.kind === 'activity'),
    cases: linked.filter((record) => record.kind === 'case'),
    opportunities: linked.filter((record) => record.kind === 'opportunity'),
    history: [...history, ...noteHistory.flat()].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0)),
    auditEntries: await store.audit.entriesAbout(hash),
  };
};

export const subjectAccessJson = (report: SubjectAccessReport): string => `${JSON.stringify(report, null, 2)}\n`;
