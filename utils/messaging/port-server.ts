import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { routeMessage, type Handlers } from './router';
import { REQUEST_PORT_NAME, type PortReply } from './request-port';

/**
 * The background end of content scripts' request ports (see request-port.ts). Each message is
 * an `{ id, request }` envelope; the request is validated by the same schema as sendMessage
 * requests (routeMessage), and only the given handlers are reachable this way. Register at
 * start-up, in the worker's first turn, like onMessage.
 */
export function serveRequestPorts(handlers: Partial<Handlers>): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== REQUEST_PORT_NAME) return;
    const sender = (port.sender ?? {}) as Runtime.MessageSender;
    port.onMessage.addListener((raw: unknown) => {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
        console.warn('[TokenTally] rejected malformed port message');
        return;
      }
      void routeMessage((raw as { request?: unknown }).request, sender, handlers).then((reply) => {
        try {
          port.postMessage({ id, reply } satisfies PortReply);
        } catch {
          // The tab went away while we counted: nobody is waiting.
        }
      });
    });
  });
}
