import { describe, expect, it, vi } from 'vitest';
import * as estimator from '../../../core/security/password-estimator';
import { checkPassword } from '../../../core/security/password-policy';

// The estimator's matching slows sharply on long input: a pasted wall of text must reach it
// only as its start, while the length rules still judge the whole of it.
const seen: number[] = [];
vi.mock('../../../core/security/password-estimator', async (importOriginal) => {
  const real = await importOriginal<typeof estimator>();
  return {
    ...real,
    estimateGuesses: (password: string, words: readonly string[]) => {
      seen.push(Array.from(password).length);
      return real.estimateGuesses(password, words);
    },
  };
});

describe('checkPassword on a 10,000-character paste', () => {
  it('hands the estimator only its first 100 characters and refuses it by its whole length', () => {
    const paste = 'correct horse battery staple '.repeat(345).slice(0, 10_000);
    const verdict = checkPassword(paste, { name: 'Maria Schmidt', email: 'maria@example.com' });
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(100);
    expect(verdict.problems).toContainEqual({ code: 'too-long', length: 10_000 });
  });
});
