import type {
  AssertionFailureReason, CeremonyFailureCode, CeremonyRefusal, RegistrationFailureReason,
} from '../../../core/security/webauthn-failures';
import { catalogue } from '../i18n/catalogue';

/** Why a security key's answer was refused, in words the owner can act on; one per check. */
export const KEY_CHECK_MESSAGES = catalogue<{ readonly [R in AssertionFailureReason | RegistrationFailureReason]: string }>({
  en: {
    'challenge': 'This security key request expired or was already used. Please try again.',
    'origin': 'The security key answered a request from a page other than Locket. Nothing was unlocked.',
    'rp-id': 'The security key answered for a different site than Locket. Nothing was unlocked.',
    'user-presence': 'The security key did not confirm you were there. Touch the key when it asks and try again.',
    'user-verification': 'The security key did not verify you (PIN, fingerprint or face). Try again and complete that step.',
    'malformed': 'The security key’s answer could not be read. Please try again.',
    'signature': 'The security key’s signature does not match the key registered for this account.',
    'unknown-key': 'This security key is not registered for this account.',
    'counter':
      'This security key’s use counter went backwards, which can mean the key was copied. ' +
      'Locket refused to unlock with it; review the key under Security settings.',
    'algorithm': 'This security key signs with an algorithm Locket does not accept (ES256 or RS256 are needed).',
    'attestation': 'The security key’s registration could not be verified.',
  },
  de: {
    'challenge': 'Diese Anfrage an den Sicherheitsschlüssel ist abgelaufen oder wurde schon verwendet. Bitte versuchen Sie es erneut.',
    'origin': 'Der Sicherheitsschlüssel hat auf eine Anfrage einer anderen Seite als Locket geantwortet. Es wurde nichts entsperrt.',
    'rp-id': 'Der Sicherheitsschlüssel hat für eine andere Website als Locket geantwortet. Es wurde nichts entsperrt.',
    'user-presence': 'Der Sicherheitsschlüssel hat Ihre Anwesenheit nicht bestätigt. Berühren Sie den Schlüssel, wenn er danach fragt, und versuchen Sie es erneut.',
    'user-verification': 'Der Sicherheitsschlüssel hat Sie nicht überprüft (PIN, Fingerabdruck oder Gesicht). Versuchen Sie es erneut und schließen Sie diesen Schritt ab.',
    'malformed': 'Die Antwort des Sicherheitsschlüssels konnte nicht gelesen werden. Bitte versuchen Sie es erneut.',
    'signature': 'Die Signatur des Sicherheitsschlüssels passt nicht zu dem für dieses Konto registrierten Schlüssel.',
    'unknown-key': 'Dieser Sicherheitsschlüssel ist für dieses Konto nicht registriert.',
    'counter':
      'Der Nutzungszähler dieses Sicherheitsschlüssels ist zurückgegangen; das kann bedeuten, dass der Schlüssel kopiert wurde. ' +
      'Locket hat das Entsperren damit verweigert; prüfen Sie den Schlüssel in den Sicherheitseinstellungen.',
    'algorithm': 'Dieser Sicherheitsschlüssel signiert mit einem Algorithmus, den Locket nicht akzeptiert (ES256 oder RS256 ist nötig).',
    'attestation': 'Die Registrierung des Sicherheitsschlüssels konnte nicht überprüft werden.',
  },
});

/** Why the browser's key prompt did not go ahead, in words; a code without words fails to compile. */
export const CEREMONY_FAILURE_MESSAGES = catalogue<{ readonly [C in CeremonyFailureCode]: string }>({
  en: {
    'unsupported': 'This browser cannot use security keys or passkeys.',
    'cancelled': 'The security key request was cancelled or timed out. Please try again.',
    'aborted': 'The security key request was replaced by a newer one.',
    'already-registered': 'This security key is already registered for this account.',
    'no-user-verification':
      'This security key cannot verify you with a PIN, fingerprint or face. Locket needs one that can.',
    'no-algorithm': 'This security key does not support a signing algorithm Locket accepts.',
    'invalid-domain': 'The browser refused to use a security key on this page.',
    'authenticator-error': 'The security key reported an error. Try again, or try another key.',
    'no-keys': 'No security key is registered for this account.',
    'prf': 'The security key did not return the secret Locket needs to unlock your data. Please try again.',
    'unknown': 'The security key request failed.',
  },
  de: {
    'unsupported': 'Dieser Browser kann keine Sicherheitsschlüssel oder Passkeys verwenden.',
    'cancelled': 'Die Anfrage an den Sicherheitsschlüssel wurde abgebrochen oder ist abgelaufen. Bitte versuchen Sie es erneut.',
    'aborted': 'Die Anfrage an den Sicherheitsschlüssel wurde durch eine neuere ersetzt.',
    'already-registered': 'Dieser Sicherheitsschlüssel ist für dieses Konto bereits registriert.',
    'no-user-verification':
      'Dieser Sicherheitsschlüssel kann Sie nicht per PIN, Fingerabdruck oder Gesicht überprüfen. Locket braucht einen, der das kann.',
    'no-algorithm': 'Dieser Sicherheitsschlüssel unterstützt keinen Signaturalgorithmus, den Locket akzeptiert.',
    'invalid-domain': 'Der Browser hat sich geweigert, auf dieser Seite einen Sicherheitsschlüssel zu verwenden.',
    'authenticator-error': 'Der Sicherheitsschlüssel hat einen Fehler gemeldet. Versuchen Sie es erneut oder mit einem anderen Schlüssel.',
    'no-keys': 'Für dieses Konto ist kein Sicherheitsschlüssel registriert.',
    'prf': 'Der Sicherheitsschlüssel hat das Geheimnis nicht geliefert, das Locket zum Entsperren Ihrer Daten braucht. Bitte versuchen Sie es erneut.',
    'unknown': 'Die Anfrage an den Sicherheitsschlüssel ist fehlgeschlagen.',
  },
});

export const ceremonyFailureText = ({ code, detail }: CeremonyRefusal): string =>
  (detail === null ? CEREMONY_FAILURE_MESSAGES[code] : `${CEREMONY_FAILURE_MESSAGES[code]} (${detail})`);
