import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../../../core/audit/audit-log';
import { deriveAuditKeys } from '../../../core/audit/hash';
import { pendingErasureScrubs } from '../../../core/snapshots/erasure-pending';
import { takeSnapshot } from '../../../core/snapshots/snapshots';
import { createErase } from '../../../core/erasure/erase';
import { openStoreDeps } from '../../../core/store/open-store';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import { createIdFactory } from '../../../core/ids';
import { createSweepHarness, sweptOk, type SweepHarness } from './harness';

const silentBus = { publish: () => undefined, subscribe: () => () => undefined, close: () => undefined };

/** An erasure whose browser died right after its transaction committed, before any snapshot was scrubbed. */
const eraseCutShort = async (h: SweepHarness, personId: string): Promise<void> => {
  const accountKey = new Uint8Array(h.accountKey);
  const auditKeys = await deriveAuditKeys(accountKey);
  const deps = await openStoreDeps({
    factory: h.factory, name: h.name, codec: createAesGcmCodec(accountKey), clock: h.clock, bus: silentBus, author: 'owner', auditKeys,
  });
  const crash = new Error('the browser stopped');
  const erase = createErase(deps, createAuditLog({ db: deps.db, clock: h.clock, keys: async () => auditKeys }), { reached: (step) => { if (step === 'committed') throw crash; } });
  await expect(erase(personId, { suppressEmails: false })).rejects.toBe(crash);
  deps.db.close();
};

const seed = async (h: SweepHarness) => {
  const ada = await h.store.create('person', { firstName: 'Ada', lastName: 'Lovelace' });
  if (!ada.ok) throw new Error('seed failed');
  const kase = await h.store.create('case', { name: 'Roof repair', partyId: ada.value.id });
  if (!kase.ok) throw new Error('seed failed');
  await takeSnapshot(h.db, { clock: h.clock, newId: createIdFactory(h.clock), reason: 'manual' });
  return { adaId: ada.value.id };
};

const chunksText = async (h: SweepHarness): Promise<string> => JSON.stringify(await h.db.getAll('snapshotChunks'));

describe('a sweep finishes an erasure cut short before its snapshot scrub', () => {
  it('with the key: the person leaves every snapshot and the marker goes', async () => {
    const h = await createSweepHarness();
    const { adaId } = await seed(h);
    await eraseCutShort(h, adaId);
    expect(await chunksText(h)).toContain(adaId);
    expect(await pendingErasureScrubs(h.db)).toBe(1);

    sweptOk(await h.sweep({ key: true }));
    expect(await chunksText(h)).not.toContain(adaId);
    expect(await pendingErasureScrubs(h.db)).toBe(0);
  });

  it('while locked: the rows and clear links go at once, and the marker waits for a sweep with the key', async () => {
    const h = await createSweepHarness();
    const { adaId } = await seed(h);
    await eraseCutShort(h, adaId);

    sweptOk(await h.sweep({ key: false }));
    const rows = (await h.db.getAll('snapshotChunks')).flatMap((chunk) => (chunk as { records: { id: string; links: string[] }[] }).records);
    expect(rows.some((row) => row.id === adaId || row.links.includes(adaId))).toBe(false);
    expect(await pendingErasureScrubs(h.db)).toBe(1);

    sweptOk(await h.sweep({ key: true }));
    expect(await chunksText(h)).not.toContain(adaId);
    expect(await pendingErasureScrubs(h.db)).toBe(0);
  });
});
