import { describe, expect, it } from 'vitest';
import { bulkEdit } from '../../../core/bulk/bulk-edits';
import { emptyFields } from '../../../core/records/validate';

const open = { ...emptyFields('opportunity', { owner: 'o', currency: 'EUR' }), name: 'Renewal' };

describe('setting the status of opportunities in bulk', () => {
  it('keeps the reason given with lost on each opportunity', () => {
    expect(bulkEdit({ type: 'set-field', field: 'status', value: 'lost', lostReason: 'Price' })('opportunity', open))
      .toMatchObject({ status: 'lost', lostReason: 'Price' });
  });

  it('clears a lost reason when the opportunity is won or open again, and changes nothing already so', () => {
    const lost = { ...open, status: 'lost', lostReason: 'Price' };
    expect(bulkEdit({ type: 'set-field', field: 'status', value: 'won' })('opportunity', lost)).toMatchObject({ status: 'won', lostReason: '' });
    expect(bulkEdit({ type: 'set-field', field: 'status', value: 'lost', lostReason: 'Price' })('opportunity', lost)).toBeNull();
    expect(bulkEdit({ type: 'set-field', field: 'status', value: 'lost', lostReason: 'Timing' })('opportunity', lost)).toMatchObject({ lostReason: 'Timing' });
  });

  it('leaves a case’s fields without a lost reason', () => {
    const matter = { ...emptyFields('case', { owner: 'o', currency: 'EUR' }), name: 'Audit' };
    expect(bulkEdit({ type: 'set-field', field: 'status', value: 'closed' })('case', matter)).not.toHaveProperty('lostReason');
  });
});
