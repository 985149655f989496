/** A relay on 127.0.0.1, any free port, over a fresh SQLite file in a temp folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { parseRelayArgs, type RelayConfig } from '../../../relay/server/config';
import { startRelay, type RelayOptions, type RunningRelay } from '../../../relay/server/relay';

export interface TestRelay extends RunningRelay {
  readonly dir: string;
  readonly dataFile: string;
  readonly dispose: () => Promise<void>;
}

export const startTestRelay = async (overrides: Partial<RelayConfig> = {}, logDestination?: DestinationStream, options: RelayOptions = {}): Promise<TestRelay> => {
  const dir = mkdtempSync(join(tmpdir(), 'locket-relay-'));
  const parsed = parseRelayArgs(['--port', '0', '--data', join(dir, 'relay.sqlite'), '--log-level', 'silent'], {});
  if (parsed.kind !== 'config') throw new Error('test relay config did not parse');
  const config = { ...parsed.config, ...overrides };
  const relay = await startRelay(config, { ...options, ...(logDestination ? { logDestination } : {}) });
  return {
    ...relay, dir, dataFile: config.dataFile,
    dispose: async () => {
      await relay.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
