import type { RelayRestoreProblem } from '../../../core/sync-account/relay-restore';
import { catalogue } from '../i18n/catalogue';
import { teamProblemText } from './team-words';

type OwnProblem = Extract<RelayRestoreProblem, { type: 'bad-recovery-words' | 'no-team-for-words' | 'team-cancelled' }>;
type ProblemTexts = { readonly [T in OwnProblem['type']]: string };

/** Why a restore from the relay was refused, beyond the team's own reasons. Nothing was written on this device in any of them. */
const RESTORE_PROBLEMS = catalogue<ProblemTexts>({
  en: {
    'bad-recovery-words': 'These are not the 16 words of a recovery key. Check each word against the printed key.',
    'no-team-for-words': 'This relay holds no team with this recovery key. Check the words and the relay address.',
    'team-cancelled': 'The owner cancelled this team, so the relay refuses it. Restore the team from a device that is still in it.',
  },
  de: {
    'bad-recovery-words': 'Das sind nicht die 16 Wörter eines Wiederherstellungsschlüssels. Vergleichen Sie jedes Wort mit dem gedruckten Schlüssel.',
    'no-team-for-words': 'Dieses Relay kennt kein Team mit diesem Wiederherstellungsschlüssel. Prüfen Sie die Wörter und die Relay-Adresse.',
    'team-cancelled': 'Der Inhaber hat dieses Team gekündigt, daher lehnt das Relay es ab. Stellen Sie das Team von einem Gerät wieder her, das noch dazugehört.',
  },
});

const isOwnProblem = (problem: RelayRestoreProblem): problem is OwnProblem => problem.type in RESTORE_PROBLEMS;

export const relayRestoreProblemText = (problem: RelayRestoreProblem): string =>
  (isOwnProblem(problem) ? RESTORE_PROBLEMS[problem.type] : teamProblemText(problem));

/**
 * The off-device copy on the owner's relay (issue 14): the first-run screen that restores from
 * it, and the switch in Options → Sync that keeps it.
 */
export const RELAY_COPY_WORDS = catalogue({
  en: {
    open: 'Restore from my relay',
    heading: 'Restore from my relay',
    intro: 'Lost the device that held your records? If you kept an encrypted copy on your relay, your printed recovery key brings it back here.',
    relay: 'Relay address', relayHint: 'The address your old device synced with, such as https://relay.example.com.',
    words: 'Recovery key (16 words)', wordsHint: 'The words printed when you turned on the copy, in their order; spaces or line breaks between them.',
    noWords: 'Enter the 16 words of your recovery key.',
    password: 'New password', passwordHint: 'A password for this device. The old one is not needed.',
    device: 'Device name', deviceHint: 'How your other devices list this one.', noDevice: 'Give this device a name.',
    name: 'Your name', email: 'Email',
    ownerMissing: 'The relay’s copy does not say who you are: enter your name and email.',
    restore: 'Restore', restoring: 'Restoring…',
    finishing: 'Your account is made. Bringing your records from the relay…',
    retry: 'Try again', skip: 'Continue without the relay’s records',
    back: 'Create a new account instead',
    failed: (cause: string) => `That did not work: ${cause}`,
    only: 'The relay keeps only ciphertext it cannot read. The recovery key is the only way back if every device is lost.',
    // Options → Sync
    switchLabel: 'Keep an encrypted copy on my relay',
    switchIntro: 'So a lost laptop no longer loses your records: this device syncs with your relay, and a printed recovery key lets a new device restore from it.',
    switchOn: 'An encrypted copy is kept on your relay. Restore it on a new device with your printed recovery key.',
    keyFirst: 'First, print or write down your recovery key. Without it, nobody can open the copy, not even you.',
    makeKey: 'Show my recovery key', makingKey: 'Making the key…',
    keyShown: 'Write these 16 words down, in order, and keep them somewhere safe. Locket shows them only once.',
    keyWords: 'Recovery key words',
    written: 'I have written the words down', done: 'Done',
    connect: 'Connect and keep a copy', connecting: 'Connecting…',
  },
  de: {
    open: 'Von meinem Relay wiederherstellen',
    heading: 'Von meinem Relay wiederherstellen',
    intro: 'Das Gerät mit Ihren Datensätzen ist verloren? Wenn Sie eine verschlüsselte Kopie auf Ihrem Relay aufbewahrt haben, holt Ihr gedruckter Wiederherstellungsschlüssel sie hierher zurück.',
    relay: 'Relay-Adresse', relayHint: 'Die Adresse, mit der Ihr altes Gerät synchronisiert hat, etwa https://relay.example.com.',
    words: 'Wiederherstellungsschlüssel (16 Wörter)', wordsHint: 'Die Wörter, die beim Einschalten der Kopie gedruckt wurden, in ihrer Reihenfolge; dazwischen Leerzeichen oder Zeilenumbrüche.',
    noWords: 'Geben Sie die 16 Wörter Ihres Wiederherstellungsschlüssels ein.',
    password: 'Neues Passwort', passwordHint: 'Ein Passwort für dieses Gerät. Das alte wird nicht gebraucht.',
    device: 'Gerätename', deviceHint: 'So wird dieses Gerät auf Ihren anderen Geräten aufgeführt.', noDevice: 'Geben Sie diesem Gerät einen Namen.',
    name: 'Ihr Name', email: 'E-Mail-Adresse',
    ownerMissing: 'Die Kopie auf dem Relay sagt nicht, wer Sie sind: Geben Sie Ihren Namen und Ihre E-Mail-Adresse ein.',
    restore: 'Wiederherstellen', restoring: 'Wird wiederhergestellt…',
    finishing: 'Ihr Konto ist angelegt. Ihre Datensätze kommen vom Relay…',
    retry: 'Erneut versuchen', skip: 'Ohne die Datensätze vom Relay fortfahren',
    back: 'Stattdessen ein neues Konto anlegen',
    failed: (cause: string) => `Das hat nicht geklappt: ${cause}`,
    only: 'Das Relay speichert nur Chiffretext, den es nicht lesen kann. Der Wiederherstellungsschlüssel ist der einzige Weg zurück, wenn alle Geräte verloren sind.',
    switchLabel: 'Eine verschlüsselte Kopie auf meinem Relay aufbewahren',
    switchIntro: 'Damit ein verlorener Laptop Ihre Datensätze nicht mehr mitnimmt: Dieses Gerät synchronisiert mit Ihrem Relay, und ein gedruckter Wiederherstellungsschlüssel lässt ein neues Gerät daraus wiederherstellen.',
    switchOn: 'Auf Ihrem Relay wird eine verschlüsselte Kopie aufbewahrt. Stellen Sie sie auf einem neuen Gerät mit Ihrem gedruckten Wiederherstellungsschlüssel wieder her.',
    keyFirst: 'Drucken oder notieren Sie zuerst Ihren Wiederherstellungsschlüssel. Ohne ihn kann niemand die Kopie öffnen, auch Sie nicht.',
    makeKey: 'Meinen Wiederherstellungsschlüssel zeigen', makingKey: 'Schlüssel wird erstellt…',
    keyShown: 'Schreiben Sie diese 16 Wörter der Reihe nach auf und bewahren Sie sie sicher auf. Locket zeigt sie nur einmal.',
    keyWords: 'Wörter des Wiederherstellungsschlüssels',
    written: 'Ich habe die Wörter aufgeschrieben', done: 'Fertig',
    connect: 'Verbinden und Kopie aufbewahren', connecting: 'Wird verbunden…',
  },
});
