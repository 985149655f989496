import { describe, expect, it } from 'vitest';
import { idHash } from '../../../core/audit/hash';
import { createErase, type ErasureStep } from '../../../core/erasure/erase';
import { auditKeysOf } from '../../../core/db/store-deps';
import { pendingErasureScrubs } from '../../../core/snapshots/erasure-pending';
import { finishErasures } from '../../../worker/sweep/erasure-scrub';
import { createArchiveHarness, noProgress, PASSWORD, saved, seedAccount, type ArchiveHarness } from '../backup/archive-harness';

/** Every point where a browser killed mid-erasure could stop it, in the order erasure reaches them. */
const STEPS: readonly ErasureStep[] = ['planned', 'prepared', 'writing', 'committed', 'snapshot-page', 'scrubbed'];

const hasReceipt = async ({ store, deps }: ArchiveHarness, personId: string): Promise<boolean> => {
  const hash = await idHash(auditKeysOf(deps), personId);
  return (await store.audit.entries()).some((entry) => entry.type === 'record-erased' && entry.subjects.some((subject) => subject.idHash === hash));
};

const rawText = async ({ db }: ArchiveHarness, store: 'records' | 'snapshotChunks' | 'meta'): Promise<string> => JSON.stringify(await db.getAll(store));

describe('an erasure cut short at any step', () => {
  for (const step of STEPS) {
    it(`stopped at "${step}": either nothing was erased, or the receipt exists and no restore brings the person back`, async () => {
      const harness = await createArchiveHarness();
      const { store, archive, deps, db, codec } = harness;
      const { ada } = await seedAccount(harness);
      const snapshot = await archive.takeSnapshot();
      harness.clock.advance(1000);
      await archive.takeSnapshot();
      const backup = await archive.createBackup(PASSWORD, noProgress);

      const crash = new Error(`the browser stopped at ${step}`);
      const erase = createErase(deps, store.audit, { reached: (at) => { if (at === step) throw crash; } });
      await expect(erase(ada.id, { suppressEmails: false })).rejects.toBe(crash);

      const erased = await hasReceipt(harness, ada.id);
      // A person gone without a receipt is the one outcome that must never happen.
      expect(erased || (await store.get(ada.id)) !== undefined).toBe(true);
      if (!erased) {
        // Nothing of it landed: the person is whole and untouched, and the owner can erase again.
        expect(await rawText(harness, 'meta')).not.toContain(ada.id);
        expect((await store.linkedTo(ada.id)).length).toBeGreaterThan(0);
        await store.erase(ada.id, { suppressEmails: false });
        expect(await hasReceipt(harness, ada.id)).toBe(true);
      }

      // The next sweep finishes what the erasure left of the snapshots, and forgets the marker.
      await finishErasures({ db, codec });
      expect(await rawText(harness, 'snapshotChunks')).not.toContain(ada.id);
      expect(await pendingErasureScrubs(db)).toBe(0);
      expect(await rawText(harness, 'meta')).not.toContain(ada.id);

      saved(await archive.restoreSnapshot(snapshot.id, noProgress));
      expect(await store.get(ada.id)).toBeUndefined();
      saved(await archive.restoreBackup(backup.bytes, PASSWORD, noProgress));
      expect(await store.get(ada.id)).toBeUndefined();
      expect(await rawText(harness, 'records')).not.toContain(ada.id);
      expect(await hasReceipt(harness, ada.id)).toBe(true);
      expect(await store.audit.verifyChain()).toMatchObject({ ok: true });
    });
  }

  it('is restored without the person even before any sweep has finished the snapshots', async () => {
    const harness = await createArchiveHarness();
    const { store, archive, deps } = harness;
    const { ada, kase } = await seedAccount(harness);
    const snapshot = await archive.takeSnapshot();
    const crash = new Error('the browser stopped right after the commit');
    const erase = createErase(deps, store.audit, { reached: (at) => { if (at === 'committed') throw crash; } });
    await expect(erase(ada.id, { suppressEmails: false })).rejects.toBe(crash);
    expect(await rawText(harness, 'snapshotChunks')).toContain(ada.id);

    const outcome = saved(await archive.restoreSnapshot(snapshot.id, noProgress));
    expect(outcome.skippedErased).toBe(2);
    expect(await store.get(ada.id)).toBeUndefined();
    expect((await store.get(kase.id))?.fields).toMatchObject({ partyId: null });
  });
});
