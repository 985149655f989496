import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import type { FieldDefinition } from '../../core/custom-fields/definitions';
import { mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-record-detail';

const field = (id: string, name: string, type: FieldDefinition['type']): FieldDefinition =>
  ({ id, name, type, choices: [], required: false, formerNames: [] });

describe('locket-record-detail with defined custom fields', () => {
  it('shows defined fields in the owner’s order and words, free pairs after them, and warns of a value kept as text', async () => {
    const { services, store } = await createTestServices();
    const saved = await store.saveSettings({ fieldDefinitions: { opportunity: [field('v', 'Signed', 'checkbox'), field('r', 'Renewal', 'date')] } });
    if (!saved.ok) throw new Error('definitions refused');
    const created = await store.create('opportunity', {
      name: 'Support plan',
      customFields: [{ name: 'Region', value: 'North' }, { name: 'renewal', value: '2027-03-01' }, { name: 'Signed', value: 'soon' }],
    });
    if (!created.ok) throw new Error('test opportunity refused');
    await mount('locket-record-detail', { services, recordId: created.value.id });
    await expect.element(page.getByRole('heading', { name: 'Support plan' })).toBeVisible();
    const terms = page.getByRole('term').elements().map((element) => element.textContent);
    expect(terms.slice(-3)).toEqual(['Renewal', 'Region', 'Signed']);
    await expect.element(page.getByRole('definition').filter({ hasText: '2027-03-01' })).toBeVisible();
    await expect.element(page.getByRole('note')).toHaveTextContent('“soon” under Signed is kept as plain text: Use yes or no.');
  });
});
