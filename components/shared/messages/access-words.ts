import { catalogue } from '../i18n/catalogue';

/** The words of the screens before the data opens: first-run setup, the lock screen and the gate. */
export const ACCESS_WORDS = catalogue({
  en: {
    opening: 'Opening Locket…',
    openFailed: (cause: string) => `Locket could not open its data: ${cause}`,
    setupTitle: 'Set up Locket',
    setupLead: 'Your contacts stay on this device, encrypted with a key only your password opens. '
      + 'Nobody can reset it for you, so choose one you will remember.',
    createAccount: 'Create your account',
    yourName: 'Your name', email: 'Email', password: 'Password',
    creating: 'Creating…', create: 'Create account',
    movingHint: 'Moving Locket from another device? Create your account here, then restore your backup from Settings → Backup.',
    lockedTitle: 'Locket is locked',
    lockedLead: 'Enter your password to open your contacts.',
    unlockForm: 'Unlock Locket', unlock: 'Unlock', unlocking: 'Unlocking…',
    keyHint: 'After your password, Locket asks for your security key.',
    recoveryCode: 'Recovery code',
    useKey: 'Use my security key', useCode: 'Use a recovery code',
    strength: 'Password strength', strengthIs: (label: string) => `Strength: ${label}`,
    show: (label: string) => `Show ${label.toLowerCase()}`, showButton: 'Show', hideButton: 'Hide',
  },
  de: {
    opening: 'Locket wird geöffnet…',
    openFailed: (cause: string) => `Locket konnte seine Daten nicht öffnen: ${cause}`,
    setupTitle: 'Locket einrichten',
    setupLead: 'Ihre Kontakte bleiben auf diesem Gerät, verschlüsselt mit einem Schlüssel, den nur Ihr Passwort öffnet. '
      + 'Niemand kann es für Sie zurücksetzen, wählen Sie also eines, das Sie sich merken.',
    createAccount: 'Ihr Konto erstellen',
    yourName: 'Ihr Name', email: 'E-Mail', password: 'Passwort',
    creating: 'Wird erstellt…', create: 'Konto erstellen',
    movingHint: 'Sie ziehen mit Locket von einem anderen Gerät um? Erstellen Sie hier Ihr Konto und stellen Sie dann Ihre Sicherung unter Einstellungen → Sicherung wieder her.',
    lockedTitle: 'Locket ist gesperrt',
    lockedLead: 'Geben Sie Ihr Passwort ein, um Ihre Kontakte zu öffnen.',
    unlockForm: 'Locket entsperren', unlock: 'Entsperren', unlocking: 'Wird entsperrt…',
    keyHint: 'Nach Ihrem Passwort fragt Locket nach Ihrem Sicherheitsschlüssel.',
    recoveryCode: 'Wiederherstellungscode',
    useKey: 'Meinen Sicherheitsschlüssel verwenden', useCode: 'Einen Wiederherstellungscode verwenden',
    strength: 'Passwortstärke', strengthIs: (label: string) => `Stärke: ${label}`,
    show: (label: string) => `${label} anzeigen`, showButton: 'Anzeigen', hideButton: 'Verbergen',
  },
});
