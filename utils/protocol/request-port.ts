import { browser, type Browser } from 'wxt/browser';
import type { Reply, RequestOf, RequestType, ResponseMap } from '@/utils/protocol/messages';
import { sendRequest } from '@/utils/protocol/send-message';

/** Name of the long-lived port content scripts use for frequent requests to the background. */
export const REQUEST_PORT_NAME = 'tokentally-requests';
/**
 * Name of the port that carries 'count' requests only. On Chrome the counting document
 * (entrypoints/offscreen) answers it, so counts survive the service worker's idle stop; where
 * there is none (Firefox, or before it exists) the background does (see port-server.ts).
 */
export const COUNT_PORT_NAME = 'tokentally-counts';

/** What travels over the port: the request as declared in messages.ts, plus a reply id. */
export interface PortEnvelope {
  id: number;
  request: unknown;
}
export interface PortReply {
  id: number;
  reply: Reply<RequestType>;
}

export interface RequestPort {
  send<T extends RequestType>(request: RequestOf<T>): Promise<ResponseMap[T]>;
}

type Pending = { request: RequestOf<RequestType>; resolve: (value: unknown) => void; reject: (error: unknown) => void };

/**
 * Sends requests over one `runtime.connect` port instead of a `sendMessage` per request: a
 * keystroke's count then costs one postMessage each way, with no per-message channel set-up
 * (a few ms per keystroke on a long prompt). The port is opened on first use and re-opened
 * after it drops (Chrome stops an idle service worker, which disconnects it); requests in
 * flight when it drops, and every request when it can't be opened, go through `fallback`
 * (sendMessage wakes a stopped worker), so callers never see the difference.
 */
export function createRequestPort(
  fallback: <T extends RequestType>(request: RequestOf<T>) => Promise<ResponseMap[T]> = sendRequest,
  name: string = REQUEST_PORT_NAME,
): RequestPort {
  let port: Browser.runtime.Port | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const viaFallback = (p: Pending) => fallback(p.request).then(p.resolve, p.reject);

  function dropPort(): void {
    port = null;
    const stranded = [...pending.values()];
    pending.clear();
    for (const p of stranded) viaFallback(p);
  }

  function open(): Browser.runtime.Port | null {
    if (port) return port;
    try {
      const next = browser.runtime.connect({ name });
      next.onMessage.addListener((raw: unknown) => {
        const message = raw as Partial<PortReply> | null;
        if (typeof message?.id !== 'number') return;
        const p = pending.get(message.id);
        if (!p) return;
        pending.delete(message.id);
        const reply = message.reply;
        if (!reply) p.reject(new Error(`No reply to "${p.request.type}": the background did not answer`));
        else if (reply.ok) p.resolve(reply.value);
        else p.reject(new Error(reply.error));
      });
      next.onDisconnect.addListener(() => {
        if (port === next) dropPort();
      });
      port = next;
      return next;
    } catch {
      // Extension context invalidated (updated/reloaded) or no runtime: sendMessage reports why.
      return null;
    }
  }

  return {
    send<T extends RequestType>(request: RequestOf<T>): Promise<ResponseMap[T]> {
      return new Promise<ResponseMap[T]>((resolve, reject) => {
        const p: Pending = { request, resolve: resolve as (v: unknown) => void, reject };
        const target = open();
        if (!target) return void viaFallback(p);
        const id = nextId++;
        pending.set(id, p);
        try {
          target.postMessage({ id, request } satisfies PortEnvelope);
        } catch {
          // Disconnected before onDisconnect fired: reconnect next time, answer this one another way.
          pending.delete(id);
          if (port === target) dropPort();
          viaFallback(p);
        }
      });
    },
  };
}

let shared: RequestPort | undefined;
/** The page's one request port (created on first use). */
export function requestPort(): RequestPort {
  shared ??= createRequestPort();
  return shared;
}

let counts: RequestPort | undefined;
/**
 * The page's port for 'count' requests (created on first use). Its name carries a random
 * suffix so that the contexts that received one connection can tell each other which they hold.
 */
export function countPort(): RequestPort {
  counts ??= createRequestPort(sendRequest, `${COUNT_PORT_NAME}:${crypto.randomUUID()}`);
  return counts;
}
