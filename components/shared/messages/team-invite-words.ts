import { catalogue } from '../i18n/catalogue';

/** The Team section's invites and the recovery key asked for before the first one. */
export const TEAM_INVITE_WORDS = catalogue({
  en: {
    heading: 'Invite a member', role: 'Role',
    expiry: 'Days until the invite expires', expiryHint: 'From 1 to 30 days.', badExpiry: 'Choose from 1 to 30 days.',
    create: 'Create invite', creating: 'Creating…',
    offerIntro: 'Give this code to the person you invite, by a channel you trust (in person, or on the phone). In Locket’s settings, under Sync, they choose “Join a team” and enter it with this device’s relay address.',
    code: 'Invite code', qr: 'Invite code as a QR image',
    expires: (date: string) => `The code works once and expires on ${date}.`,
    done: 'Done',
    openInvites: 'Open invites',
    openInvite: (role: string, exportRight: string, date: string) => `${role}, ${exportRight}, expires on ${date}`,
    revoke: 'Revoke', revokeInvite: (role: string, date: string) => `Revoke the ${role} invite expiring on ${date}`,
    recoveryHeading: 'Before the first invite',
    recoveryWhy: 'If every device of the team’s owners is lost, the team’s records are lost with them: nobody can open them, not even whoever runs the relay. Make a recovery key and keep it on paper. Once a member has joined, you can also make them a second owner.',
    makeKey: 'Make a recovery key', makingKey: 'Making the key…',
    keyShown: 'Your recovery key. Write these words down or print them, and keep them somewhere safe: Locket shows them only this once.',
    keyWords: 'Recovery key words', written: 'I have written these words down', keyDone: 'Continue',
  },
  de: {
    heading: 'Mitglied einladen', role: 'Rolle',
    expiry: 'Tage bis zum Ablauf der Einladung', expiryHint: '1 bis 30 Tage.', badExpiry: 'Wählen Sie 1 bis 30 Tage.',
    create: 'Einladung erstellen', creating: 'Wird erstellt…',
    offerIntro: 'Geben Sie diesen Code der eingeladenen Person über einen Weg, dem Sie vertrauen (persönlich oder am Telefon). In den Einstellungen von Locket wählt sie unter „Synchronisierung“ „Einem Team beitreten“ und gibt ihn zusammen mit der Relay-Adresse dieses Geräts ein.',
    code: 'Einladungscode', qr: 'Einladungscode als QR-Bild',
    expires: (date: string) => `Der Code gilt einmal und läuft am ${date} ab.`,
    done: 'Fertig',
    openInvites: 'Offene Einladungen',
    openInvite: (role: string, exportRight: string, date: string) => `${role}, ${exportRight}, läuft am ${date} ab`,
    revoke: 'Widerrufen', revokeInvite: (role: string, date: string) => `Einladung „${role}“ mit Ablauf am ${date} widerrufen`,
    recoveryHeading: 'Vor der ersten Einladung',
    recoveryWhy: 'Gehen alle Geräte der Inhaber des Teams verloren, sind auch die Datensätze des Teams verloren: Niemand kann sie öffnen, auch nicht der Betreiber des Relays. Erstellen Sie einen Wiederherstellungsschlüssel und bewahren Sie ihn auf Papier auf. Sobald ein Mitglied beigetreten ist, können Sie es außerdem zum zweiten Inhaber machen.',
    makeKey: 'Wiederherstellungsschlüssel erstellen', makingKey: 'Schlüssel wird erstellt…',
    keyShown: 'Ihr Wiederherstellungsschlüssel. Schreiben Sie diese Wörter ab oder drucken Sie sie aus und bewahren Sie sie sicher auf: Locket zeigt sie nur dieses eine Mal.',
    keyWords: 'Wörter des Wiederherstellungsschlüssels', written: 'Ich habe diese Wörter aufgeschrieben', keyDone: 'Weiter',
  },
});
