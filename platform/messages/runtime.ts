/** The message table wired to browser.runtime: one listener per context, one sender for all. */
import { browser } from 'wxt/browser';
import { createMessageSender, type SendMessage } from './client';
import { createMessageRouter, type MessageHandlers } from './router';
import type { MessageName } from './table';

/**
 * Serves the given rows in this context. Called once per context, at start-up (a service
 * worker must register its listeners before its first turn ends).
 */
export const serveMessages = <N extends MessageName>(handlers: MessageHandlers<N>): void => {
  const route = createMessageRouter(handlers, {
    self: { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin },
    log: (line) => console.warn(`Locket messages: ${line}`),
  });
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (answer: unknown) => void) => {
    const answer = route(message, sender);
    if (answer === null) return undefined;
    void answer.then(sendResponse);
    // Keeps the channel open for the answer, which comes after an await.
    return true;
  });
};

export const sendMessage: SendMessage = createMessageSender((message) => browser.runtime.sendMessage(message));
