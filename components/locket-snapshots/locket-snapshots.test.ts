import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { readRetentionPolicy, type PolicyProblem, type RetentionPolicy } from '../../core/retention/policy';
import type { Result } from '../../core/result';
import type { SnapshotInfo } from '../../core/snapshots/types';
import type { RestoreOutcome } from '../../worker/contract';
import { controlled } from '../../test/elements/fakes';
import { expectFocusOn, mount } from '../../test/elements/mount';
import { createTestServices, TEST_START } from '../../test/elements/test-services';
import './locket-snapshots';

type Progress = (done: number, total: number) => void;
const SNAPSHOT: SnapshotInfo = { id: 's1', takenAt: TEST_START, reason: 'daily', records: 12, bytes: 4096, complete: true } as SnapshotInfo;

describe('locket-snapshots', () => {
  it('turns daily snapshots off and on', async () => {
    const { services, db } = await createTestServices();
    await mount('locket-snapshots', { services });
    const daily = page.getByRole('switch', { name: 'Keep a daily snapshot' });
    await expect.element(daily).toBeChecked();
    await userEvent.click(daily);
    await expect.element(page.getByRole('status')).toHaveTextContent('Daily snapshots are off.');
    expect((await readRetentionPolicy(db)).snapshotsEnabled).toBe(false);
  });

  it('shows the owner\'s choice while it is saved, and goes back when it is refused', async () => {
    const writePolicy = controlled<[Partial<RetentionPolicy>], Result<RetentionPolicy, PolicyProblem>>();
    const { services } = await createTestServices({ retention: { writePolicy: writePolicy.fn } });
    await mount('locket-snapshots', { services });
    const daily = page.getByRole('switch', { name: 'Keep a daily snapshot' });
    await expect.element(daily).toBeChecked();
    await userEvent.click(daily);
    await expect.poll(() => writePolicy.calls.length).toBe(1);
    await expect.element(daily).not.toBeChecked();
    writePolicy.calls[0]!.resolve({ ok: false, error: { type: 'too-many-rules' } });
    await expect.element(page.getByRole('alert')).toHaveTextContent('Keep at most');
    await expect.element(daily).toBeChecked();
  });

  it('takes a snapshot on request and lists it', async () => {
    const snapshots: SnapshotInfo[] = [];
    const takeSnapshot = vi.fn(async () => { snapshots.push(SNAPSHOT); return SNAPSHOT; });
    const { services } = await createTestServices({ archives: { takeSnapshot, listSnapshots: async () => [...snapshots] } });
    await mount('locket-snapshots', { services });
    await expect.element(page.getByText('No snapshots yet.')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Take a snapshot now' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Snapshot taken: 12 records');
    await expect.element(page.getByRole('table', { name: 'Snapshots kept, newest first' })).toHaveTextContent('Daily');
  });

  it('restores a snapshot only after confirmation, with progress, and reports what came back', async () => {
    const restoreSnapshot = controlled<[string, Progress], RestoreOutcome>();
    const { services } = await createTestServices({ archives: { restoreSnapshot: restoreSnapshot.fn, listSnapshots: async () => [SNAPSHOT] } });
    await mount('locket-snapshots', { services });
    await userEvent.click(page.getByRole('button', { name: /^Restore the snapshot of/ }));
    await expectFocusOn(() => page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).element());
    await userEvent.click(page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }));
    expect(restoreSnapshot.calls).toHaveLength(0);

    await userEvent.click(page.getByRole('button', { name: /^Restore the snapshot of/ }));
    await userEvent.click(page.getByRole('button', { name: 'Restore this snapshot' }));
    expect(restoreSnapshot.calls[0]!.args[0]).toBe('s1');
    restoreSnapshot.calls[0]!.args[1](3, 12);
    await expect.element(page.getByRole('progressbar', { name: 'Restore progress' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Restore this snapshot' })).toBeDisabled();
    restoreSnapshot.calls[0]!.resolve({ ok: true, value: { records: { person: 12 }, settings: true, auditEntries: 0, skippedErased: 0, safetySnapshotId: 's2' } });
    await expect.element(page.getByText('Snapshot restored: 12 records put back', { exact: false })).toBeVisible();
  });

  it('says why a restore was refused', async () => {
    const { services } = await createTestServices({
      archives: { listSnapshots: async () => [SNAPSHOT], restoreSnapshot: async () => ({ ok: false, error: { type: 'snapshot-damaged' } }) },
    });
    await mount('locket-snapshots', { services });
    await userEvent.click(page.getByRole('button', { name: /^Restore the snapshot of/ }));
    await userEvent.click(page.getByRole('button', { name: 'Restore this snapshot' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('The snapshot was not restored: This snapshot is damaged and cannot be restored.');
  });
});
