import { extractFromDocument } from '@/core/capture/extract';

/**
 * Injected into the page the user captured from, on their gesture only (activeTab), and
 * never registered as a content script. Reads the page and returns plain data as the
 * script's result; it sends no message and imports nothing privileged.
 */
export default defineUnlistedScript(() => extractFromDocument(document, getSelection()?.toString() ?? ''));
