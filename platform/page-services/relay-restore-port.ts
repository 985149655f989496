/**
 * The first-run restore screen's check, run on the page itself: before the vault exists there is
 * no worker, and the check writes nothing anywhere. Loaded only when the screen opens.
 */
import { systemClock } from '../../core/clock';
import { previewRelayRestore } from '../../core/sync-account/relay-restore';
import { createRelayTransport } from '../sync/relay-transport';

export const previewThroughRelay = (relayUrl: string, words: readonly string[]) =>
  previewRelayRestore(createRelayTransport({ relayUrl }), words, systemClock);
