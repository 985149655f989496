/**
 * The poke channel: one WebSocket per device, authenticated by its first frame (`hello` with the
 * session token, never in the URL). The relay only ever sends `welcome`, `poke`, `members`, `error`
 * and `rate_limited`; data moves over HTTP pull, so a missed poke costs latency, never data. Every frame
 * a known device sends spends its frame allowance; over it, the socket gets `rate_limited` with the
 * wait and is closed, and the device connects again after that wait.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as v from 'valibot';
import { WebSocketServer, type WebSocket } from 'ws';
import { HelloFrameSchema, LIMITS, PROTOCOL_VERSION, type ServerFrame } from '../../core/sync/protocol';
import type { RelayAuth } from './auth';
import { isOriginAllowed } from './config';
import { RelayRefusal } from './http-kit';
import { hashId, type RelayLogger } from './logger';
import { RateLimited, type Caller } from './rate-limits';

const HELLO_TIMEOUT_MS = 10_000;
/** Close codes: 1008 policy (refused hello), 1009 too big (ws itself), 1001 going away (shutdown). */
const POLICY_VIOLATION = 1008;
/** Application close code for a socket over its frame limit (HTTP's 429 in the 4000 range). */
export const RATE_LIMITED_CLOSE = 4429;

interface Member { readonly team: string; readonly device: string; readonly socket: WebSocket }

export interface SocketHubOptions {
  readonly auth: RelayAuth;
  readonly log: RelayLogger;
  readonly allowOrigins: readonly string[];
  readonly head: (team: string) => Promise<number>;
  readonly relayInstance: string;
  /** Spends the device's frame allowance for one frame; throws RateLimited over it. */
  readonly onFrame?: (caller: Caller) => Promise<void>;
  /** A socket that has not answered the previous ping by the next one is dropped (default 30 s). */
  readonly heartbeatMs?: number;
}

const send = (socket: WebSocket, frame: ServerFrame): void => {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
};

