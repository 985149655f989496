import { describe, expect, it } from 'vitest';
import { buildSubjectAccessReport, subjectAccessJson } from '../../../core/audit/subject-access';
import { createHarness, person, saved } from '../store/harness';
import { failureText } from '../../../components/shared/failure-text';

describe('subject access report', () => {
  it('holds the person, their notes, links, organisation, consent, history and its own audit entry', async () => {
    const { store, clock } = await createHarness();
    const org = saved(await store.create('organisation', { name: 'Acme Ltd' }));
    const ada = saved(await store.create('person', person('Ada', 'Lovelace', {
      organisationId: org.id, consent: { basis: 'consent', date: '2025-01-02', source: 'web form' },
    })));
    const other = saved(await store.create('person', person('Bert', 'Other')));
    saved(await store.create('note', { body: 'Prefers email', recordId: ada.id, sourceUrl: null, capturedAt: null }));
    saved(await store.create('note', { body: 'Not about Ada', recordId: other.id, sourceUrl: null, capturedAt: null }));
    saved(await store.create('case', { name: 'Roof', partyId: ada.id }));
    saved(await store.update(ada.id, 'person', { jobTitle: 'Analyst' }));

    const report = await buildSubjectAccessReport({ store, clock }, ada.id);
    expect(report.person.fields.jobTitle).toBe('Analyst');
    expect(report.organisation).toBe('Acme Ltd');
    expect(report.consent).toEqual({ basis: 'consent', date: '2025-01-02', source: 'web form' });
    expect(report.notes.map((note) => note.kind === 'note' && note.fields.body)).toEqual(['Prefers email']);
    expect(report.cases).toHaveLength(1);
    expect(report.history.map((entry) => entry.op)).toEqual(['create', 'create', 'update']);
    expect(report.auditEntries.map((entry) => entry.type)).toEqual(['subject-access-export']);
    expect(subjectAccessJson(report)).not.toContain('Not about Ada');
    expect(JSON.parse(subjectAccessJson(report))).toMatchObject({ person: { id: ada.id } });
  });

  it('holds the tasks about the person and the conversations logged with them, with their history', async () => {
    const { store, clock } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    const task = saved(await store.create('task', { description: 'Send Ada the contract', recordId: ada.id, dueDate: '2026-12-08' }));
    saved(await store.create('activity', { type: 'call', recordId: ada.id, occurredAt: clock.now(), outcome: 'Agreed a demo' }));
    saved(await store.create('task', { description: 'Tidy the office' }));

    const report = await buildSubjectAccessReport({ store, clock }, ada.id);
    expect(report.tasks.map((record) => record.kind === 'task' && record.fields.description)).toEqual(['Send Ada the contract']);
    expect(report.activities.map((record) => record.kind === 'activity' && record.fields.outcome)).toEqual(['Agreed a demo']);
    expect(report.history.some((entry) => entry.recordId === task.id)).toBe(true);
    expect(subjectAccessJson(report)).not.toContain('Tidy the office');
  });

  it('refuses anything but a person', async () => {
    const { store, clock } = await createHarness();
    const org = saved(await store.create('organisation', { name: 'Acme Ltd' }));
    const refused = await buildSubjectAccessReport({ store, clock }, org.id).then(() => null, (error: unknown) => failureText(error));
    expect(refused).toMatch(/person/);
    expect(await store.audit.entries()).toEqual([]);
  });
});
