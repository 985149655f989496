/**
 * The real relay store and routes, in process, over a SQLite file the convergence model can crash
 * and roll back: `crashNextCommit` kills the next push inside its transaction (nothing of it is
 * committed, the caller gets no answer, the relay restarts on the same file); `snapshot` copies the
 * file as an operator's backup would; `restoreSnapshot` brings the relay back from that older copy.
 * Requests go through `route` exactly as HTTP would hand them over, JSON in and out.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ManualClock } from '../../../core/clock';
import type { RelayAnswer } from '../../../core/sync/ports';
import { LIMITS } from '../../../core/sync/protocol';
import { createAuth } from '../../../relay/server/auth';
import { DEVELOPMENT_EXTENSION_ORIGIN } from '../../../relay/server/config';
import { createTwoFactor } from '../../../relay/server/two-factor';
import { RelayRefusal } from '../../../relay/server/http-kit';
import { NO_LIMITS } from '../../../relay/server/limits-config';
import { createRetentionSweep, type RetentionReport } from '../../../relay/retention/sweep';
import { createRelayLogger } from '../../../relay/server/logger';
import { createRateLimits } from '../../../relay/server/rate-limits';
import { route, type RouteContext } from '../../../relay/server/routes';
import { openSqliteDriver } from '../../../relay/store/sqlite';
import { createRelayStore, type RelayStore } from '../../../relay/store/store';

/** What a push killed before its commit looks like from inside the transaction. */
class RelayCrash extends Error {}

export interface ModelRelay {
  readonly store: () => RelayStore;
  /** One request as the HTTP server would answer it; rejects when no answer comes (the relay died). */
  readonly handle: (path: string, init: { readonly body?: unknown; readonly token?: string }) => Promise<RelayAnswer>;
  readonly crashNextCommit: () => void;
  /**
   * A write straight to the relay's store, past its routes (a careless relay): null when an armed
   * crash killed it before its commit, as the relay then restarts with nothing of it stored.
   */
  readonly direct: <T>(write: (store: RelayStore) => Promise<T>) => Promise<T | null>;
  readonly snapshot: () => Promise<void>;
  /** False when no snapshot was taken yet. */
  readonly restoreSnapshot: () => Promise<boolean>;
  /** One run of the relay's retention sweep under the model's clock (relay/retention/sweep.ts). */
  readonly retention: () => Promise<RetentionReport>;
  readonly dispose: () => Promise<void>;
}

const log = createRelayLogger('silent');

export const openModelRelay = async (clock: ManualClock): Promise<ModelRelay> => {
  const dir = mkdtempSync(join(tmpdir(), 'locket-model-'));
  const file = join(dir, 'relay.sqlite');
  const backup = join(dir, 'backup.sqlite');
  let hasBackup = false;
  let crashArmed = false;

  const boot = async () => {
    const driver = openSqliteDriver(file);
    const store = createRelayStore(driver, {
      clock,
      beforeCommit: () => {
        if (!crashArmed) return;
        crashArmed = false;
        throw new RelayCrash('killed before the commit');
      },
    });
    await store.migrate();
    const twoFactor = createTwoFactor(store, { origins: [DEVELOPMENT_EXTENSION_ORIGIN], userVerification: 'required' });
    const context: RouteContext = {
      store, auth: createAuth(store, clock.now, twoFactor), twoFactor, limits: createRateLimits(driver, NO_LIMITS, clock.now),
      clientAddress: '127.0.0.1', log, relayInstance: await store.instanceId(),
      maxBodyBytes: LIMITS.maxBodyBytes, now: clock.now, poke: () => undefined, disconnect: () => undefined,
    };
    return { driver, store, context };
  };
  let running = await boot();

  const restart = async (beforeOpen?: () => void) => {
    await running.store.close();
    beforeOpen?.();
    running = await boot();
  };

  const handle = async (path: string, init: { readonly body?: unknown; readonly token?: string }): Promise<RelayAnswer> => {
    const payload = init.body === undefined ? [] : [Buffer.from(JSON.stringify(init.body))];
    const request = Object.assign(Readable.from(payload), {
      method: init.body === undefined ? 'GET' : 'POST',
      url: path,
      socket: { remoteAddress: '127.0.0.1' },
      headers: init.token === undefined ? {} : { authorization: `Bearer ${init.token}` },
    }) as unknown as IncomingMessage;
    try {
      const answer = await route(request, running.context);
      // Through JSON, as the wire would carry it.
      return { status: answer.status, body: JSON.parse(JSON.stringify(answer.body)) as unknown };
    } catch (error) {
      if (error instanceof RelayRefusal) return { status: error.status, body: { error: error.code } };
      if (error instanceof RelayCrash) await restart();
      throw error;
    }
  };

  return {
    store: () => running.store,
    handle,
    crashNextCommit: () => { crashArmed = true; },
    direct: async (write) => {
      try {
        return await write(running.store);
      } catch (error) {
        if (!(error instanceof RelayCrash)) throw error;
        await restart();
        return null;
      }
    },
    snapshot: async () => {
      // Everything committed is in the main file once the WAL is checkpointed.
      await running.store.close();
      copyFileSync(file, backup);
      hasBackup = true;
      running = await boot();
    },
    restoreSnapshot: async () => {
      if (!hasBackup) return false;
      await restart(() => {
        rmSync(`${file}-wal`, { force: true });
        rmSync(`${file}-shm`, { force: true });
        copyFileSync(backup, file);
      });
      return true;
    },
    retention: () => createRetentionSweep(running.driver, { clock }).run(),
    dispose: async () => {
      await running.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
