/**
 * The relay's command line: every option, its default, and the one safety rule — a relay reachable
 * from other machines must speak TLS itself or sit behind a proxy that does.
 */
import { parseArgs } from 'node:util';
import { LIMITS } from '../../core/sync/protocol';
import { LIMIT_OPTIONS, LIMITS_HELP, parseLimits, type RateLimitsConfig } from './limits-config';
import { EXTENSION_KEY } from '../../extension-key';
import { extensionIdFromKey } from './extension-id';
import type { UserVerificationPolicy } from './two-factor';

/** The origin of every unpacked build (its manifest carries the development key, extension-key.ts). */
export const DEVELOPMENT_EXTENSION_ORIGIN = `chrome-extension://${extensionIdFromKey(EXTENSION_KEY)}`;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface RelayConfig {
  readonly host: string;
  readonly port: number;
  /** SQLite file, used unless `db` names a PostgreSQL server. */
  readonly dataFile: string;
  readonly db: string | undefined;
  readonly tlsCert: string | undefined;
  readonly tlsKey: string | undefined;
  readonly behindProxy: boolean;
  readonly logLevel: LogLevel;
  /** Origins allowed on the WebSocket; `chrome-extension://*` allows any extension origin. */
  readonly allowOrigins: readonly string[];
  readonly maxBodyBytes: number;
  /** How often the relay's retention sweep runs (relay/retention/sweep.ts). */
  readonly retentionEveryMs: number;
  /** Fair-use limits (limits-config.ts); a null limit is off. */
  readonly limits: RateLimitsConfig;
  /** Exact extension origins whose WebAuthn keys the relay verifies (two-factor.ts); the RP ID follows from each. */
  readonly extensionOrigins: readonly string[];
  /** `required`: assertions must carry user verification (PIN, biometrics); `preferred`: presence alone will do. */
  readonly twoFactorUserVerification: UserVerificationPolicy;
  /**
   * Test-only, from LOCKET_RELAY_FAULT=exit-before-commit:N: the process kills itself inside the
   * Nth push transaction that stores something, after its writes and before its commit.
   */
  readonly exitBeforeCommit: number | undefined;
  /** The file holding the secret that seals the relay's signing key; undefined: `relay-key.secret` next to `dataFile`, made if missing. */
  readonly relayKeySecretFile: string | undefined;
}

export const HELP = `Locket relay: end-to-end encrypted sync for Locket devices.

Usage: npm run relay -- [options]
       npm run relay -- backup [<dir>] [--data <file>]

  backup [<dir>]          write a consistent copy of the SQLite data file into <dir> (also
                          --backup-dir; default relay-data/backups) and delete copies there
                          older than 50 days; PostgreSQL: see the README on point-in-time recovery

  --host <address>        address to listen on (default 127.0.0.1)
  --port <number>         port to listen on, 0 for any free port (default 8787)
  --data <file>           SQLite data file (default relay-data/relay.sqlite)
  --db <url>              PostgreSQL URL (postgres://…) instead of SQLite; also LOCKET_RELAY_DB
  --tls-cert <file>       PEM certificate: serve https/wss directly
  --tls-key <file>        PEM private key for --tls-cert
  --behind-proxy          TLS is terminated by a reverse proxy in front of the relay
  --log-level <level>     ${LOG_LEVELS.join(', ')} (default info); also LOCKET_RELAY_LOG_LEVEL
  --allow-origin <origin> WebSocket Origin to accept, repeatable (default chrome-extension://*)
  --max-body <bytes>      largest request body accepted (default ${LIMITS.maxBodyBytes})
  --retention-every <s>   seconds between retention sweeps: trash after 30 days, cancelled
                          teams after 14, ended change sets after 50 (default 600)
  --extension-origin <origin>
                          extension origin whose security keys the relay verifies, repeatable
                          (default ${DEVELOPMENT_EXTENSION_ORIGIN}, the unpacked build's)
  --two-factor-user-verification <required|preferred>
                          whether a key's assertion must verify the user (default required)
  --relay-key-secret-file <file>
                          32-byte key-encryption secret (base64url) sealing the relay's
                          signing key in the database; also LOCKET_RELAY_KEY_SECRET_FILE
                          (default relay-key.secret next to --data, made 0600 if missing)
  -h, --help              show this help

A bind to anything but loopback is refused unless --tls-cert/--tls-key or --behind-proxy is given.

${LIMITS_HELP}`;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export type ConfigResult = { kind: 'help' } | { kind: 'config'; config: RelayConfig } | { kind: 'error'; message: string };

