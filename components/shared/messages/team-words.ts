import type { MemberRole } from '../../../core/team/roles';
import type { TeamMemberView, TeamProblem } from '../../../core/team/team-view';
import type { SyncProblem } from '../../../core/sync/ports';
import { catalogue } from '../i18n/catalogue';
import { syncProblemText } from './sync-messages';

type OwnProblem = Exclude<TeamProblem, SyncProblem>;
type ProblemTexts = { readonly [T in OwnProblem['type']]: (problem: Extract<OwnProblem, { type: T }>) => string };

/** Why the team refused an act, beyond sync's own reasons; a code without words fails to compile. */
const TEAM_PROBLEM_MESSAGES = catalogue<ProblemTexts>({
  en: {
    'not-in-team': () => 'This device is in no team. Connect it to a relay, or join a team with an invite code.',
    'role-forbidden': () => 'Your role in the team does not allow this. An admin or the owner can do it.',
    'bad-invite-code': () => 'This invite code is not right. Check it against the code you were given.',
    'invite-expired': () => 'This invite has expired. Ask for a new one.',
    'invite-used': () => 'This invite has already been used. An invite works once: ask for a new one.',
    'needs-recovery': () => 'Before the first invite, make a recovery key, so the team’s records survive losing every owner device.',
    'last-owner': () => 'The team needs an owner. Make another member owner first.',
    'log-refused': ({ reason }) => `The team’s membership log refused this change (${reason}). Nothing was changed.`,
  },
  de: {
    'not-in-team': () => 'Dieses Gerät gehört zu keinem Team. Verbinden Sie es mit einem Relay oder treten Sie mit einem Einladungscode einem Team bei.',
    'role-forbidden': () => 'Ihre Rolle im Team erlaubt das nicht. Ein Administrator oder der Inhaber kann es tun.',
    'bad-invite-code': () => 'Dieser Einladungscode stimmt nicht. Vergleichen Sie ihn mit dem Code, den Sie erhalten haben.',
    'invite-expired': () => 'Diese Einladung ist abgelaufen. Bitten Sie um eine neue.',
    'invite-used': () => 'Diese Einladung wurde bereits verwendet. Eine Einladung gilt nur einmal: Bitten Sie um eine neue.',
    'needs-recovery': () => 'Erstellen Sie vor der ersten Einladung einen Wiederherstellungsschlüssel, damit die Datensätze des Teams den Verlust aller Geräte des Inhabers überstehen.',
    'last-owner': () => 'Das Team braucht einen Inhaber. Machen Sie zuerst ein anderes Mitglied zum Inhaber.',
    'log-refused': ({ reason }) => `Das Mitgliederprotokoll des Teams hat diese Änderung abgelehnt (${reason}). Es wurde nichts geändert.`,
  },
});

const isOwnProblem = (problem: TeamProblem): problem is OwnProblem => problem.type in TEAM_PROBLEM_MESSAGES;

/** Words for every reason the team refused: its own, or sync's. */
export const teamProblemText = (problem: TeamProblem): string =>
  (isOwnProblem(problem) ? (TEAM_PROBLEM_MESSAGES[problem.type] as (problem: OwnProblem) => string)(problem) : syncProblemText(problem));

/** Roles and member states, as every Team and Users view names them. */
export const TEAM_NAMES = catalogue({
  en: {
    roles: { 'read-only': 'Read-only', standard: 'Standard', admin: 'Admin', owner: 'Owner' } as Readonly<Record<MemberRole, string>>,
    statuses: { joined: 'Waiting for confirmation', active: 'Active', removed: 'Removed' } as Readonly<Record<TeamMemberView['status'], string>>,
    /** What each role may do, beside the choice of role. */
    roleHints: {
      'read-only': 'Reads everything; changes nothing.',
      standard: 'Creates, edits and moves records to the trash.',
      admin: 'Also restores and deletes for good, changes team settings, and invites and manages standard and read-only members.',
      owner: 'Everything, including making admins and owners.',
    } as Readonly<Record<MemberRole, string>>,
    mayExport: 'May export', mayNotExport: 'No export',
    /** Beside every export right: the right governs files, not what the eyes see. */
    copyWarning: 'A member who can read can copy what they read.',
    you: (name: string) => `${name} (you)`,
    failed: (cause: string) => `That did not work: ${cause}`,
  },
  de: {
    roles: { 'read-only': 'Nur lesen', standard: 'Standard', admin: 'Administrator', owner: 'Inhaber' },
    statuses: { joined: 'Wartet auf Bestätigung', active: 'Aktiv', removed: 'Entfernt' },
    roleHints: {
      'read-only': 'Liest alles, ändert nichts.',
      standard: 'Legt Datensätze an, bearbeitet sie und verschiebt sie in den Papierkorb.',
      admin: 'Stellt außerdem wieder her und löscht endgültig, ändert Team-Einstellungen und lädt Mitglieder mit den Rollen „Standard“ und „Nur lesen“ ein und verwaltet sie.',
      owner: 'Alles, auch Administratoren und Inhaber ernennen.',
    },
    mayExport: 'Darf exportieren', mayNotExport: 'Kein Export',
    copyWarning: 'Wer lesen kann, kann auch kopieren, was er liest.',
    you: (name: string) => `${name} (Sie)`,
    failed: (cause: string) => `Das hat nicht geklappt: ${cause}`,
  },
});
