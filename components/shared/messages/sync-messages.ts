import type { SyncProblem } from '../../../core/sync/ports';

/** The words for every reason sync stopped or refused; a code without words fails to compile. */
export const SYNC_PROBLEM_MESSAGES: { readonly [T in SyncProblem['type']]: (problem: Extract<SyncProblem, { type: T }>) => string } = {
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
};

export const syncProblemText = (problem: SyncProblem): string =>
  (SYNC_PROBLEM_MESSAGES[problem.type] as (problem: SyncProblem) => string)(problem);
