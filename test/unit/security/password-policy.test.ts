import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkPassword as checkCodes, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, normalisePassword, type PasswordContext, type PasswordProblemCode,
} from '../../../core/security/password-policy';
import { passwordProblemText, passwordSuggestions, STRENGTH_LABELS } from '../../../components/shared/messages/password-messages';

/** The verdict as the password field shows it: each problem's code with its words, the strength's label, the advice. */
const checkPassword = (password: string, context: PasswordContext) => {
  const verdict = checkCodes(password, context);
  return {
    ...verdict,
    problems: verdict.problems.map((problem) => ({ code: problem.code, message: passwordProblemText(problem) })),
    strengthLabel: STRENGTH_LABELS[verdict.strength],
    suggestions: passwordSuggestions(verdict),
  };
};

const maria = { name: 'Maria Schmidt', email: 'maria.schmidt@example.com' } as const;
const someoneElse = { name: 'Ann Lee', email: 'ann@lee.org' } as const;

const codesOf = (password: string, context: { name: string; email: string } = maria): PasswordProblemCode[] =>
  checkPassword(password, context).problems.map((problem) => problem.code);

/** Distinct words, so a long passphrase built from them is neither repetitive nor common. */
const WORDS = [
  'amber', 'walrus', 'tundra', 'violin', 'quartz', 'meadow', 'lantern', 'copper', 'falcon', 'harbour',
  'juniper', 'pebble', 'saffron', 'thimble', 'orchid', 'glacier', 'marble', 'nutmeg', 'kettle', 'sparrow',
  'cobalt', 'ferry', 'biscuit', 'prairie', 'lilac', 'anchor', 'velvet', 'cactus', 'beacon', 'mango',
  'raven', 'tulip', 'zephyr', 'otter', 'granite', 'fig', 'oyster', 'canyon', 'willow', 'ember',
];
const passphraseOf = (length: number): string => {
  let text = '';
  for (const word of WORDS) {
    text = text === '' ? word : `${text} ${word}`;
    if (text.length >= length) break;
  }
  expect(text.length).toBeGreaterThanOrEqual(length);
  return text.slice(0, length);
};

beforeAll(() => {
  // The first check ranks the dictionaries; later ones are what a keystroke costs.
  checkPassword('warm up', maria);
});

describe('checkPassword: length', () => {
  it('refuses 7 characters and accepts the same password with an 8th', () => {
    const seven = checkPassword('q7!Vz#L', maria);
    expect(seven.acceptable).toBe(false);
    expect(seven.problems).toContainEqual({ code: 'too-short', message: 'Use at least 8 characters.' });
    expect(checkPassword('q7!Vz#Lp', maria)).toMatchObject({ acceptable: true, problems: [] });
    expect(MIN_PASSWORD_LENGTH).toBe(8);
  });

  it('counts code points, so four emoji are four characters, not eight', () => {
    const emoji = '😀🦊🌉🎸';
    expect(emoji.length).toBe(8);
    expect(codesOf(emoji)).toContain('too-short');
    expect(checkPassword('😀🦊🌉🎸🍕🚲🌵🧭', maria).acceptable).toBe(true);
  });

  it('accepts long passphrases of 64 and 200 characters', () => {
    for (const length of [64, 65, 200]) {
      const verdict = checkPassword(passphraseOf(length), maria);
      expect(verdict.problems).toEqual([]);
      expect(verdict.acceptable).toBe(true);
    }
  });

  it('accepts 256 characters and refuses 257 with a message that gives both numbers', () => {
    const longest = passphraseOf(MAX_PASSWORD_LENGTH);
    expect(checkPassword(longest, maria).acceptable).toBe(true);
    const tooLong = checkPassword(`${longest}x`, maria);
    expect(tooLong.acceptable).toBe(false);
    const problem = tooLong.problems.find((p) => p.code === 'too-long');
    expect(problem?.message).toContain('256');
    expect(problem?.message).toContain('257');
  });

  it('never truncates: characters beyond the analysed start still count', () => {
    const long = passphraseOf(200);
    expect(Array.from(normalisePassword(long))).toHaveLength(200);
    // The tail past zxcvbn's window is what pushes this one over the limit.
    expect(codesOf(`${passphraseOf(200)}${'z'.repeat(57)}`)).toContain('too-long');
    expect(codesOf(`${passphraseOf(200)}${'z'.repeat(56)}`)).not.toContain('too-long');
  });
});

