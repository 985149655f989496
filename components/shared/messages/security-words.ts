import { catalogue } from '../i18n/catalogue';

/** The words of the security section: changing the password (the keys and codes follow in their own tables). */
export const CHANGE_PASSWORD_WORDS = catalogue({
  en: {
    locked: 'Locket is locked. Unlock it again to change your password.',
    notChanged: (cause: string) => `The password was not changed: ${cause}`,
    title: 'Change password',
    hint: 'Your data is not re-encrypted; only the key that opens it is. Nobody can reset a forgotten password.',
    current: 'Current password', next: 'New password', changing: 'Changing…',
    changed: 'Password changed. Use the new one the next time you unlock.',
  },
  de: {
    locked: 'Locket ist gesperrt. Entsperren Sie es erneut, um Ihr Passwort zu ändern.',
    notChanged: (cause: string) => `Das Passwort wurde nicht geändert: ${cause}`,
    title: 'Passwort ändern',
    hint: 'Ihre Daten werden nicht neu verschlüsselt, nur der Schlüssel, der sie öffnet. Ein vergessenes Passwort kann niemand zurücksetzen.',
    current: 'Aktuelles Passwort', next: 'Neues Passwort', changing: 'Wird geändert…',
    changed: 'Passwort geändert. Verwenden Sie beim nächsten Entsperren das neue.',
  },
});
