import { describe, expect, it } from 'vitest';
import { fieldErrors, fieldProblems, validFields } from './parse-result';

describe('opportunity fields', () => {
  it('needs a name and fills the defaults', () => {
    expect(fieldErrors('opportunity', {})).toEqual({ name: 'Enter the opportunity’s name.' });
    expect(fieldProblems('opportunity', { name: 'O', probability: 5.5 })).toEqual({ probability: { type: 'not-a-whole-percent' } });
    expect(validFields('opportunity', { name: 'Website rebuild' })).toEqual({
      name: 'Website rebuild', partyId: null, value: null, currency: '', milestone: 'new', probability: 0,
      expectedCloseDate: null, status: 'open', customFields: [], lostReason: '', owner: '',
    });
  });

  it.each([
    ['1200.50', 1200.5],
    [' 42 ', 42],
    ['1,200.50', 1200.5],
    ['0', 0],
    [99.99, 99.99],
  ])('reads the value %j from a form as %j', (typed, value) => {
    expect(validFields('opportunity', { name: 'O', value: typed, currency: 'EUR' }).value).toBe(value);
  });

  it('reads a blank value as not yet known', () => {
    expect(validFields('opportunity', { name: 'O', value: '' }).value).toBeNull();
  });

  it.each([-1, '-0.01', Number.POSITIVE_INFINITY])('refuses the value %j', (value) => {
    expect(fieldErrors('opportunity', { name: 'O', value, currency: 'EUR' })).toEqual({ value: 'Enter a value of 0 or more.' });
  });

  it.each(['lots', '1,5', '1e3x'])('says %j is not a number', (value) => {
    expect(fieldErrors('opportunity', { name: 'O', value, currency: 'EUR' }))
      .toEqual({ value: 'Enter the value as a number, such as 1200.50.' });
  });

  it('upper-cases the currency and refuses anything but three letters', () => {
    expect(validFields('opportunity', { name: 'O', value: 1, currency: ' gbp ' }).currency).toBe('GBP');
    for (const currency of ['EURO', 'E1R', '€']) {
      expect(fieldErrors('opportunity', { name: 'O', currency })).toEqual({ currency: 'Use a three-letter currency code such as EUR.' });
    }
  });

  it('needs a currency once there is a value', () => {
    expect(fieldErrors('opportunity', { name: 'O', value: '500' })).toEqual({ currency: 'Choose the currency of the value, such as EUR.' });
  });

  it('takes a whole-number probability from 0 to 100, also typed into a form', () => {
    expect(validFields('opportunity', { name: 'O', probability: '75' }).probability).toBe(75);
    expect(validFields('opportunity', { name: 'O', probability: 100 }).probability).toBe(100);
    for (const probability of [101, -1, 12.5, 'likely']) {
      expect(fieldErrors('opportunity', { name: 'O', probability }))
        .toEqual({ probability: 'Probability is a whole number from 0 to 100.' });
    }
  });

  it('keeps any of the owner’s milestone ids and known statuses, and refuses others', () => {
    const fields = validFields('opportunity', { name: 'O', milestone: 'proposal', status: 'won' });
    expect([fields.milestone, fields.status]).toEqual(['proposal', 'won']);
    // Milestones are the owner's (core/pipeline): an id of their own, or one since deleted, stays valid.
    expect(validFields('opportunity', { name: 'O', milestone: 'pilot-phase' }).milestone).toBe('pilot-phase');
    const errors = fieldErrors('opportunity', { name: 'O', milestone: 'x'.repeat(41), status: 'maybe' });
    // The owner's milestones are not the schema's to list: the form offers them.
    expect(errors.milestone).toBe('Choose one of the milestones of your pipeline.');
    expect(errors.status).toBe('Choose whether the opportunity is open, won or lost.');
  });

  it('checks the expected close date is a real day', () => {
    expect(validFields('opportunity', { name: 'O', expectedCloseDate: '2028-02-29' }).expectedCloseDate).toBe('2028-02-29');
    expect(validFields('opportunity', { name: 'O', expectedCloseDate: '' }).expectedCloseDate).toBeNull();
    for (const expectedCloseDate of ['2027-02-29', '2027-04-31', '2027-13-01', '27-01-01']) {
      expect(fieldErrors('opportunity', { name: 'O', expectedCloseDate }))
        .toEqual({ expectedCloseDate: 'Enter the expected close date as YYYY-MM-DD.' });
    }
  });
});
