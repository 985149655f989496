import { describe, expect, it } from 'vitest';
import { entityAt, entityTitle, initialEntity } from '../../../core/quick-capture/entities';
import { emptyDraft, fitCapture, parseCaptureDraft, parsePendingCapture } from '../../../core/quick-capture/pending';
import { captureFixture } from '../capture/pages';

describe('what a capture opens on', () => {
  it('opens straight onto the one person a profile page describes', () => {
    expect(initialEntity(captureFixture('json-ld-person.html'), '')).toEqual({ kind: 'person', index: 0 });
  });

  it('lists a team page’s people to pick from', () => {
    const team = captureFixture('team-500.html');
    expect(initialEntity(team, '')).toBeNull();
    expect(entityTitle(entityAt(team, { kind: 'person', index: 42 })!)).toBe(team.people[42]!.name);
  });

  it('opens on the person whose link the user captured from', () => {
    const team = captureFixture('team-500.html');
    const seventh = team.people[7]!;
    expect(initialEntity(team, `mailto:${seventh.emails[0]!.toUpperCase()}?subject=Hello`)).toEqual({ kind: 'person', index: 7 });
  });

  it('has nothing to open for a position the capture does not have', () => {
    expect(entityAt(captureFixture('json-ld-person.html'), { kind: 'person', index: 3 })).toBeNull();
  });
});

describe('a waiting capture', () => {
  const team = captureFixture('team-500.html');

  it('is cut to fit session storage by dropping people from the end of the list', () => {
    const size = JSON.stringify(team).length;
    const fitted = fitCapture(team, Math.floor(size / 2));
    expect(JSON.stringify(fitted).length).toBeLessThanOrEqual(size / 2);
    expect(fitted.people.length).toBeGreaterThan(100);
    expect(fitted.people).toEqual(team.people.slice(0, fitted.people.length));
    expect(fitCapture(team)).toBe(team);
  });

  it('reads back as written, and a draft only belongs to its own capture', () => {
    const pending = { id: 'c1', requestedAt: 5, capture: team, linkUrl: '' };
    expect(parsePendingCapture(structuredClone(pending))).toEqual(pending);
    const draft = { ...emptyDraft('c1'), entity: { kind: 'person' as const, index: 2 }, values: { firstName: 'Ada' } };
    expect(parseCaptureDraft(structuredClone(draft), 'c1')).toEqual(draft);
    expect(parseCaptureDraft(draft, 'c2')).toBeNull();
    expect(parseCaptureDraft({ ...draft, values: { firstName: 7 } }, 'c1')).toBeNull();
  });
});
