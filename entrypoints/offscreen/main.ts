import { serveMessages } from '@/platform/messages/runtime';
import { SWEEP_MESSAGE } from '@/platform/retention/offscreen-messages';
import { sweepInOffscreenWorker } from '@/platform/retention/offscreen-sweep';

/** Opened by the background only to host the sweep worker: it runs one sweep per request and answers with the report. */
serveMessages({ [SWEEP_MESSAGE]: sweepInOffscreenWorker });
