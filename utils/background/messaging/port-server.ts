import { browser, type Browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { routeMessage, type Handlers } from '@/utils/background/messaging/router';
import { REQUEST_PORT_NAME, type PortReply } from '@/utils/protocol/request-port';

export interface PortService {
  /** The requests reachable over this port (each validated and sender-checked by routeMessage). */
  handlers: Partial<Handlers>;
  /**
   * Called once per connection; the function it returns says, per message, whether this context
   * answers it (default: always). No when another extension context that received the same
   * connection answers it (see counting-document.ts).
   */
  answers?: (port: Browser.runtime.Port) => () => boolean | Promise<boolean>;
  /** Called after this context answered a message on the port (see counting-document.ts). */
  afterReply?: (port: Browser.runtime.Port) => unknown;
}

/** The service for a port: by its name, or by the part before ':' (a per-connection suffix). */
function serviceFor(services: Record<string, PortService>, name: string): PortService | undefined {
  const base = name.includes(':') ? name.slice(0, name.indexOf(':')) : name;
  return Object.hasOwn(services, base) ? services[base] : undefined;
}

/**
 * The extension end of content scripts' request ports (see request-port.ts), by port name. Each
 * message is an `{ id, request }` envelope; the request goes through routeMessage (schema, sender
 * checks, per-tab rate limit), and only the given handlers are reachable this way.
 *
 * A connection reaches every extension context listening for onConnect and lives while any of
 * them is alive; `port.disconnect()` in one of them would close it for all (measured in
 * Chromium), so ports are left unanswered rather than disconnected, except by a service's
 * `afterReply` that means to close one for everybody. One call per context, at start-up (in
 * the worker's first turn, like onMessage).
 */
export function servePorts(services: Record<string, PortService>): void {
  browser.runtime.onConnect.addListener((port) => {
    const service = serviceFor(services, port.name);
    if (!service) return;
    const sender = (port.sender ?? {}) as Runtime.MessageSender;
    const answers = service.answers?.(port);
    port.onMessage.addListener(async (raw: unknown) => {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
        console.warn('[TokenTally] rejected malformed port message');
        return;
      }
      if (answers && !(await answers())) return;
      const reply = await routeMessage((raw as { request?: unknown }).request, sender, service.handlers);
      try {
        port.postMessage({ id, reply } satisfies PortReply);
      } catch {
        // The tab went away while we counted: nobody is waiting.
        return;
      }
      void Promise.resolve(service.afterReply?.(port)).catch(() => {});
    });
  });
}

/** The background's request port only (see servePorts for more). */
export function serveRequestPorts(handlers: Partial<Handlers>): void {
  servePorts({ [REQUEST_PORT_NAME]: { handlers } });
}
