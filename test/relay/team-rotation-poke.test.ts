/**
 * A removal reaches the remaining members' next writes at once (issue 13): the relay pokes every
 * socket of the team when its membership log moves, the device reads the log again before its next
 * push, and so the next set a remaining member pushes is sealed under the new key, without waiting
 * for the Team page's 15-second poll. A device that missed the poke is refused `stale_epoch` by the
 * relay and pushes again under the new key: no set sealed with what the removed member held lands
 * after the removal.
 */
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../core/hlc';
import { PullReplySchema, type StoredSet } from '../../core/sync/protocol';
import type { SyncEngine } from '../../core/sync/engine/engine';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { waitFor } from './support/relay-client';
import { createSwitchableTransport } from './support/sync-test-deps';
import { createTeamProfile, inviteAndJoin, type TeamProfile } from './support/team-engine-profile';

describe('a removal and its key rotation reach the other members\' devices at once', () => {
  let relay: TestRelay;
  let owner: TeamProfile;
  let mia: TeamProfile;
  let eve: TeamProfile;
  let eveMember: string;
  const engines: SyncEngine[] = [];

  const setsOnRelay = async (): Promise<StoredSet[]> => {
    const answer = await createSwitchableTransport(relay.url).request('/v1/pull', { token: await owner.session(), body: { since: 0 } });
    return v.parse(PullReplySchema, answer.body).sets;
  };

  const started = async (profile: TeamProfile) => {
    const running = await profile.engine();
    engines.push(running.engine);
    running.engine.start();
    await waitFor(() => running.engine.status().state === 'connected');
    return running;
  };

  beforeEach(async () => {
    relay = await startTestRelay();
    [owner, mia, eve] = await Promise.all([createTeamProfile(), createTeamProfile(), createTeamProfile()]);
    expect((await owner.account.createAccount(relay.url, 'Laptop')).ok).toBe(true);
    expect((await owner.api.createRecoveryKey()).ok).toBe(true);
    await inviteAndJoin(relay.url, owner, mia, 'standard', 'Mia');
    eveMember = await inviteAndJoin(relay.url, owner, eve, 'standard', 'Eve');
  });
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.stop()));
    await relay.dispose();
  });

  it('a remaining member\'s device reads the new key on the relay\'s poke, and its next set is sealed under it', async () => {
    const { replica } = await started(mia);
    expect(mia.team.latest()?.epoch).toBe(1);

    expect(await owner.api.removeMember(eveMember)).toEqual({ ok: true, value: undefined });
    // Nothing on Mia's device asked: the poke did, well before the page's 15-second poll or the engine's 45-second round.
    await waitFor(() => mia.team.latest()?.epoch === 2, 3000);

    const written = replica.write('After the removal');
    await waitFor(() => replica.ackedAt.has(written.setId), 3000);
    const stored = (await setsOnRelay()).find((set) => set.setId === written.setId);
    expect(stored?.epoch).toBe(2);
  });

  it('a device that missed the poke is refused a set under the old key, reads the log and pushes it again under the new one', async () => {
    // Eve is removed while Mia's device is closed: no socket, no poke.
    expect(await owner.api.removeMember(eveMember)).toEqual({ ok: true, value: undefined });
    const miaCrypto = (await mia.account.crypto())!;
    const identity = (await mia.account.identity())!;
    await mia.team.loadCached();
    expect(mia.team.latest()?.epoch).toBe(1);

    // What her device would have pushed: sealed under epoch 1, which Eve's device opens. The relay refuses it.
    const setId = formatHlc({ wallMs: Date.now(), counter: 1, nodeId: identity.deviceId });
    const stale = await miaCrypto.seal({
      clientSeq: 1, prevSetId: null,
      set: { setId, deviceId: identity.deviceId, author: 'me', items: [{ recordId: 'p-stale', kind: 'person', op: 'create', body: { changed: ['name'], values: { name: 'Old key' } } }] },
    }, identity.team);
    expect(stale.epoch).toBe(1);
    const refused = await createSwitchableTransport(relay.url).request('/v1/push', { token: await mia.session(), body: { reqId: 'stale', sets: [stale] } });
    expect(refused.body).toMatchObject({ results: [{ setId, error: 'stale_epoch' }] });

    // Her engine meets the same refusal, reads the log, and the set goes out under epoch 2.
    const { replica } = await started(mia);
    const written = replica.write('Sealed again');
    await waitFor(() => replica.ackedAt.has(written.setId), 3000);
    expect(mia.team.latest()?.epoch).toBe(2);
    expect((await setsOnRelay()).map((set) => set.epoch)).toEqual([2]);
  });
});
