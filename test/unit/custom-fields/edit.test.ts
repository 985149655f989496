import { describe, expect, it } from 'vitest';
import { addDefinition, moveDefinition, removeDefinition, renameDefinition } from '../../../core/custom-fields/edit';
import { definedFieldSummaries, type FieldDefinition } from '../../../core/custom-fields/definitions';
import { createHarness } from '../store/harness';

const added = (list: readonly FieldDefinition[], name: string, id: string, type: FieldDefinition['type'] = 'text', choices = '') => {
  const result = addDefinition(list, { name, type, choices, required: false }, id);
  if (!result.ok) throw new Error(`refused ${name}`);
  return result.value;
};

describe('editing field definitions', () => {
  it('adds, reorders and removes, and refuses a name already taken or a built-in column’s', () => {
    let list = added([], 'Renewal', 'a', 'date');
    list = added(list, 'Tier', 'b', 'choice', 'Gold, Silver\nGold');
    expect(list[1]?.choices).toEqual(['Gold', 'Silver']);
    expect(addDefinition(list, { name: ' renewal ', type: 'text', choices: '', required: false }, 'c'))
      .toEqual({ ok: false, error: { type: 'name-taken', name: 'renewal' } });
    expect(addDefinition(list, { name: 'Emails', type: 'text', choices: '', required: false }, 'c'))
      .toEqual({ ok: false, error: { type: 'name-reserved', name: 'Emails' } });
    expect(addDefinition(list, { name: 'Size', type: 'choice', choices: ' , ', required: false }, 'c'))
      .toEqual({ ok: false, error: { type: 'choices-missing' } });
    expect(moveDefinition(list, 'b', -1).map((d) => d.name)).toEqual(['Tier', 'Renewal']);
    expect(moveDefinition(list, 'a', -1).map((d) => d.name)).toEqual(['Renewal', 'Tier']);
    expect(removeDefinition(list, 'a').map((d) => d.name)).toEqual(['Tier']);
    expect(renameDefinition(list, 'b', 'Renewal')).toEqual({ ok: false, error: { type: 'name-taken', name: 'Renewal' } });
  });

  it('are settings: saved encrypted with the others, read back, and offered to filters by name and type', async () => {
    const { store } = await createHarness();
    const person = added([], 'Renewal', 'a', 'date');
    const saved = await store.saveSettings({ fieldDefinitions: { person } });
    expect(saved.ok).toBe(true);
    const settings = await store.getSettings();
    expect(settings.fieldDefinitions?.person.map((d) => d.name)).toEqual(['Renewal']);
    expect(settings.fieldDefinitions?.case).toEqual([]);
    expect(definedFieldSummaries(settings, 'person')).toEqual([{ name: 'Renewal', type: 'date', choices: [] }]);
    expect(definedFieldSummaries(settings, 'note')).toEqual([]);
    expect(await store.saveSettings({ fieldDefinitions: { person: [{ id: 'x', name: '', type: 'date' }] } }))
      .toEqual({ ok: false, error: { fieldDefinitions: 'fields-invalid' } });
    const entries = await store.audit.entries();
    expect(entries.filter((entry) => entry.type === 'settings-changed').map((entry) => entry.detail)).toEqual([{ fields: 'fieldDefinitions' }]);
  });
});
