import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../../core/security/base64url';
import { formatInviteCode, newInviteSecret, parseInviteCode } from '../../../core/team/invite-secret';
import { codeGroups, typedCode } from '../../../components/sync/sync-text';

/** A team id with both of base64url's signs in it, which a code shown in groups once lost. */
const TEAM_WITH_SIGNS = toBase64Url(new Uint8Array([0xfb, 0xff, 0xbf, ...new Array<number>(13).fill(7)]));

describe('invite code', () => {
  it('comes back whole after it is shown in groups and typed as shown, whatever the team id holds', () => {
    expect(TEAM_WITH_SIGNS).toMatch(/[-_]/);
    const secret = newInviteSecret();
    const shown = codeGroups(formatInviteCode(TEAM_WITH_SIGNS, secret)).join(' ');
    expect(shown).toMatch(/^([0-9A-Z]{4} )+[0-9A-Z]{1,4}$/);
    expect(parseInviteCode(typedCode(shown))).toEqual({ team: TEAM_WITH_SIGNS, secret });
  });

  it('is read case-blind, with dashes, and refuses a code with a character missing', () => {
    const secret = newInviteSecret();
    const code = formatInviteCode(TEAM_WITH_SIGNS, secret);
    expect(parseInviteCode(code.toLowerCase().replace(/(.{4})/g, '$1-'))).toEqual({ team: TEAM_WITH_SIGNS, secret });
    expect(parseInviteCode(code.slice(1))).toBeNull();
  });
});