export const createSocketHub = (options: SocketHubOptions) => {
  const { auth, log } = options;
  const server = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxSocketFrameBytes });
  /** Open sockets by team, and the last head and log entry poked to them, so a local poke and its PostgreSQL notice send one frame. */
  const teams = new Map<string, { readonly members: Set<Member>; lastPoked: number | undefined; lastLogSeq?: number }>();
  const join = (member: Member): void => {
    const team = teams.get(member.team) ?? { members: new Set<Member>(), lastPoked: undefined };
    team.members.add(member);
    teams.set(member.team, team);
  };
  const leave = (member: Member): void => {
    const team = teams.get(member.team);
    team?.members.delete(member);
    if (team?.members.size === 0) teams.delete(member.team);
  };
  const poke = (teamId: string, head: number): void => {
    const team = teams.get(teamId);
    if (!team || team.lastPoked === head) return;
    team.lastPoked = head;
    for (const member of team.members) send(member.socket, { type: 'poke', head });
  };
  const alive = new WeakSet<WebSocket>();
  // Peers that vanished without a close (sleeping laptops, dropped networks) would otherwise stay in `teams`.
  const heartbeat = setInterval(() => {
    for (const client of server.clients) {
      if (!alive.has(client)) {
        client.terminate();
        continue;
      }
      alive.delete(client);
      client.ping();
    }
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  const refuse = (socket: WebSocket, error: ServerFrame & { type: 'error' }): void => {
    send(socket, error);
    socket.close(POLICY_VIOLATION, error.error);
  };

  /** False when the device is over its frame limit: the socket has been told the wait and closed. */
  const frameAllowed = async (socket: WebSocket, caller: Caller): Promise<boolean> => {
    try {
      await options.onFrame?.(caller);
      return true;
    } catch (error) {
      if (!(error instanceof RateLimited)) throw error;
      log.info({ team: hashId(caller.team), device: hashId(caller.device), retryAfter: error.retryAfterSeconds }, 'socket rate limited');
      send(socket, { type: 'rate_limited', retryAfter: error.retryAfterSeconds });
      socket.close(RATE_LIMITED_CLOSE, 'rate_limited');
      return false;
    }
  };

  server.on('connection', (socket: WebSocket) => {
    let member: Member | undefined;
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
    const helloTimer = setTimeout(() => refuse(socket, { type: 'error', error: 'unauthorized', detail: 'No hello in time' }), HELLO_TIMEOUT_MS);
    socket.on('message', async (data, isBinary) => {
      if (member) {
        if (await frameAllowed(socket, member).catch(() => true)) refuse(socket, { type: 'error', error: 'bad_request', detail: 'This socket only carries pokes' });
        return;
      }
      clearTimeout(helloTimer);
      let json: unknown;
      try {
        json = isBinary ? undefined : JSON.parse(String(data));
      } catch {
        refuse(socket, { type: 'error', error: 'bad_json' });
        return;
      }
      const hello = v.safeParse(HelloFrameSchema, json);
      if (!hello.success) return refuse(socket, { type: 'error', error: 'bad_request', detail: 'Expected a hello frame' });
      if (hello.output.v !== PROTOCOL_VERSION) return refuse(socket, { type: 'error', error: 'version', detail: `This relay speaks v${PROTOCOL_VERSION}` });
      try {
        const caller = await auth.authenticate(`Bearer ${hello.output.token}`);
        if (!(await frameAllowed(socket, caller))) return;
        member = { ...caller, socket };
        join(member);
        send(socket, { type: 'welcome', head: await options.head(caller.team), relayInstance: options.relayInstance });
        log.info({ team: hashId(caller.team), device: hashId(caller.device) }, 'socket open');
      } catch (error) {
        refuse(socket, { type: 'error', error: error instanceof RelayRefusal ? error.code : 'internal' });
      }
    });
    socket.on('close', () => {
      clearTimeout(helloTimer);
      if (member) leave(member);
    });
    socket.on('error', (error) => log.debug({ reason: error.message }, 'socket error'));
  });

  return {
    /** Upgrades `/v1/socket` from an allowed Origin; anything else is answered and dropped. */
    handleUpgrade: (request: IncomingMessage, stream: Duplex, head: Buffer): void => {
      const path = (request.url ?? '').split('?')[0];
      const origin = request.headers.origin;
      if (path !== '/v1/socket' || !isOriginAllowed(origin, options.allowOrigins)) {
        log.info({ path, originAllowed: path === '/v1/socket' ? false : undefined }, 'socket refused');
        stream.end(`HTTP/1.1 ${path === '/v1/socket' ? '403 Forbidden' : '404 Not Found'}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
        return;
      }
      server.handleUpgrade(request, stream, head, (socket) => server.emit('connection', socket, request));
    },
    /** Wakes the team's sockets here (a push on this process, or another's notice); a repeat of the last head is sent once. */
    poke,
    /**
     * The team's membership log moved to `seq`: every device of the team reads it again before its
     * next push, so a rotation reaches the next set each remaining member seals (a hint, as pokes are).
     */
    pokeMembers: (teamId: string, seq: number): void => {
      const team = teams.get(teamId);
      // The appending process hears its own notice too: one frame per entry.
      if (!team || team.lastLogSeq === seq) return;
      team.lastLogSeq = seq;
      for (const member of team.members) send(member.socket, { type: 'members', seq });
    },
    /**
     * After notices may have been lost: every team with a socket here is poked with its head as
     * the database has it now, one team after another (bounded by the teams held here).
     */
    pokeEveryTeam: async (): Promise<void> => {
      for (const team of [...teams.keys()]) {
        const head = await options.head(team);
        const held = teams.get(team);
        if (held) held.lastPoked = undefined;
        poke(team, head);
      }
    },
    disconnect: (teamId: string, device: string): void => {
      for (const member of teams.get(teamId)?.members ?? []) {
        if (member.device === device) refuse(member.socket, { type: 'error', error: 'removed' });
      }
    },
    close: (): void => {
      clearInterval(heartbeat);
      for (const client of server.clients) client.close(1001, 'relay shutting down');
      server.close();
    },
  };
};
