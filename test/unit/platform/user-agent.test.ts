import { describe, expect, it } from 'vitest';
import { describeUserAgent } from '../../../platform/session/user-agent';

describe('describeUserAgent', () => {
  it.each([
    ['Chrome on Linux', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36', 'Chromium 156 on Linux'],
    ['headless Chromium on Linux', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36', 'Chromium 140 on Linux'],
    [
      'Edge on Windows',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
      'Edge 131 on Windows',
    ],
    ['Firefox on macOS', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox 128 on macOS'],
    ['Chrome on ChromeOS', 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36', 'Chromium 125 on ChromeOS'],
    [
      'Chrome on Android',
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
      'Chromium 126 on Android',
    ],
  ])('names %s', (_label, userAgent, expected) => {
    expect(describeUserAgent(userAgent)).toBe(expected);
  });

  it('admits what it does not recognise', () => {
    expect(describeUserAgent('curl/8.5.0')).toBe('An unknown browser on an unknown system');
    expect(describeUserAgent('')).toBe('An unknown browser on an unknown system');
  });
});
