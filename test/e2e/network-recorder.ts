import type { BrowserContext, Page, Request } from '@playwright/test';
import { createServer, type Server } from 'node:http';

/**
 * Two independent records of the network a browser uses, for proving Locket sends nothing.
 *
 * The proxy sees every connection the browser makes to anything but loopback, from any
 * context at all (pages, dedicated and service workers, offscreen documents): Chromium is
 * launched with it as its only route out, it answers nothing, and it keeps each target.
 * The request log keeps what Playwright reports of each request, with who made it.
 */
export interface RecordingProxy {
  /** For Chromium's --proxy-server switch. */
  readonly address: string;
  /** `host:port` for a CONNECT (TLS, secure WebSocket), the full URL for plain HTTP. */
  readonly targets: readonly string[];
  readonly close: () => Promise<void>;
}

export const startRecordingProxy = async (): Promise<RecordingProxy> => {
  const targets: string[] = [];
  const server: Server = createServer((request, response) => {
    targets.push(request.url ?? '');
    response.writeHead(403).end();
  });
  server.on('connect', (request, socket) => {
    targets.push(request.url ?? '');
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    address: `http://127.0.0.1:${String(port)}`,
    targets,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
};

/**
 * Chromium's own services, which it calls through the proxy whatever the flags: its updater
 * and its account cookie check. No extension page can reach them (connect-src 'self', which
 * the test checks), and the request log would report an extension context that tried.
 */
const BROWSER_SERVICE_HOSTS = ['update.googleapis.com', 'accounts.google.com'];

/** A CONNECT target is `host:port`; a plain HTTP one is a full URL. */
const hostOf = (target: string): string =>
  /^https?:\/\//.test(target) ? new URL(target).hostname : target.replace(/:\d+$/, '');

/** What the proxy saw, less the browser's own services and the given control URLs. */
export const unexpectedTargets = (proxy: RecordingProxy, controls: readonly string[]): readonly string[] =>
  proxy.targets.filter((target) => !controls.includes(target) && !BROWSER_SERVICE_HOSTS.includes(hostOf(target)));

/** Schemes that never leave the browser. */
const LOCAL_SCHEMES = ['chrome-extension:', 'data:', 'blob:'];

/** The context that made a request: a page's URL, or the service worker's. */
const requesterOf = (request: Request): string => {
  const worker = request.serviceWorker();
  if (worker) return worker.url();
  try {
    return request.frame().url();
  } catch {
    return 'unknown';
  }
};

export interface RequestLog {
  /** Requests not to a local scheme, made by anything but the given web pages, as `requester -> url`. */
  readonly leaving: (webPages: readonly Page[]) => readonly string[];
  /** How many requests were seen at all (the log is alive). */
  readonly seen: () => number;
}

export const logRequests = (context: BrowserContext): RequestLog => {
  const log: { readonly request: Request; readonly requester: string }[] = [];
  context.on('request', (request) => { log.push({ request, requester: requesterOf(request) }); });
  return {
    leaving: (webPages) => log
      .filter(({ request }) => !LOCAL_SCHEMES.some((scheme) => request.url().startsWith(scheme)))
      .filter(({ request }) => {
        try {
          return !webPages.includes(request.frame().page());
        } catch {
          return true;
        }
      })
      .map(({ request, requester }) => `${requester} -> ${request.url()}`),
    seen: () => log.length,
  };
};
