import { describe, expect, it } from 'vitest';
import { FIRST_PAGE_ROWS, openFirstPage, sealFirstPage } from '../../../core/first-page/first-page';

const key = (fill: number) => new Uint8Array(32).fill(fill);
const rows = (count: number) => Array.from({ length: count }, (_, index) => ({ title: `Person ${index}`, subtitle: `person${index}@example.com` }));

describe('the sealed first page', () => {
  it('opens under the key it was sealed with, and holds no word of it in the clear', async () => {
    const sealed = await sealFirstPage(key(1), { rows: rows(2) });
    expect(JSON.stringify(sealed)).not.toContain('Person');
    expect(await openFirstPage(key(1), sealed)).toEqual({ rows: rows(2) });
  });

  it('opens to nothing under another key, altered, or when absent or malformed', async () => {
    const sealed = await sealFirstPage(key(1), { rows: rows(2) });
    expect(await openFirstPage(key(2), sealed)).toBeNull();
    const altered = { ...sealed, data: `${sealed.data.startsWith('A') ? 'B' : 'A'}${sealed.data.slice(1)}` };
    expect(await openFirstPage(key(1), altered)).toBeNull();
    expect(await openFirstPage(key(1), undefined)).toBeNull();
    expect(await openFirstPage(key(1), { iv: 'not base64!', data: '' })).toBeNull();
  });

  it('keeps at most a screen of rows, each cut to what a row can show', async () => {
    const long = [{ title: 'x'.repeat(2000), subtitle: '' }, ...rows(FIRST_PAGE_ROWS + 5)];
    const opened = await openFirstPage(key(1), await sealFirstPage(key(1), { rows: long }));
    expect(opened?.rows).toHaveLength(FIRST_PAGE_ROWS);
    expect(opened?.rows[0]?.title).toHaveLength(500);
  });
});
