import { describe, expect, it } from 'vitest';
import { entityAt } from '../../../core/quick-capture/entities';
import { organisationFieldsFrom, personFieldsFrom } from '../../../core/quick-capture/prefill';
import { capturedFromText } from '../../../components/shared/messages/capture-messages';
import type { LocketRecord } from '../../../core/records/types';
import { createSearchIndex } from '../../../worker/search-index';
import { lookUp } from '../../../components/locket-capture/capture-lookup';
import { organisationLinkFor } from '../../../components/locket-capture/capture-organisation';
import { updatePreset } from '../../../components/locket-capture/capture-preset';
import { saveCapture } from '../../../components/locket-capture/capture-save';
import { toInput } from '../../../components/locket-record-form/form-spec';
import { createHarness } from '../store/harness';
import { captureFixture } from '../capture/pages';

/** The store, and search over it as the worker answers it. */
const setUp = async () => {
  const { store, clock } = await createHarness();
  const search = async (query: string, options?: Parameters<ReturnType<typeof createSearchIndex>['search']>[1]) => {
    const index = createSearchIndex();
    await store.forEachBatch(500, (records) => index.upsertMany(records));
    return index.search(query, options);
  };
  return { store, clock, services: { store, clock, search } };
};

const profile = captureFixture('json-ld-person.html', 'Met at the data summit');
const ada = entityAt(profile, { kind: 'person', index: 0 })!;
const adaFields = personFieldsFrom(profile.people[0]!, profile, { owner: '', capturedFrom: capturedFromText, now: Date.UTC(2025, 2, 7), organisationId: null });

const notesOf = async (store: Awaited<ReturnType<typeof setUp>>['store'], id: string): Promise<LocketRecord[]> =>
  (await store.linkedTo(id)).filter((record) => record.kind === 'note');

describe('saving a captured person', () => {
  it('creates the person with a note holding the selection, the page address and the time', async () => {
    const { store, clock, services } = await setUp();
    const saved = await saveCapture(services, { capture: profile, target: { mode: 'create', kind: 'person' }, input: { ...adaFields }, organisation: null });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.value.fields).toMatchObject({ firstName: 'Ada', lastName: 'Okafor', consent: { basis: 'legitimate-interests' } });
    const notes = await notesOf(store, saved.value.id);
    expect(notes.map((note) => note.fields)).toEqual([
      { body: 'Met at the data summit', recordId: saved.value.id, sourceUrl: profile.page.url, capturedAt: clock.now() },
    ]);
  });

  it('adds the organisation the card names and links the person to it', async () => {
    const { store, services } = await setUp();
    const organisation = organisationLinkFor(profile, ada, null);
    const saved = await saveCapture(services, { capture: profile, target: { mode: 'create', kind: 'person' }, input: { ...adaFields }, organisation });
    if (!saved.ok) throw new Error('not saved');
    const organisationId = saved.value.kind === 'person' ? saved.value.fields.organisationId : null;
    expect(organisationId).not.toBeNull();
    expect((await store.get(organisationId!))?.fields).toMatchObject({ name: profile.people[0]!.organisationName });
  });

  it('links the organisation Locket already has instead of adding a second', async () => {
    const { store, services } = await setUp();
    const existing = await store.create('organisation', { name: profile.people[0]!.organisationName });
    if (!existing.ok) throw new Error('not created');
    const { employer } = await lookUp(services, profile, ada);
    expect(employer?.id).toBe(existing.value.id);
    await saveCapture(services, {
      capture: profile, target: { mode: 'create', kind: 'person' }, input: { ...adaFields }, organisation: organisationLinkFor(profile, ada, employer),
    });
    expect(await store.count('organisation')).toBe(1);
  });

  it('writes nothing when the store refuses the person', async () => {
    const { store, services } = await setUp();
    const saved = await saveCapture(services, {
      capture: profile, target: { mode: 'create', kind: 'person' }, input: { ...adaFields, emails: ['not an address'] },
      organisation: organisationLinkFor(profile, ada, null),
    });
    expect(saved.ok).toBe(false);
    expect(await store.recent(10)).toEqual([]);
  });
});

describe('capturing the same person again', () => {
  it('finds the saved record as a twin and updates it with what is new', async () => {
    const { store, services } = await setUp();
    const first = await saveCapture(services, { capture: profile, target: { mode: 'create', kind: 'person' }, input: { ...adaFields }, organisation: null });
    if (!first.ok) throw new Error('not saved');
    await store.update(first.value.id, 'person', { jobTitle: 'Chief Data Officer', tags: ['speaker'] });

    const again = { ...profile, people: [{ ...profile.people[0]!, phones: ['+44 20 7946 9999'] }] };
    const entity = entityAt(again, { kind: 'person', index: 0 })!;
    const { twin } = await lookUp(services, again, entity);
    expect(twin?.record.id).toBe(first.value.id);
    expect(twin?.reason).toBe('same email ada.okafor@northwind.example');

    const values = updatePreset(twin!.record, {}, again, entity, { now: 0, employerId: null });
    const updated = await saveCapture(services, {
      capture: again, target: { mode: 'update', kind: 'person', id: twin!.record.id }, input: toInput('person', values), organisation: null,
    });
    if (!updated.ok || updated.value.kind !== 'person') throw new Error('not updated');
    expect(updated.value.fields.jobTitle).toBe('Chief Data Officer');
    expect(updated.value.fields.tags).toEqual(['speaker']);
    expect(updated.value.fields.phones).toContain('+44 20 7946 9999');
    expect(await store.count('person')).toBe(1);
    expect(await notesOf(store, first.value.id)).toHaveLength(2);
  });

  it('finds an organisation again by its domain', async () => {
    const { services } = await setUp();
    const page = captureFixture('json-ld-organisation.html');
    const entity = entityAt(page, { kind: 'organisation', index: 0 })!;
    const saved = await saveCapture(services, {
      capture: page, target: { mode: 'create', kind: 'organisation' }, input: { ...organisationFieldsFrom(page.organisations[0]!, '') }, organisation: null,
    });
    if (!saved.ok) throw new Error('not saved');
    expect((await lookUp(services, page, entity)).twin?.record.id).toBe(saved.value.id);
  });
});
