/**
 * A relay on 127.0.0.1, any free port, over a fresh SQLite file in a temp folder. Its fair-use
 * limits are counted as in production but set far above what any test sends from 127.0.0.1,
 * unless the test passes its own `limits`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { parseRelayArgs, type RelayConfig } from '../../../relay/server/config';
import type { RateLimitsConfig } from '../../../relay/server/limits-config';
import { startRelay, type RelayOptions, type RunningRelay } from '../../../relay/server/relay';

export interface TestRelay extends RunningRelay {
  readonly dir: string;
  readonly dataFile: string;
  readonly dispose: () => Promise<void>;
}

export const ROOMY_LIMITS: RateLimitsConfig = {
  auth: { points: 100_000, seconds: 60 }, requests: { points: 1_000_000, seconds: 3600 }, burst: { points: 100_000, seconds: 60 },
  frames: { points: 100_000, seconds: 1 }, teamBytesPerDay: 1024 ** 4,
};

/** The same, as `npm run relay` options, for relays started as child processes. */
export const ROOMY_LIMIT_ARGS = [
  '--limit-auth', '100000/60', '--limit-requests', '1000000/3600', '--limit-burst', '100000/60', '--limit-frames', '100000/1',
  '--limit-team-bytes', String(1024 ** 4),
];

/**
 * Relays a test starts over one database it opened share one key-encryption secret, as the
 * processes of one deployment share one secret file: each must open the signing key the first sealed.
 */
const SHARED_DATABASE_SECRET = new Uint8Array(32).fill(7);

export const startTestRelay = async (overrides: Partial<RelayConfig> = {}, logDestination?: DestinationStream, given: RelayOptions = {}): Promise<TestRelay> => {
  const sharesDatabase = given.driver !== undefined && given.relayKeySecret === undefined && overrides.relayKeySecretFile === undefined;
  const options = sharesDatabase ? { ...given, relayKeySecret: SHARED_DATABASE_SECRET } : given;
  const dir = mkdtempSync(join(tmpdir(), 'locket-relay-'));
  const parsed = parseRelayArgs(['--port', '0', '--data', join(dir, 'relay.sqlite'), '--log-level', 'silent'], {});
  if (parsed.kind !== 'config') throw new Error('test relay config did not parse');
  const config = { ...parsed.config, limits: ROOMY_LIMITS, ...overrides };
  const relay = await startRelay(config, { ...options, ...(logDestination ? { logDestination } : {}) });
  return {
    ...relay, dir, dataFile: config.dataFile,
    dispose: async () => {
      await relay.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
