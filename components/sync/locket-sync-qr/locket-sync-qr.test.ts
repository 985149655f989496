import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { mount } from '../../../test/elements/mount';
import './locket-sync-qr';

/** The dark modules the image draws, read back from its path ("M x y h1v1h-1z" per module). */
const darkModules = (element: Element): Set<string> => {
  const path = element.shadowRoot!.querySelector('path')!.getAttribute('d') ?? '';
  return new Set([...path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map(([, x, y]) => `${x},${y}`));
};

describe('locket-sync-qr', () => {
  it('draws the text as a QR image a camera can find: named, square, with its three corner marks', async () => {
    const element = await mount('locket-sync-qr', { text: 'ABCDEFGH2345', label: 'Pairing code as a QR image' });
    const image = page.getByRole('img', { name: 'Pairing code as a QR image' });
    await expect.element(image).toBeVisible();
    // Version 1 (21 modules) plus four light modules on every side.
    await expect.element(image).toHaveAttribute('viewBox', '0 0 29 29');
    const dark = darkModules(element);
    for (const [x, y] of [[4, 4], [10, 10], [18, 4], [24, 10], [4, 18], [10, 24]]) expect(dark.has(`${x},${y}`)).toBe(true);
    // The quiet zone stays light.
    expect([...dark].some((module) => module.split(',').some((n) => Number(n) < 4 || Number(n) > 24))).toBe(false);
  });

  it('draws another image for another code, and none for no code', async () => {
    const first = await mount('locket-sync-qr', { text: 'ABCDEFGH2345' });
    const second = await mount('locket-sync-qr', { text: 'ZZZZ9999YYYY' });
    expect(darkModules(first)).not.toEqual(darkModules(second));
    const empty = await mount('locket-sync-qr', { text: '' });
    expect(empty.shadowRoot!.querySelector('svg')).toBeNull();
  });
});
