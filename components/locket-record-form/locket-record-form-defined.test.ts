import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { FieldDefinition } from '../../core/custom-fields/definitions';
import { mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-record-form';

const field = (id: string, name: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition =>
  ({ id, name, type, choices: [], required: false, formerNames: [], ...extra });

const PERSON_FIELDS = [
  field('r', 'Renewal', 'date', { required: true }),
  field('s', 'Seats', 'number'),
  field('v', 'VIP', 'checkbox'),
  field('t', 'Tier', 'choice', { choices: ['Gold', 'Silver'] }),
];

const withFields = async () => {
  const test = await createTestServices();
  const saved = await test.store.saveSettings({ fieldDefinitions: { person: PERSON_FIELDS } });
  if (!saved.ok) throw new Error('definitions refused');
  return test;
};

describe('locket-record-form with defined custom fields', () => {
  it('shows typed inputs, refuses a missing required date and a non-number beside them, then stores canonical values', async () => {
    const { services, store } = await withFields();
    await mount('locket-record-form', { services, kind: 'person' });
    await expect.element(page.getByLabelText('Renewal')).toHaveAttribute('type', 'date');
    await userEvent.fill(page.getByLabelText('First name'), 'Ada');
    await userEvent.fill(page.getByLabelText('Seats'), 'twelve');
    await userEvent.click(page.getByRole('button', { name: 'Add person' }));
    await expect.element(page.getByLabelText('Renewal')).toHaveAccessibleDescription('This field is required.');
    await expect.element(page.getByLabelText('Seats')).toHaveAccessibleDescription('Enter a number, such as 1200.50.');
    expect(await store.count('person')).toBe(0);

    await userEvent.fill(page.getByLabelText('Renewal'), '2027-03-01');
    await userEvent.fill(page.getByLabelText('Seats'), '1,200');
    await userEvent.click(page.getByRole('checkbox', { name: 'VIP' }));
    await userEvent.selectOptions(page.getByLabelText('Tier'), 'Silver');
    await userEvent.fill(page.getByLabelText('Custom fields'), 'Shoe size: 42');
    await userEvent.click(page.getByRole('button', { name: 'Add person' }));
    await expect.poll(() => store.count('person')).toBe(1);
    const [ada] = await store.page('person', 0, 1);
    expect(ada?.kind === 'person' ? ada.fields.customFields : null).toEqual([
      { name: 'Renewal', value: '2027-03-01' }, { name: 'Seats', value: '1200' }, { name: 'VIP', value: 'true' },
      { name: 'Tier', value: 'Silver' }, { name: 'Shoe size', value: '42' },
    ]);
  });

  it('reads free pairs as the fields they name, and keeps a value that does not fit as plain text with a warning', async () => {
    const { services, store } = await withFields();
    const created = await store.create('person', {
      firstName: 'Grace', customFields: [{ name: 'renewal', value: '2026-12-31' }, { name: 'Seats', value: 'lots' }],
    });
    if (!created.ok) throw new Error('test person refused');
    await mount('locket-record-form', { services, kind: 'person', record: created.value });
    await expect.element(page.getByLabelText('Renewal')).toHaveValue('2026-12-31');
    await expect.element(page.getByLabelText('Seats')).toHaveValue('');
    await expect.element(page.getByLabelText('Custom fields')).toHaveValue('Seats: lots');
    await expect.element(page.getByText('“lots” under Seats is kept as plain text: Enter a number, such as 1200.50.')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Save changes' }));
    await expect.poll(async () => {
      const record = await store.get(created.value.id);
      return record?.kind === 'person' ? record.fields.customFields : null;
    }).toEqual([{ name: 'Renewal', value: '2026-12-31' }, { name: 'VIP', value: 'false' }, { name: 'Seats', value: 'lots' }]);
  });
});
