import { catalogue } from '../i18n/catalogue';
import { formatNumber } from '../i18n/format';

/** Recent logins of a team's members, as the owner and admins see them (components/locket-member-logins). */
export const MEMBER_LOGINS_WORDS = catalogue({
  en: {
    heading: 'Team members’ logins',
    lead: 'When each member’s devices were unlocked, and when the relay opened a session for them. Only the owner and admins see this.',
    loading: 'Loading…',
    refresh: 'Refresh',
    none: 'No logins from team members yet.',
    caption: (n: number) => `Team members’ logins: the last ${n === 1 ? 'one' : formatNumber(n)}`,
    member: 'Member', device: 'Device', event: 'What', time: 'Time',
    unlocked: 'Unlocked',
    session: 'Relay session',
    sessionVerified: 'Relay session (two-factor verified by the relay)',
    unknownMember: 'Former or unknown member',
    unknownDevice: 'Unnamed device',
    failed: (reason: string) => `The team members’ logins could not be read: ${reason}`,
  },
  de: {
    heading: 'Anmeldungen der Teammitglieder',
    lead: 'Wann die Geräte der Mitglieder entsperrt wurden und wann das Relay eine Sitzung für sie geöffnet hat. Nur der Inhaber und Administratoren sehen dies.',
    loading: 'Wird geladen…',
    refresh: 'Aktualisieren',
    none: 'Noch keine Anmeldungen von Teammitgliedern.',
    caption: (n: number) => `Anmeldungen der Teammitglieder: ${n === 1 ? 'die letzte' : `die letzten ${formatNumber(n)}`}`,
    member: 'Mitglied', device: 'Gerät', event: 'Was', time: 'Zeit',
    unlocked: 'Entsperrt',
    session: 'Relay-Sitzung',
    sessionVerified: 'Relay-Sitzung (zweiter Faktor vom Relay geprüft)',
    unknownMember: 'Ehemaliges oder unbekanntes Mitglied',
    unknownDevice: 'Unbenanntes Gerät',
    failed: (reason: string) => `Die Anmeldungen der Teammitglieder konnten nicht gelesen werden: ${reason}`,
  },
});
