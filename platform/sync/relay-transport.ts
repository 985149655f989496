/**
 * RelayTransport over fetch and WebSocket, for the extension's worker (and Node tests, which pass
 * the `ws` package's WebSocket). The origin is checked again here, so no caller can reach a
 * non-loopback relay in the clear whatever it was given.
 */
import type { RelayAnswer, RelayTransport } from '../../core/sync/ports';
import { LIMITS } from '../../core/sync/protocol';
import { normaliseRelayUrl, socketUrlOf } from './relay-address';

/** The parts of the WHATWG WebSocket the transport uses (browsers, workers, `ws`). */
export interface SocketLike {
  readonly readyState: number;
  send: (data: string) => void;
  close: (code?: number) => void;
  addEventListener: (type: 'open' | 'message' | 'close' | 'error', listener: (event: { data?: unknown }) => void) => void;
}
export type SocketConstructor = new (url: string) => SocketLike;

export interface RelayTransportDeps {
  readonly relayUrl: string;
  readonly fetch?: typeof fetch;
  readonly WebSocket?: SocketConstructor;
  /** A request that has not answered by then is a relay that is not answering. */
  readonly requestTimeoutMs?: number;
}

export class InsecureRelayAddress extends Error {
  constructor(readonly problem: 'insecure-address' | 'bad-address') {
    super(problem);
  }
}

const OPEN = 1;
const NORMAL_CLOSURE = 1000;

/** Retry-After as seconds or an HTTP date, in milliseconds from now; undefined when absent or unreadable. */
export const retryAfterMs = (header: string | null, now: number): number | undefined => {
  if (header === null) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
};

export const createRelayTransport = (deps: RelayTransportDeps): RelayTransport => {
  const origin = normaliseRelayUrl(deps.relayUrl);
  if (!origin.ok) throw new InsecureRelayAddress(origin.error.type === 'insecure-address' ? 'insecure-address' : 'bad-address');
  const fetchImpl = deps.fetch ?? globalThis.fetch.bind(globalThis);
  const SocketImpl = deps.WebSocket ?? (globalThis.WebSocket as unknown as SocketConstructor);
  const timeoutMs = deps.requestTimeoutMs ?? 30_000;

  return {
    request: async (path, init): Promise<RelayAnswer> => {
      const headers: Record<string, string> = {};
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      const response = await fetchImpl(`${origin.value}${path}`, {
        method: init.body === undefined ? 'GET' : 'POST',
        headers,
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        // Cookies and redirects have no place here: the relay answers where it was asked, or not at all.
        credentials: 'omit', redirect: 'error', cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        body = undefined;
      }
      const retryAfter = retryAfterMs(response.headers.get('retry-after'), Date.now());
      return { status: response.status, body, ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }) };
    },
    openSocket: (handlers) => {
      const socket = new SocketImpl(socketUrlOf(origin.value));
      let closed = false;
      const closeOnce = (): void => {
        if (closed) return;
        closed = true;
        handlers.onClose();
      };
      socket.addEventListener('open', () => handlers.onOpen((frame) => {
        if (socket.readyState === OPEN) socket.send(JSON.stringify(frame));
      }));
      socket.addEventListener('message', (event) => {
        if (typeof event.data !== 'string' || event.data.length > LIMITS.maxSocketFrameBytes) return;
        let frame: unknown;
        try {
          frame = JSON.parse(event.data);
        } catch {
          return;
        }
        handlers.onFrame(frame);
      });
      socket.addEventListener('close', closeOnce);
      socket.addEventListener('error', closeOnce);
      return {
        close: () => {
          closed = true;
          socket.close(NORMAL_CLOSURE);
        },
      };
    },
  };
};