describe('checkPassword: common and breached passwords', () => {
  it.each(['password', 'Password1', 'iloveyou', 'qwerty123', 'letmein!', 'PASSWORD', 'Password2024!', 'p@ssw0rd', 'P@55w0rd'])(
    'refuses %j as too common',
    (password) => {
      const verdict = checkPassword(password, someoneElse);
      expect(verdict.acceptable).toBe(false);
      expect(verdict.problems).toContainEqual({
        code: 'common',
        message: 'This password is too common: it appears in lists of leaked passwords.',
      });
      expect(verdict.strength).toBeLessThanOrEqual(1);
    },
  );

  it('does not call an uncommon word pair with digits common', () => {
    expect(codesOf('walrus tundra 42')).not.toContain('common');
  });
});

describe('checkPassword: context words', () => {
  it.each(['MariaSchmidt2024', 'schmidt-example', 'maria.schmidt77'])('refuses %j for Maria Schmidt', (password) => {
    const verdict = checkPassword(password, maria);
    expect(verdict.acceptable).toBe(false);
    const problem = verdict.problems.find((p) => p.code === 'context');
    expect(problem?.message).toMatch(/^Don’t build the password from your (name|email)/);
  });

  it('names both the name and the email address when the words come from both', () => {
    const problem = checkPassword('MariaSchmidt2024', maria).problems.find((p) => p.code === 'context');
    expect(problem?.message).toBe('Don’t build the password from your name or your email address.');
  });

  it.each(['locket-locket-1', 'L0ck3t-2024!', 'myLOCKETpass'])('refuses %j for using the product name', (password) => {
    const problem = checkPassword(password, someoneElse).problems.find((p) => p.code === 'context');
    expect(problem?.message).toContain('Locket');
  });

  it('leaves the same words alone for someone they do not describe', () => {
    expect(codesOf('schmidt-example', someoneElse)).not.toContain('context');
  });

  it('accepts a password that contains the name among enough other strong material', () => {
    expect(checkPassword('maria walrus tundra violin', maria).acceptable).toBe(true);
  });

  it('shows a refused password built from the name as weak on the meter', () => {
    expect(checkPassword('MariaSchmidt2024', maria).strength).toBeLessThanOrEqual(1);
  });
});

describe('checkPassword: repetitive and sequential', () => {
  it.each(['aaaaaaaa', 'abcabcabc', '12345678', 'qwertyui', 'abcdefgh', 'zxcvbnm,./', 'password password', 'ab'.repeat(30), 'a'.repeat(150)])(
    'refuses %j',
    (password) => {
      const verdict = checkPassword(password, someoneElse);
      expect(verdict.acceptable).toBe(false);
      expect(verdict.problems.some((p) => p.code === 'repetitive' || p.code === 'common')).toBe(true);
    },
  );

  it.each(['aaaaaaaa', 'abcabcabc', 'abcdefgh', 'Zq9aaaaaaaaaaaaaaaaaaaaaaaaaa'])('names %j as repetitive', (password) => {
    expect(codesOf(password, someoneElse)).toContain('repetitive');
  });
});

