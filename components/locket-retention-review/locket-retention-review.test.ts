import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { RetentionRule } from '../../core/retention/policy';
import type { RetentionCandidate } from '../../worker/contract';
import { controlled } from '../../test/elements/fakes';
import { expectFocusOn, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-retention-review';

const MONTH = 31 * 86_400_000;
const INACTIVE_24: RetentionRule = { id: 'r1', kind: 'inactive-people', months: 24 };

const withOldPeople = async () => {
  const made = await createTestServices();
  for (const firstName of ['Ada', 'Grace']) await made.store.create('person', { firstName, lastName: 'Example' });
  made.clock.advance(30 * MONTH);
  return made;
};

describe('locket-retention-review', () => {
  it('moves only the records kept checked, after confirmation, and notes it in the audit log', async () => {
    const { services, store } = await withOldPeople();
    await mount('locket-retention-review', { services, rule: INACTIVE_24 });
    await expect.element(page.getByRole('list', { name: 'Records the rule proposes' })).toHaveTextContent('Ada Example');
    await userEvent.click(page.getByRole('checkbox', { name: /Grace Example/ }));

    await userEvent.click(page.getByRole('button', { name: 'Move 1 to the trash' }));
    await expect.element(page.getByRole('alertdialog')).toHaveTextContent('Move 1 record to the trash?');
    await expectFocusOn(() => page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).element());
    expect(await store.trashCount()).toBe(0);

    await userEvent.click(page.getByRole('button', { name: 'Move to the trash' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('1 record moved to the trash.');
    expect(await store.trashCount()).toBe(1);
    const [trashed] = await store.trashPage(0, 1);
    expect(trashed!.record.kind === 'person' && trashed!.record.fields.firstName).toBe('Ada');
    await expect.element(page.getByRole('list', { name: 'Records the rule proposes' })).not.toHaveTextContent('Ada Example');
  });

  it('moves nothing when the owner cancels', async () => {
    const { services, store } = await withOldPeople();
    await mount('locket-retention-review', { services, rule: INACTIVE_24 });
    await userEvent.click(page.getByRole('button', { name: 'Move 2 to the trash' }));
    await userEvent.click(page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }));
    expect(page.getByRole('alertdialog').query()).toBeNull();
    expect(await store.trashCount()).toBe(0);
  });

  it('shows the proposals of the rule chosen last, even when an earlier rule answers later', async () => {
    const propose = controlled<[RetentionRule], readonly RetentionCandidate[]>();
    const { services } = await createTestServices({ retention: { proposeRetention: propose.fn } });
    const review = await mount('locket-retention-review', { services, rule: INACTIVE_24 });
    review.rule = { id: 'r2', kind: 'closed-cases', months: 12 };
    await expect.poll(() => propose.calls.length).toBe(2);
    propose.calls[1]!.resolve([{ id: 'c1', kind: 'case', title: 'Closed case', subtitle: '', since: 0 }]);
    await expect.element(page.getByText('Closed case')).toBeVisible();
    propose.calls[0]!.resolve([{ id: 'p1', kind: 'person', title: 'Ada Example', subtitle: '', since: 0 }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(page.getByText('Ada Example').query()).toBeNull();
    await expect.element(page.getByText('Closed case')).toBeVisible();
  });

  it('keeps one status after a move, the count moved, while the rule is checked again', async () => {
    const propose = controlled<[RetentionRule], readonly RetentionCandidate[]>();
    const { services, store } = await createTestServices({ retention: { proposeRetention: propose.fn } });
    const ada = await store.create('person', { firstName: 'Ada', lastName: 'Example' });
    if (!ada.ok) throw new Error('test person refused');
    await mount('locket-retention-review', { services, rule: INACTIVE_24 });
    propose.calls[0]!.resolve([{ id: ada.value.id, kind: 'person', title: 'Ada Example', subtitle: '', since: 0 }]);
    await userEvent.click(page.getByRole('button', { name: 'Move 1 to the trash' }));
    await userEvent.click(page.getByRole('button', { name: 'Move to the trash' }));
    await expect.poll(() => propose.calls.length).toBe(2);
    expect(page.getByRole('status').elements()).toHaveLength(1);
    await expect.element(page.getByRole('status')).toHaveTextContent('1 record moved to the trash.');
  });

  it('says when the rule could not be checked', async () => {
    const { services } = await createTestServices({ retention: { proposeRetention: async () => { throw new Error('the worker stopped'); } } });
    await mount('locket-retention-review', { services, rule: INACTIVE_24 });
    await expect.element(page.getByRole('alert')).toHaveTextContent('The rule could not be checked: the worker stopped');
  });
});
