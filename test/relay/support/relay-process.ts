/** The relay as a child process (`node --import tsx relay/main.ts`), as `npm run relay` starts it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { ROOMY_LIMIT_ARGS } from './in-process-relay';

const STARTUP_LIMIT_MS = 30_000;

export interface RelayProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly exited: Promise<number | NodeJS.Signals | null>;
}

/**
 * Starts the relay on 127.0.0.1, on `port` (any free port when 0); its stdout (JSON logs) and
 * stderr append to `logFile`. Its fair-use limits are far above what a test sends (in-process-relay.ts). A restart on the port it had keeps the address devices know.
 */
export const spawnRelay = async (
  dataFile: string, logFile: string, env: Readonly<Record<string, string>> = {}, port = 0, logLevel = 'debug',
): Promise<RelayProcess> => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay/main.ts', '--port', String(port), '--data', dataFile, '--log-level', logLevel, ...ROOMY_LIMIT_ARGS], {
    cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env },
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(log, { end: false });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const url = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`The relay did not start in ${STARTUP_LIMIT_MS} ms: ${stderr}`)), STARTUP_LIMIT_MS);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      log.write(chunk);
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The relay exited (${String(code)}) before listening: ${stderr}`));
    });
  });
  void exited.then(() => log.end());
  return { url, child, exited };
};