describe('checkPassword: what is allowed', () => {
  it('has no composition rule: a lowercase passphrase without digits or symbols is fine', () => {
    expect(checkPassword('correct horse battery staple lamp', maria)).toMatchObject({ acceptable: true, problems: [] });
  });

  it('accepts Unicode and emoji', () => {
    expect(checkPassword('correct-horse-bättre-häst-☃', maria).acceptable).toBe(true);
    expect(checkPassword('🦊 fox jumps over 🌉 bridge', maria).acceptable).toBe(true);
  });

  it('accepts a passphrase of 15 or more characters that zxcvbn only rates fair', () => {
    const verdict = checkPassword('goodmorningworld', maria);
    expect(verdict.strength).toBe(2);
    expect(verdict.acceptable).toBe(true);
  });

  it('refuses a shorter password zxcvbn only rates fair, as easy to guess, with advice', () => {
    const verdict = checkPassword('johnsmith12345', maria);
    expect(verdict.strength).toBe(2);
    expect(verdict.problems).toEqual([{ code: 'easy-to-guess', message: 'This password is easy to guess.' }]);
    expect(verdict.suggestions.length).toBeGreaterThan(0);
  });

  it('refuses eight random digits but accepts eight random mixed characters', () => {
    expect(checkPassword('73918264', maria).acceptable).toBe(false);
    expect(checkPassword('Tz4!kq9P', maria).acceptable).toBe(true);
  });
});

describe('checkPassword: normalisation', () => {
  it('normalises with NFKC, so full-width letters read as their plain forms', () => {
    expect(normalisePassword('ｃｏｒｒｅｃｔ　ｈｏｒｓｅ')).toBe('correct horse');
    expect(codesOf('ｐａｓｓｗｏｒｄ', someoneElse)).toContain('common');
    expect(checkPassword('ｃｏｒｒｅｃｔｈｏｒｓｅｂａｔｔｅｒｙ', maria).acceptable).toBe(true);
  });

  it('counts length after composing accents: "e" plus a combining accent is one character', () => {
    const decomposed = 'q7!Vz#e\u0301';
    expect(Array.from(decomposed)).toHaveLength(8);
    expect(codesOf(decomposed)).toContain('too-short');
    expect(normalisePassword(decomposed)).toBe(normalisePassword('q7!Vz#é'));
  });
});

describe('checkPassword: meter and messages', () => {
  it('gives the label that matches the strength', () => {
    const labels = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'];
    for (const password of ['password', 'kiwi%Emu', 'goodmorningworld', 'correct horse battery staple lamp', 'q7!Vz#Lp']) {
      const verdict = checkPassword(password, maria);
      expect(verdict.strengthLabel).toBe(labels[verdict.strength]);
    }
    expect(checkPassword('password', maria).strengthLabel).toBe('Very weak');
    expect(checkPassword('correct horse battery staple lamp', maria).strengthLabel).toBe('Very strong');
  });

  it('grows as the user types a passphrase', () => {
    const phrase = 'correct horse battery staple';
    const strengths = [4, 12, 20, phrase.length].map((end) => checkPassword(phrase.slice(0, end), maria).strength);
    expect(strengths[0]).toBeLessThanOrEqual(1);
    expect(strengths.at(-1)).toBeGreaterThanOrEqual(3);
    expect([...strengths].sort()).toEqual(strengths);
  });

  it('explains every refusal in a sentence and offers advice for guessable ones', () => {
    const refused = ['abc', 'password', 'MariaSchmidt2024', 'aaaaaaaa', 'kiwi%Emu', passphraseOf(256) + '!'];
    for (const password of refused) {
      const verdict = checkPassword(password, maria);
      expect(verdict.acceptable).toBe(false);
      expect(verdict.problems.length).toBeGreaterThan(0);
      for (const { message } of verdict.problems) expect(message).toMatch(/^[A-Z][^_{}]{10,}\.$/u);
      const guessable = verdict.problems.some((p) => p.code !== 'too-short' && p.code !== 'too-long');
      if (guessable) expect(verdict.suggestions.length).toBeGreaterThan(0);
    }
  });

  it('gives no problems and no nagging once a password is strong', () => {
    expect(checkPassword('walrus tundra violin quartz', maria)).toMatchObject({ problems: [], suggestions: [] });
  });
});
