import type { FieldTexts } from './field-messages';
import type {
  AccessRefusal, AccountRefusal, CancellationRefusal, FieldRefusals, LoginNote, OwnerIssue,
} from '../../../core/vault/access-refusals';
import { passwordProblemText } from './password-messages';
import { ceremonyFailureText, KEY_CHECK_MESSAGES } from './security-key-messages';

import { catalogue } from '../i18n/catalogue';
import { formatNumber } from '../i18n/format';

/** "45 s", "3 min", "2 h": how long the owner waits before the next unlock attempt (the units read alike in both languages). */
const waitText = (seconds: number): string =>
  (seconds < 120 ? `${formatNumber(seconds)} s` : seconds < 7200 ? `${formatNumber(Math.ceil(seconds / 60))} min` : `${formatNumber(Math.ceil(seconds / 3600))} h`);

type AccessTexts = { readonly [T in AccessRefusal['type']]: (refusal: Extract<AccessRefusal, { type: T }>) => string };

/** The words for each refusal of an unlock or of a change to the factors; a code without words fails to compile. */
export const ACCESS_MESSAGES = catalogue<AccessTexts>({
  en: {
    'throttled': ({ waitSeconds }) => `Too many failed attempts. Try again in ${waitText(waitSeconds)}.`,
    'no-account-yet': () => 'There is no account on this device yet.',
    'no-security-key': () => 'This account has no security key.',
    'key-prompt': ({ prompt }) => ceremonyFailureText(prompt),
    'key-not-this-account': () => 'This security key is not registered with this account.',
    'key-refused': ({ reason }) => KEY_CHECK_MESSAGES[reason],
    'wrong-password': () => 'Wrong password.',
    'wrong-password-or-key': () => 'Wrong password, or this key does not open this account.',
    'recovery-needs-key': () => 'Recovery codes work only once a security key is set up.',
    'recovery-code-used': () => 'That recovery code was used before; each works once.',
    'wrong-password-or-code': () => 'Wrong password or recovery code.',
  },
  de: {
    'throttled': ({ waitSeconds }) => `Zu viele fehlgeschlagene Versuche. Versuchen Sie es in ${waitText(waitSeconds)} erneut.`,
    'no-account-yet': () => 'Auf diesem Gerät gibt es noch kein Konto.',
    'no-security-key': () => 'Dieses Konto hat keinen Sicherheitsschlüssel.',
    'key-prompt': ({ prompt }) => ceremonyFailureText(prompt),
    'key-not-this-account': () => 'Dieser Sicherheitsschlüssel ist bei diesem Konto nicht registriert.',
    'key-refused': ({ reason }) => KEY_CHECK_MESSAGES[reason],
    'wrong-password': () => 'Falsches Passwort.',
    'wrong-password-or-key': () => 'Falsches Passwort, oder dieser Schlüssel öffnet dieses Konto nicht.',
    'recovery-needs-key': () => 'Wiederherstellungscodes funktionieren erst, wenn ein Sicherheitsschlüssel eingerichtet ist.',
    'recovery-code-used': () => 'Dieser Wiederherstellungscode wurde schon verwendet; jeder gilt nur einmal.',
    'wrong-password-or-code': () => 'Falsches Passwort oder falscher Wiederherstellungscode.',
  },
});

export const accessRefusalText = (refusal: AccessRefusal): string =>
  (ACCESS_MESSAGES[refusal.type] as (refusal: AccessRefusal) => string)(refusal);

const OWNER_ISSUE_MESSAGES = catalogue<{ readonly [I in OwnerIssue]: string }>({
  en: {
    'owner-missing': 'Enter your name and email address.',
    'name-missing': 'Enter your name.',
    'name-too-long': 'Use at most 200 characters.',
    'email-missing': 'Enter your email address.',
    'email-invalid': 'Enter a valid email address, such as you@example.com.',
    'field-invalid': 'Check this field.',
  },
  de: {
    'owner-missing': 'Geben Sie Ihren Namen und Ihre E-Mail-Adresse ein.',
    'name-missing': 'Geben Sie Ihren Namen ein.',
    'name-too-long': 'Verwenden Sie höchstens 200 Zeichen.',
    'email-missing': 'Geben Sie Ihre E-Mail-Adresse ein.',
    'email-invalid': 'Geben Sie eine gültige E-Mail-Adresse ein, etwa sie@example.com.',
    'field-invalid': 'Prüfen Sie dieses Feld.',
  },
});

type AccountOnly = Exclude<AccountRefusal, AccessRefusal>;

type AccountTexts = { readonly [T in AccountOnly['type']]: (refusal: Extract<AccountOnly, { type: T }>) => string };

