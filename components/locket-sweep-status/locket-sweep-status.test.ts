import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { SweepReport } from '../../worker/sweep-contract';
import { controlled } from '../../test/elements/fakes';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices, testSweepReport } from '../../test/elements/test-services';
import './locket-sweep-status';

describe('locket-sweep-status', () => {
  it('says no sweep has run yet, and when the next is due', async () => {
    const { services } = await createTestServices();
    await mount('locket-sweep-status', { retention: services.retention });
    await expect.element(page.getByText('No sweep has run yet.')).toBeVisible();
    await expect.element(page.getByText('Next sweep due: when Locket next opens')).toBeVisible();
  });

  it('shows the last report, with what was purged', async () => {
    const { services } = await createTestServices({
      retention: { lastSweep: async () => testSweepReport({ purged: { person: 2 }, loginsDeleted: 1 }) },
    });
    await mount('locket-sweep-status', { retention: services.retention });
    const report = page.getByRole('list', { name: 'Last sweep' });
    await expect.element(report).toHaveTextContent('Purged from the trash: 2 people.');
    await expect.element(report).toHaveTextContent('Login history: 1 entry removed.');
  });

  it('runs a sweep on request, shows it as running, then shows its report and tells the page', async () => {
    const sweepNow = controlled<[], SweepReport | null>();
    const reports: SweepReport[] = [];
    const { services } = await createTestServices({
      retention: { sweepNow: sweepNow.fn, lastSweep: async () => reports.at(-1) ?? null },
    });
    const reported = listen('locket-sweep-reported');
    await mount('locket-sweep-status', { retention: services.retention });
    await userEvent.click(page.getByRole('button', { name: 'Run sweep now' }));
    await expect.element(page.getByRole('button', { name: 'Run sweep now' })).toBeDisabled();
    await expect.element(page.getByText('Sweeping…')).toBeVisible();
    const report = testSweepReport({ trigger: 'manual', purged: { case: 1 } });
    reports.push(report);
    sweepNow.calls[0]!.resolve(report);
    await expect.element(page.getByText('Sweep finished.')).toBeVisible();
    await expect.element(page.getByRole('list', { name: 'Last sweep' })).toHaveTextContent('started by you');
    expect(reported.events).toHaveLength(1);
  });

  it('says a sweep failed, and when another was already running', async () => {
    let fail = true;
    const { services } = await createTestServices({
      retention: { sweepNow: async () => { if (fail) throw new Error('the worker stopped'); return null; } },
    });
    await mount('locket-sweep-status', { retention: services.retention });
    await userEvent.click(page.getByRole('button', { name: 'Run sweep now' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('The sweep failed: the worker stopped');
    fail = false;
    await userEvent.click(page.getByRole('button', { name: 'Run sweep now' }));
    await expect.element(page.getByText('Another sweep was already running', { exact: false })).toBeVisible();
  });
});
