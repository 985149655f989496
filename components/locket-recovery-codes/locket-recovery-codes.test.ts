import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { offeredDownloads } from '../../test/elements/downloads';
import { listen, mount } from '../../test/elements/mount';
import './locket-recovery-codes';

const CODES = ['AAAA-BBBB-CCCC-DDDD', 'EEEE-FFFF-GGGG-HHHH'];

describe('locket-recovery-codes', () => {
  it('lists every code, takes the focus to them, and says when the owner has saved them', async () => {
    const saved = listen('locket-codes-saved');
    const element = await mount('locket-recovery-codes', { codes: CODES });
    await expect.element(page.getByRole('list', { name: 'Recovery codes' })).toHaveTextContent('AAAA-BBBB-CCCC-DDDD');
    await expect.element(page.getByRole('list', { name: 'Recovery codes' })).toHaveTextContent('EEEE-FFFF-GGGG-HHHH');
    expect(element.shadowRoot!.activeElement?.getAttribute('role')).toBe('region');

    await userEvent.click(page.getByRole('button', { name: 'I have saved these codes' }));
    expect(saved.events).toHaveLength(1);
  });

  it('copies the codes with an explanation, and says so when the browser refuses', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValueOnce(undefined);
    await mount('locket-recovery-codes', { codes: CODES });
    await userEvent.click(page.getByRole('button', { name: 'Copy codes' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Codes copied.');
    expect(writeText.mock.calls[0]![0]).toContain('AAAA-BBBB-CCCC-DDDD\nEEEE-FFFF-GGGG-HHHH');

    writeText.mockRejectedValueOnce(new DOMException('Denied', 'NotAllowedError'));
    await userEvent.click(page.getByRole('button', { name: 'Copy codes' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('The browser did not allow copying.');
  });

  it('offers the codes as a text file', async () => {
    await mount('locket-recovery-codes', { codes: CODES });
    await userEvent.click(page.getByRole('button', { name: 'Download as text' }));
    expect(offeredDownloads()).toEqual(['locket-recovery-codes.txt']);
    await expect.element(page.getByRole('status')).toHaveTextContent('Saved as locket-recovery-codes.txt in your downloads.');
  });
});
