import { describe, expect, it } from 'vitest';
import { parseFieldsForPlan, parseUnlessChecked } from '../../../core/records/checked-fields';
import { emptyFields } from '../../../core/records/validate';
import type { PlannedWrite } from '../../../core/imports/import-batch-types';
import { createHarness } from '../store/harness';

const DEFAULTS = { owner: 'owner', currency: 'EUR' };
const ID = '0190a000-0000-7000-8000-000000000001';

const keptPerson = () => {
  const parsed = parseFieldsForPlan('person', { ...emptyFields('person', DEFAULTS), firstName: 'Grace', emails: ['grace@example.com'] });
  if (!parsed.ok) throw new Error('the person was refused');
  return parsed.value;
};

describe('fields an import plan checked', () => {
  it('are taken as they are for the kind they were checked as', () => {
    const fields = keptPerson();
    const again = parseUnlessChecked('person', fields);
    expect(again.ok && again.value).toBe(fields);
  });

  it('are checked again as any other kind, and refused where that kind refuses them', () => {
    expect(parseUnlessChecked('organisation', keptPerson()).ok).toBe(false);
  });

  it('are checked again once copied, as a plan that crossed a message is, so a copy changed since is refused', async () => {
    const { store } = await createHarness();
    const copy = { ...structuredClone(keptPerson()), emails: ['not an address'] };
    const write: PlannedWrite = { op: 'create', id: ID, kind: 'person', createdAt: 1, updatedAt: 1, fields: copy };

    const report = await store.applyImport('batch-copied', [write]);

    expect(report.written).toBe(0);
    expect(report.refused).toEqual([{ index: 0, id: ID, reason: { type: 'invalid-fields', errors: { emails: expect.anything() } } }]);
    expect(await store.get(ID)).toBeUndefined();
  });
});
