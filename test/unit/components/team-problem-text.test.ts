import { afterEach, describe, expect, it } from 'vitest';
import type { TeamProblem } from '../../../core/team/team-view';
import { setCurrentLocale } from '../../../components/shared/i18n/locale';
import { teamProblemText } from '../../../components/shared/messages/team-words';

/** One of every refusal the team's calls may answer with: its own, and sync's that reach the Team section most. */
const PROBLEMS: readonly TeamProblem[] = [
  { type: 'not-in-team' }, { type: 'role-forbidden' }, { type: 'bad-invite-code' }, { type: 'invite-expired' }, { type: 'invite-used' },
  { type: 'needs-recovery' }, { type: 'last-owner' }, { type: 'two-factor-required' }, { type: 'log-refused', reason: 'stale head' },
  { type: 'relay-unreachable' }, { type: 'relay-refused', code: 'rate_limited' }, { type: 'locked' }, { type: 'not-connected' },
];

afterEach(() => { setCurrentLocale('en'); });

describe('team problem words', () => {
  it('give every refusal its own sentence, in English and in German', () => {
    for (const locale of ['en', 'de'] as const) {
      setCurrentLocale(locale);
      const texts = PROBLEMS.map(teamProblemText);
      expect(texts.every((text) => text.length > 20), locale).toBe(true);
      expect(new Set(texts).size, locale).toBe(PROBLEMS.length);
    }
    setCurrentLocale('de');
    expect(teamProblemText({ type: 'invite-expired' })).toBe('Diese Einladung ist abgelaufen. Bitten Sie um eine neue.');
    expect(teamProblemText({ type: 'relay-unreachable' })).toContain('Das Relay hat nicht geantwortet.');
  });

  it('carry the detail a refusal came with', () => {
    expect(teamProblemText({ type: 'log-refused', reason: 'stale head' })).toContain('(stale head)');
    expect(teamProblemText({ type: 'relay-refused', code: 'rate_limited' })).toContain('(rate_limited)');
  });
});
