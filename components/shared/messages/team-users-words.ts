import { catalogue } from '../i18n/catalogue';

/** The Users section while this device is in a team: every member, their devices, and whose word their two-factor status is. */
export const TEAM_USERS_WORDS = catalogue({
  en: {
    caption: 'Members of the team', name: 'Name', email: 'Email', role: 'Role', exportRight: 'Export', devices: 'Devices',
    lastSeen: 'Last seen', twoFactor: 'Two-factor', on: 'On', off: 'Off', never: 'Never',
    /** The relay checked a fresh assertion from the member's registered key when a session started. */
    relayWord: 'verified by the relay',
    /** Only the member's own device says so. */
    memberWord: 'reported by their device',
    pendingDevice: (name: string) => `${name} (waiting for confirmation)`,
    required: 'The owner requires two-factor for every member.',
  },
  de: {
    caption: 'Mitglieder des Teams', name: 'Name', email: 'E-Mail', role: 'Rolle', exportRight: 'Export', devices: 'Geräte',
    lastSeen: 'Zuletzt gesehen', twoFactor: 'Zwei-Faktor', on: 'An', off: 'Aus', never: 'Nie',
    relayWord: 'vom Relay geprüft',
    memberWord: 'von ihrem Gerät gemeldet',
    pendingDevice: (name: string) => `${name} (wartet auf Bestätigung)`,
    required: 'Der Inhaber verlangt Zwei-Faktor-Anmeldung für alle Mitglieder.',
  },
});
