import { catalogue } from '../i18n/catalogue';

/** The owner's cancellation of the whole team, and its restore within 14 days. */
export const TEAM_CANCEL_WORDS = catalogue({
  en: {
    heading: 'Cancel the team',
    open: 'Cancel the team…',
    confirmName: 'Confirm cancelling the team',
    question: 'Cancel the team for every member?',
    loseAccess: 'Every member loses access at once: the relay refuses their devices from now on.',
    restoreUntil: (date: string) => `You can restore the team until ${date}.`,
    afterThat: 'After that the relay deletes everything of the team, and each device removes its copy.',
    confirm: 'Cancel the team',
    cancelling: 'Cancelling…',
    keep: 'Keep the team',
    cancelled: (on: string, until: string) => `Cancelled on ${on}; you can restore it until ${until}.`,
    restore: 'Restore the team',
    restoring: 'Restoring…',
  },
  de: {
    heading: 'Team kündigen',
    open: 'Team kündigen…',
    confirmName: 'Kündigung des Teams bestätigen',
    question: 'Das Team für alle Mitglieder kündigen?',
    loseAccess: 'Alle Mitglieder verlieren sofort den Zugang: Das Relay lehnt ihre Geräte ab jetzt ab.',
    restoreUntil: (date: string) => `Sie können das Team bis ${date} wiederherstellen.`,
    afterThat: 'Danach löscht das Relay alles vom Team, und jedes Gerät entfernt seine Kopie.',
    confirm: 'Team kündigen',
    cancelling: 'Wird gekündigt…',
    keep: 'Team behalten',
    cancelled: (on: string, until: string) => `Gekündigt am ${on}; Sie können es bis ${until} wiederherstellen.`,
    restore: 'Team wiederherstellen',
    restoring: 'Wird wiederhergestellt…',
  },
});
