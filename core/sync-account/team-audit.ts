/**
 * The audit entry a team act leaves on every device that learns it, its own acts and other
 * admins' alike, committed with the cached log that first holds it (team-log-learn.ts; issue 13:
 * "the audit log records member changes"). Audit entries are stored in the clear, HMAC-chained but not encrypted, so they name
 * members and invites by the ids the relay already knows, never by a name or an email (those
 * travel sealed under the team key). Entries that record no member change of their own leave
 * none: the genesis (sync-connected is written already), a join (the invitee's sync-connected),
 * a paired device (device-added is written by the pairing), a member's own profile.
 */
import type { AuditDraft } from '../audit/audit-log';
import type { TeamEntry } from '../team/schemas';
import type { TeamState } from '../team/state';

type TeamAuditDraft = Omit<AuditDraft, 'by'>;

const draft = (type: TeamAuditDraft['type'], detail: TeamAuditDraft['detail']): TeamAuditDraft => ({ type, subjects: [], detail });

/** A removal of a member none of whose devices was ever confirmed is a declined join. */
const wasPendingJoin = (before: TeamState, member: string): boolean => {
  const devices = [...before.devices.values()].filter((device) => device.member === member);
  return devices.length > 0 && devices.every((device) => device.status === 'pending');
};

/** What `entry`, appended on `before`, records in the audit log; null when it records nothing. */
export const teamAuditDraft = (before: TeamState, entry: TeamEntry): TeamAuditDraft | null => {
  const body = entry.body;
  switch (body.type) {
    case 'invite':
      return draft('member-invited', { member: body.member, invite: body.inviteId, role: body.role, canExport: body.canExport });
    case 'revoke-invite':
      return draft('invite-revoked', { invite: body.inviteId });
    case 'confirm':
      return draft('join-confirmed', { member: body.member });
    case 'change-role':
      return draft('member-changed', { member: body.member, role: body.role, canExport: body.canExport });
    case 'remove-member':
      return wasPendingJoin(before, body.member)
        ? draft('join-declined', { member: body.member, epoch: body.rotation.epoch })
        : draft('member-removed', { member: body.member, epoch: body.rotation.epoch });
    case 'transfer-ownership':
      return draft('ownership-transferred', { member: body.member });
    case 'require-two-factor':
      return draft('two-factor-required', { required: body.required });
    case 'add-device':
      return body.recovery ? draft('recovery-key-made', { member: body.member }) : null;
    default:
      return null;
  }
};
