import { describe, expect, it } from 'vitest';
import { CAPTURE_LIMITS } from '../../../core/capture/types';
import { teamMembers } from '../../fixtures/capture/generate';
import { captureFixture, captureHtml, names } from './pages';

describe('capturing a team page', () => {
  const members = teamMembers(500);
  const result = captureFixture('team-500.html');

  it('lists all 500 people once each, though the page describes them twice', () => {
    expect(names(result)).toEqual(members.map((member) => member.name));
  });

  it('merges what each description adds: the job title from one, the phone from the other', () => {
    result.people.forEach((person, index) => {
      const member = members[index]!;
      expect(person).toMatchObject({
        emails: [member.email],
        phones: [member.phone.replace(/ /g, '')],
        jobTitle: member.jobTitle,
        organisationName: 'Meridian Partners',
      });
    });
  });

  it('names the organisation once', () => {
    expect(result.organisations).toMatchObject([{ name: 'Meridian Partners', domain: 'meridian.example' }]);
  });

  it('stops at 500 people on a page that lists more', () => {
    const cards = Array.from({ length: 600 }, (_, index) =>
      `<div class="h-card"><span class="p-name">Member Number${index}</span><a class="u-email" href="mailto:m${index}@big.example">mail</a></div>`);
    const big = captureHtml(cards.join('\n'));
    expect(big.people).toHaveLength(CAPTURE_LIMITS.people);
    expect(big.people.at(-1)?.name).toBe(`Member Number${CAPTURE_LIMITS.people - 1}`);
  });
});
