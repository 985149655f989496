/**
 * Who sent a runtime message, judged from what the browser says about the sender
 * (chrome.runtime.MessageSender), never from the message itself.
 */

/** What the sender of a runtime message says about itself (chrome.runtime.MessageSender, trimmed). */
export interface MessageSenderFacts {
  readonly id?: string;
  readonly origin?: string;
  readonly url?: string;
  /** Set when the sender is a document in a tab: a content script, or an extension page opened as a tab. */
  readonly tab?: { readonly id?: number };
}

/** This extension as the receiver sees it: its id and its chrome-extension:// origin. */
export interface ExtensionIdentity {
  readonly id: string;
  readonly origin: string;
}

/**
 * The contexts a message can come from. `page` is any of Locket's own documents (popup, side
 * panel, options, even in a tab); `content-script` speaks for the web page it runs in and is
 * hostile by default.
 */
export type SenderRole = 'background' | 'offscreen' | 'page' | 'content-script';

/** Where the build puts the offscreen document (wxt's output name). */
export const OFFSCREEN_PATH = '/offscreen.html';

/**
 * True for any context of this extension. A content script's message carries the web page's
 * origin, and web pages cannot message at all (no externally_connectable).
 */
export const isOwnExtensionContext = (sender: MessageSenderFacts, extensionId: string, extensionOrigin: string): boolean => {
  if (sender.id !== extensionId) return false;
  if (sender.origin !== undefined) return sender.origin === extensionOrigin;
  return sender.url !== undefined && sender.url.startsWith(`${extensionOrigin}/`);
};

const pathOf = (url: string | undefined): string | null => {
  if (url === undefined) return null;
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
};

/** The sender's role, or null for anything that is not this extension (another extension, a web page). */
export const senderRole = (sender: MessageSenderFacts, self: ExtensionIdentity): SenderRole | null => {
  if (isOwnExtensionContext(sender, self.id, self.origin)) {
    // The origin says "this extension"; only the document tells its contexts apart. Every
    // page is an .html document; the service worker is none, and Chromium has named its
    // messages no url at all, then the script's (Firefox gives the script's).
    if (sender.tab !== undefined) return 'page';
    const path = pathOf(sender.url);
    if (path === OFFSCREEN_PATH) return 'offscreen';
    return path?.endsWith('.html') ? 'page' : 'background';
  }
  // This extension's id from outside its origin: one of its content scripts, in a web page's tab.
  return sender.id === self.id && sender.tab !== undefined ? 'content-script' : null;
};
