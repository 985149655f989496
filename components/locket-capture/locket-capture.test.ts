import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { extractFromDocument } from '../../core/capture/extract';
import type { PendingCapture } from '../../core/quick-capture/pending';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-capture';

const PROFILE = `<!doctype html><html><head><title>Ada Okafor – Northwind</title>
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Ada Okafor",
  "jobTitle":"Head of Research","email":"ada.okafor@northwind.example"}</script></head><body><h1>Ada Okafor</h1></body></html>`;

/** A capture as the background hands it over: the page read by the extension's own extractor. */
const pendingFrom = (html: string): PendingCapture => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  Object.defineProperty(doc, 'URL', { value: 'https://northwind.example/people/ada' });
  return { id: 'capture-1', requestedAt: 0, capture: extractFromDocument(doc, ''), linkUrl: '' };
};

describe('locket-capture', () => {
  it('prefills a person from the page and saves them with a source note, then opens them', async () => {
    const dismiss = vi.fn(async () => undefined);
    const { services, store } = await createTestServices({ captures: { dismiss } });
    const opened = listen('locket-open');
    await mount('locket-capture', { services, inbox: { pending: pendingFrom(PROFILE), failure: null } });
    await expect.element(page.getByText('Captured from', { exact: false })).toHaveTextContent('Ada Okafor – Northwind');
    await expect.element(page.getByLabelText('First name')).toHaveValue('Ada');
    await expect.element(page.getByLabelText('Last name')).toHaveValue('Okafor');

    await userEvent.click(page.getByRole('button', { name: 'Add person' }));
    await expect.poll(() => opened.events.length).toBe(1);
    const [person] = await store.page('person', 0, 10);
    expect(person?.kind === 'person' && person.fields.jobTitle).toBe('Head of Research');
    const notes = (await store.linkedTo(person!.id)).filter((record) => record.kind === 'note');
    expect(notes).toHaveLength(1);
    expect(dismiss).toHaveBeenCalledWith('capture-1');
  });

  it('offers to update the person Locket already has, and saves nothing until the owner chooses', async () => {
    let existingId = '';
    // The duplicate check searches the index (the worker's, faked here), then reads what it found from the store.
    const { services, store } = await createTestServices({
      services: { search: async () => [{ id: existingId, kind: 'person', title: 'Ada Okafor', subtitle: '' }] },
    });
    const existing = await store.create('person', { firstName: 'Ada', lastName: 'Okafor', emails: ['ada.okafor@northwind.example'] });
    if (!existing.ok) throw new Error('test person refused');
    existingId = existing.value.id;
    await mount('locket-capture', { services, inbox: { pending: pendingFrom(PROFILE), failure: null } });
    await expect.element(page.getByText('already in Locket', { exact: false }).first()).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Add person' }));
    await expect.element(page.getByRole('alert').first()).toHaveTextContent('Choose above whether to update it or create a new person.');
    expect(await store.count('person')).toBe(1);
  });

  it('shows why a capture failed and lets the owner dismiss it', async () => {
    const dismissFailure = vi.fn(async () => undefined);
    const { services } = await createTestServices({ captures: { dismissFailure } });
    await mount('locket-capture', { services, inbox: { pending: null, failure: { at: 1, reason: { type: 'no-page', inWindow: false } } } });
    await expect.element(page.getByRole('alert')).toHaveTextContent('There is no page to capture here.');
    await userEvent.click(page.getByRole('button', { name: 'Dismiss' }));
    expect(dismissFailure).toHaveBeenCalledOnce();
  });
});
