import { describe, expect, it } from 'vitest';
import { mayAppend, mayPush, type MemberRole } from '../../../core/team/roles';

const everyday = { items: [{ op: 'create' as const, kind: 'person' }, { op: 'update' as const, kind: 'organisation' }, { op: 'delete' as const, kind: 'case' }] };
const adminOnly = [
  { name: 'restore from trash', set: { items: [{ op: 'restore' as const, kind: 'person' }] } },
  { name: 'delete forever', set: { items: [{ op: 'purge' as const, kind: 'person' }] } },
  { name: 'erase a person', set: { items: [{ op: 'erase' as const, kind: 'person' }] } },
  { name: 'undo an import', set: { undoOf: 'batch-1', items: [{ op: 'delete' as const, kind: 'person' }] } },
  { name: 'change team settings', set: { items: [{ op: 'update' as const, kind: 'settings' }] } },
];

describe('the role table (issue 13)', () => {
  it('lets a read-only member push nothing at all', () => {
    expect(mayPush('read-only', everyday)).toBe(false);
    for (const { set } of adminOnly) expect(mayPush('read-only', set)).toBe(false);
  });

  it.each(adminOnly)('lets a standard member create, edit and trash, but not $name', ({ set }) => {
    expect(mayPush('standard', everyday)).toBe(true);
    expect(mayPush('standard', set)).toBe(false);
    expect(mayPush('standard', { items: [...everyday.items, ...set.items], ...('undoOf' in set ? { undoOf: set.undoOf } : {}) })).toBe(false);
    expect(mayPush('admin', set)).toBe(true);
    expect(mayPush('owner', set)).toBe(true);
  });

  it('lets admins manage standard and read-only members, and only the owner manage admins', () => {
    const roles: MemberRole[] = ['read-only', 'standard', 'admin', 'owner'];
    const table = roles.map((role) => [
      mayAppend(role, { act: 'invite', role: 'standard' }),
      mayAppend(role, { act: 'invite', role: 'admin' }),
      mayAppend(role, { act: 'remove', role: 'read-only' }),
      mayAppend(role, { act: 'remove', role: 'admin' }),
      mayAppend(role, { act: 'remove', role: 'owner' }),
      mayAppend(role, { act: 'change-role', from: 'read-only', to: 'standard' }),
      mayAppend(role, { act: 'change-role', from: 'standard', to: 'admin' }),
      mayAppend(role, { act: 'transfer-ownership' }),
      mayAppend(role, { act: 'require-two-factor' }),
    ]);
    expect(table).toEqual([
      [false, false, false, false, false, false, false, false, false],
      [false, false, false, false, false, false, false, false, false],
      [true, false, true, false, false, true, false, false, false],
      [true, true, true, true, false, true, true, true, true],
    ]);
  });
});
