import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncEngine } from '../../../core/sync/engine/engine';
import type { SecurityKeyRequest } from '../../../core/sync/engine/two-factor-session';
import type { SyncAccountPort, SyncIdentity } from '../../../core/sync/ports';
import type { SyncRunner } from '../../../platform/sync/sync-runner';
import { createWorkerClient } from '../../../worker/client';
import type { LocketWorkerApi } from '../../../worker/contract';
import { syncContract, type SecurityKeyPrompt } from '../../../worker/contracts/sync';
import { hostContract } from '../../../worker/host';
import { createSyncApi } from '../../../worker/sync-api';

const IDENTITY: SyncIdentity = { relayUrl: 'https://relay.example.com', team: 'team-1', deviceId: 'device-1', deviceName: 'Chrome on Linux', epoch: 1 };
const REQUEST: SecurityKeyRequest = { challenge: 'challenge-1', userVerification: 'required', credentials: [] };
// Stands in for the browser's WebAuthn answer: only its crossing back to the worker is checked here.
const REGISTERED = { id: 'key-1', rawId: 'key-1', type: 'public-key', clientExtensionResults: {}, response: { clientDataJSON: 'c', attestationObject: 'a' } } as const;
const ASSERTED = { id: 'key-1', rawId: 'key-1', type: 'public-key', clientExtensionResults: {}, response: { clientDataJSON: 'c', authenticatorData: 'd', signature: 's' } } as const;

let channel: MessageChannel | null = null;
afterEach(() => {
  channel?.port1.close();
  channel?.port2.close();
  channel = null;
});

/** The engine's side of a session the relay held for two-factor: registers, then asserts, through the port it is given. */
const engineAnswering = () => {
  const seen: unknown[] = [];
  const engine = {
    confirmTwoFactor: async (port: Parameters<SyncEngine['confirmTwoFactor']>[0]) => {
      const registered = await port.register(REQUEST);
      seen.push(registered);
      if (!registered.ok) return { ok: false, error: { type: 'security-key', prompt: registered.error } } as const;
      seen.push(await port.assert(REQUEST));
      return { ok: true, value: undefined } as const;
    },
  } as unknown as SyncEngine;
  return { engine, seen };
};

/** The page's client of the sync api, over a real comlink channel to the worker's host, as in the browser. */
const pageClient = (engine: SyncEngine | null, identity: SyncIdentity | null = IDENTITY) => {
  const account = { identity: async () => identity } as unknown as SyncAccountPort;
  const runner = { engine: () => engine } as unknown as SyncRunner;
  const api = createSyncApi({ account, runner, transportFor: () => { throw new Error('no relay in this test'); }, clock: { now: () => 0 } });
  channel = new MessageChannel();
  Comlink.expose(hostContract(syncContract, { immediate: {}, ready: Promise.resolve(api) } as never), channel.port1);
  const remote = Comlink.wrap<LocketWorkerApi>(channel.port2);
  return createWorkerClient(syncContract, () => remote, { mark: () => undefined, markNow: () => undefined });
};

describe('confirming two-factor from a page', () => {
  it('asks the page for each key prompt with this device as the key’s user, and hands the page’s answers to the engine', async () => {
    const { engine, seen } = engineAnswering();
    const prompts: SecurityKeyPrompt[] = [];
    const client = pageClient(engine);
    const result = await client.confirmTwoFactor(async (prompt) => {
      prompts.push(prompt);
      return { ok: true, value: prompt.ceremony === 'register' ? REGISTERED : ASSERTED };
    });
    expect(result).toEqual({ ok: true, value: undefined });
    expect(prompts).toEqual([
      { ceremony: 'register', request: REQUEST, user: { id: 'device-1', name: 'Chrome on Linux' } },
      { ceremony: 'assert', request: REQUEST, user: { id: 'device-1', name: 'Chrome on Linux' } },
    ]);
    expect(seen).toEqual([{ ok: true, value: REGISTERED }, { ok: true, value: ASSERTED }]);
  });

  it('returns the page’s refused prompt as the reason, asking nothing more of the key', async () => {
    const { engine, seen } = engineAnswering();
    const client = pageClient(engine);
    let prompts = 0;
    const result = await client.confirmTwoFactor(async () => {
      prompts++;
      return { ok: false, error: { code: 'cancelled', detail: null } };
    });
    expect(result).toEqual({ ok: false, error: { type: 'security-key', prompt: { code: 'cancelled', detail: null } } });
    expect([prompts, seen.length]).toEqual([1, 1]);
  });

  // A worker that does not run sync hands the proof to the one that does: test/relay/two-factor-any-page.test.ts.
  it('answers not-connected, without a prompt, on a device that has no sync account', async () => {
    const client = pageClient(null, null);
    let prompts = 0;
    const result = await client.confirmTwoFactor(async () => {
      prompts++;
      return { ok: false, error: { code: 'cancelled', detail: null } };
    });
    expect([result, prompts]).toEqual([{ ok: false, error: { type: 'not-connected' } }, 0]);
  });
});