/** The words for the refusals of the account forms beyond those of an unlock. */
export const ACCOUNT_MESSAGES = catalogue<AccountTexts>({
  en: {
    'owner-field': ({ issue }) => OWNER_ISSUE_MESSAGES[issue],
    'password-problem': ({ problem }) => passwordProblemText(problem),
    'account-exists': () => 'This device already has an account. Unlock it instead.',
    'key-name-invalid': () => 'Give the key a name of up to 60 characters, such as “Blue YubiKey”.',
    'key-name-taken': () => 'Another key already has this name.',
    'key-already-registered': () => 'This key is already registered.',
    'key-unknown': () => 'This key is not registered.',
    'confirm-with-key': ({ keyName }) => `Confirm with “${keyName}” this time: Locket needs it once to carry it over.`,
    'weaker-key': () => 'This key has no PRF. While it is registered, your data can be opened with the password alone. '
      + 'To add it anyway, confirm with one of your keys.',
    'weaker-key-needs-touch': () => 'Adding a key without PRF needs a touch of one of your keys: clear the recovery code.',
    'unlocked-with-other-keys': () => 'Locket was unlocked with other keys. Lock it and unlock it again.',
    'confirm-with-other-key': () => 'Confirm with one of your other registered keys, or use a recovery code.',
  },
  de: {
    'owner-field': ({ issue }) => OWNER_ISSUE_MESSAGES[issue],
    'password-problem': ({ problem }) => passwordProblemText(problem),
    'account-exists': () => 'Dieses Gerät hat bereits ein Konto. Entsperren Sie es stattdessen.',
    'key-name-invalid': () => 'Geben Sie dem Schlüssel einen Namen mit bis zu 60 Zeichen, etwa „Blauer YubiKey“.',
    'key-name-taken': () => 'Ein anderer Schlüssel hat bereits diesen Namen.',
    'key-already-registered': () => 'Dieser Schlüssel ist bereits registriert.',
    'key-unknown': () => 'Dieser Schlüssel ist nicht registriert.',
    'confirm-with-key': ({ keyName }) => `Bestätigen Sie diesmal mit „${keyName}“: Locket braucht ihn einmal, um ihn zu übernehmen.`,
    'weaker-key': () => 'Dieser Schlüssel hat kein PRF. Solange er registriert ist, lassen sich Ihre Daten allein mit dem Passwort öffnen. '
      + 'Um ihn trotzdem hinzuzufügen, bestätigen Sie mit einem Ihrer Schlüssel.',
    'weaker-key-needs-touch': () => 'Ein Schlüssel ohne PRF lässt sich nur mit einer Berührung eines Ihrer Schlüssel hinzufügen: Leeren Sie das Feld für den Wiederherstellungscode.',
    'unlocked-with-other-keys': () => 'Locket wurde mit anderen Schlüsseln entsperrt. Sperren Sie es und entsperren Sie es erneut.',
    'confirm-with-other-key': () => 'Bestätigen Sie mit einem Ihrer anderen registrierten Schlüssel oder verwenden Sie einen Wiederherstellungscode.',
  },
});

const TEXTS = catalogue({
  en: {
    alreadyCancelled: 'This account is already cancelled.',
    restoreWindowClosed: 'The 14 days to restore this account have passed. Locket is deleting it.',
    accountCreated: 'Account created',
  },
  de: {
    alreadyCancelled: 'Dieses Konto ist bereits gekündigt.',
    restoreWindowClosed: 'Die 14 Tage zum Wiederherstellen dieses Kontos sind vorbei. Locket löscht es.',
    accountCreated: 'Konto erstellt',
  },
});

export const accountRefusalText = (refusal: AccountRefusal): string =>
  (refusal.type in ACCOUNT_MESSAGES
    ? (ACCOUNT_MESSAGES[refusal.type as AccountOnly['type']] as (refusal: AccountRefusal) => string)(refusal)
    : accessRefusalText(refusal as AccessRefusal));

/** An account form's refusals in words, field by field, as the form shows them. */
export const fieldRefusalsText = (refusals: FieldRefusals): FieldTexts =>
  Object.fromEntries(Object.entries(refusals).map(([field, refusal]) => [field, accountRefusalText(refusal)]));

/** Why cancelling or restoring the account was refused, in words. */
export const cancellationRefusalText = (refusal: CancellationRefusal): string => {
  switch (refusal.type) {
    case 'already-cancelled': return TEXTS.alreadyCancelled;
    case 'restore-window-closed': return TEXTS.restoreWindowClosed;
    default: return accessRefusalText(refusal);
  }
};

/** Login entries from before key prompts were coded keep the words they were stored with. */
const wordedKeyPrompt = (note: object): string | null =>
  ('type' in note && note.type === 'key-prompt' && !('prompt' in note) && 'message' in note && typeof note.message === 'string'
    ? note.message : null);

const loginNoteText = (note: LoginNote): string =>
  (note.type === 'account-created' ? TEXTS.accountCreated : wordedKeyPrompt(note) ?? accessRefusalText(note));

const isLoginNote = (value: unknown): value is LoginNote =>
  typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string'
  && (value.type === 'account-created' || value.type in ACCESS_MESSAGES);

/** The login history's reason: a stored refusal code in its words; an entry from before codes keeps its own words. */
export const loginReasonText = (reason: string): string => {
  if (!reason.startsWith('{')) return reason;
  try {
    const parsed: unknown = JSON.parse(reason);
    return isLoginNote(parsed) ? loginNoteText(parsed) : reason;
  } catch {
    return reason;
  }
};