const integerOption = (value: string | undefined, fallback: number, name: string, min: number): number | string => {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= min ? parsed : `--${name} expects an integer ≥ ${min}, not ${JSON.stringify(value)}`;
};

export const parseRelayArgs = (argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ConfigResult => {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        host: { type: 'string' }, port: { type: 'string' }, data: { type: 'string' }, db: { type: 'string' },
        'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' }, 'behind-proxy': { type: 'boolean' },
        'log-level': { type: 'string' }, 'allow-origin': { type: 'string', multiple: true }, 'max-body': { type: 'string' },
        'retention-every': { type: 'string' }, ...LIMIT_OPTIONS,
        'extension-origin': { type: 'string', multiple: true }, 'two-factor-user-verification': { type: 'string' },
        'relay-key-secret-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };
  const port = integerOption(values.port, 8787, 'port', 0);
  if (typeof port === 'string' || port > 65535) return { kind: 'error', message: typeof port === 'string' ? port : '--port must be ≤ 65535' };
  const maxBodyBytes = integerOption(values['max-body'], LIMITS.maxBodyBytes, 'max-body', 1024);
  if (typeof maxBodyBytes === 'string') return { kind: 'error', message: maxBodyBytes };
  const retentionEvery = integerOption(values['retention-every'], 600, 'retention-every', 1);
  if (typeof retentionEvery === 'string') return { kind: 'error', message: retentionEvery };
  const logLevel = values['log-level'] ?? env.LOCKET_RELAY_LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) return { kind: 'error', message: `--log-level must be one of ${LOG_LEVELS.join(', ')}` };
  const tlsCert = values['tls-cert'];
  const tlsKey = values['tls-key'];
  if ((tlsCert === undefined) !== (tlsKey === undefined)) return { kind: 'error', message: '--tls-cert and --tls-key go together' };
  const host = values.host ?? '127.0.0.1';
  const behindProxy = values['behind-proxy'] ?? false;
  if (!LOOPBACK.has(host) && tlsCert === undefined && !behindProxy) {
    return { kind: 'error', message: `Refusing to listen on ${host} without TLS: pass --tls-cert/--tls-key, or --behind-proxy when a reverse proxy terminates TLS` };
  }
  const db = values.db ?? env.LOCKET_RELAY_DB;
  if (db !== undefined && !/^postgres(ql)?:\/\//.test(db)) return { kind: 'error', message: '--db expects a postgres:// URL' };
  const limits = parseLimits(values, maxBodyBytes);
  if (typeof limits === 'string') return { kind: 'error', message: limits };
  const extensionOrigins = values['extension-origin'] ?? [DEVELOPMENT_EXTENSION_ORIGIN];
  const badOrigin = extensionOrigins.find((origin) => !/^[a-z][a-z0-9+.-]*-extension:\/\/[A-Za-z0-9_.-]+$/.test(origin));
  if (badOrigin !== undefined) return { kind: 'error', message: `--extension-origin expects an exact origin like chrome-extension://<id>, not ${JSON.stringify(badOrigin)}` };
  const userVerification = values['two-factor-user-verification'] ?? 'required';
  if (userVerification !== 'required' && userVerification !== 'preferred') {
    return { kind: 'error', message: '--two-factor-user-verification must be required or preferred' };
  }
  const fault = /^exit-before-commit:(\d+)$/.exec(env.LOCKET_RELAY_FAULT ?? '');
  return {
    kind: 'config',
    config: {
      host, port, dataFile: values.data ?? 'relay-data/relay.sqlite', db, tlsCert, tlsKey, behindProxy,
      logLevel: logLevel as LogLevel, allowOrigins: values['allow-origin'] ?? ['chrome-extension://*'], maxBodyBytes, limits,
      retentionEveryMs: retentionEvery * 1000, extensionOrigins, twoFactorUserVerification: userVerification,
      exitBeforeCommit: fault?.[1] ? Number(fault[1]) : undefined,
      relayKeySecretFile: values['relay-key-secret-file'] ?? env.LOCKET_RELAY_KEY_SECRET_FILE,
    },
  };
};

/** True when the socket's Origin is allowed; a request without Origin is not from a web page and passes. */
export const isOriginAllowed = (origin: string | undefined, allowed: readonly string[]): boolean => {
  if (origin === undefined) return true;
  return allowed.some((rule) => (rule.endsWith('://*') ? origin.startsWith(rule.slice(0, -1)) && origin.length > rule.length - 1 : origin === rule));
};
