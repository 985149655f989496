import type { SyncProblem } from '../../../core/sync/ports';
import { catalogue } from '../i18n/catalogue';
import { formatDate } from '../i18n/format';

/** HH:MM in the page's language: the wait is minutes long, so the time of day says when. */
const clockTime = (at: number): string => formatDate(at, { timeStyle: 'short' });

type ProblemTexts = { readonly [T in SyncProblem['type']]: (problem: Extract<SyncProblem, { type: T }>) => string };

/** The words for every reason sync stopped or refused; a code without words fails to compile. */
export const SYNC_PROBLEM_MESSAGES = catalogue<ProblemTexts>({
  en: {
    'insecure-address': () => 'Locket talks to a relay over https only (plain http is allowed for a relay on this computer, '
      + 'at 127.0.0.1 or localhost): over plain http anyone on the network could watch or block what passes.',
    'bad-address': () => 'This is not a relay address. It looks like https://relay.example.com.',
    'permission-denied': () => 'The browser did not allow Locket to reach this relay, so nothing was sent. '
      + 'Try again and choose Allow when the browser asks.',
    'relay-unreachable': () => 'The relay did not answer. Check the address and that the relay is running; '
      + 'Locket keeps your changes and tries again.',
    'relay-refused': ({ code }) => `The relay refused the request (${code}).`,
    'relay-went-back': () => 'The relay lost some of its data or was restored from an older copy. '
      + 'This device is sending its changes again; nothing is lost.',
    'slowed': ({ retryAt }) => `The relay asked us to slow down; Locket will try again at ${clockTime(retryAt)}. `
      + 'Your changes wait safely on this device.',
    'version': () => 'This relay speaks another version of the sync protocol. Update Locket or the relay.',
    'removed': () => 'This device was removed from the account on another device. It keeps its records but no longer syncs.',
    'locked': () => 'Locket is locked. Unlock it to sync.',
    'bad-pairing-code': () => 'This pairing code is not right. Check it against the code on the other device.',
    'pairing-expired': () => 'This pairing code has expired. Ask the other device for a new one.',
    'pairing-declined': () => 'The pairing was stopped because the words did not match. No key was shared. '
      + 'Start again with a new code, and make sure both devices use the same relay.',
    'already-connected': () => 'This device is already connected to a relay. Disconnect it first.',
    'not-connected': () => 'This device is not connected to a relay.',
    'this-device': () => 'This is the device you are using: to stop it syncing, choose Disconnect.',
    'two-factor-required': () => 'Your team requires a security key. Confirm with your security key to continue; nothing syncs until then.',
    'two-factor-not-registered': () => 'Your team requires a security key. Add a security key to continue; nothing syncs until then.',
  },
  de: {
    'insecure-address': () => 'Locket spricht mit einem Relay nur über https (einfaches http ist für ein Relay auf diesem Computer erlaubt, '
      + 'unter 127.0.0.1 oder localhost): Über einfaches http könnte jeder im Netzwerk mitlesen oder blockieren, was übertragen wird.',
    'bad-address': () => 'Das ist keine Relay-Adresse. Sie sieht aus wie https://relay.example.com.',
    'permission-denied': () => 'Der Browser hat Locket nicht erlaubt, dieses Relay zu erreichen, daher wurde nichts gesendet. '
      + 'Versuchen Sie es erneut und wählen Sie „Zulassen“, wenn der Browser fragt.',
    'relay-unreachable': () => 'Das Relay hat nicht geantwortet. Prüfen Sie die Adresse und ob das Relay läuft; '
      + 'Locket behält Ihre Änderungen und versucht es erneut.',
    'relay-refused': ({ code }) => `Das Relay hat die Anfrage abgelehnt (${code}).`,
    'relay-went-back': () => 'Das Relay hat einen Teil seiner Daten verloren oder wurde aus einer älteren Kopie wiederhergestellt. '
      + 'Dieses Gerät sendet seine Änderungen erneut; es geht nichts verloren.',
    'slowed': ({ retryAt }) => `Das Relay hat uns gebeten, das Tempo zu drosseln; Locket versucht es um ${clockTime(retryAt)} Uhr erneut. `
      + 'Ihre Änderungen bleiben sicher auf diesem Gerät.',
    'version': () => 'Dieses Relay spricht eine andere Version des Sync-Protokolls. Aktualisieren Sie Locket oder das Relay.',
    'removed': () => 'Dieses Gerät wurde auf einem anderen Gerät aus dem Konto entfernt. Es behält seine Datensätze, synchronisiert aber nicht mehr.',
    'locked': () => 'Locket ist gesperrt. Entsperren Sie es, um zu synchronisieren.',
    'bad-pairing-code': () => 'Dieser Kopplungscode stimmt nicht. Vergleichen Sie ihn mit dem Code auf dem anderen Gerät.',
    'pairing-expired': () => 'Dieser Kopplungscode ist abgelaufen. Bitten Sie das andere Gerät um einen neuen.',
    'pairing-declined': () => 'Die Kopplung wurde abgebrochen, weil die Wörter nicht übereinstimmten. Es wurde kein Schlüssel geteilt. '
      + 'Beginnen Sie mit einem neuen Code und achten Sie darauf, dass beide Geräte dasselbe Relay verwenden.',
    'already-connected': () => 'Dieses Gerät ist bereits mit einem Relay verbunden. Trennen Sie es zuerst.',
    'not-connected': () => 'Dieses Gerät ist mit keinem Relay verbunden.',
    'this-device': () => 'Das ist das Gerät, das Sie gerade verwenden: Um die Synchronisierung hier zu beenden, wählen Sie „Trennen“.',
    'two-factor-required': () => 'Ihr Team verlangt einen Sicherheitsschlüssel. Bestätigen Sie mit Ihrem Sicherheitsschlüssel, um fortzufahren; bis dahin wird nichts synchronisiert.',
    'two-factor-not-registered': () => 'Ihr Team verlangt einen Sicherheitsschlüssel. Fügen Sie einen Sicherheitsschlüssel hinzu, um fortzufahren; bis dahin wird nichts synchronisiert.',
  },
});

export const syncProblemText = (problem: SyncProblem): string =>
  (SYNC_PROBLEM_MESSAGES[problem.type] as (problem: SyncProblem) => string)(problem);
