import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from '../../../core/i18n/intl-cache';

describe('Intl formatters made once', () => {
  it('hands back the same formatter for the same locale and options, and another for other ones', () => {
    const medium = dateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
    expect(dateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })).toBe(medium);
    expect(dateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' })).not.toBe(medium);
    expect(dateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(0)).toBe('1 January 1970');
    expect(medium.format(0)).toBe('1 Jan 1970');
  });

  it('keeps nothing for options Intl refuses, and still refuses them next time', () => {
    expect(() => numberFormat('en', { style: 'currency', currency: 'NOPE!' })).toThrow(RangeError);
    expect(() => numberFormat('en', { style: 'currency', currency: 'NOPE!' })).toThrow(RangeError);
    expect(numberFormat('en', { style: 'currency', currency: 'EUR' }).format(5)).toBe('€5.00');
  });
});
