import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-import-history';

const importTwoPeople = async (services: Awaited<ReturnType<typeof createTestServices>>['services']) => {
  const bytes = new TextEncoder().encode('kind,firstName,lastName\nperson,Ada,Lovelace\nperson,Grace,Hopper\n');
  const [preview] = await services.imports.previewImport([{ name: 'people.csv', bytes }]);
  const summary = await services.imports.planImport([{ name: 'people.csv', bytes }], [preview!.mapping!], 'skip');
  await services.imports.runImport(summary.planRef!, () => undefined);
};

describe('locket-import-history', () => {
  it('says when there is nothing to undo', async () => {
    const { services } = await createTestServices();
    await mount('locket-import-history', { services });
    await expect.element(page.getByText('No imports yet.')).toBeVisible();
  });

  it('undoes a past import only after confirmation, and announces it', async () => {
    const { services, store } = await createTestServices();
    await importTwoPeople(services);
    const undone = listen('locket-import-undone');
    await mount('locket-import-history', { services });
    const table = page.getByRole('table', { name: 'Recent imports' });
    await expect.element(table).toBeVisible();
    await userEvent.click(table.getByRole('button', { name: /^Undo the import of/ }));
    await expect.element(page.getByRole('alertdialog')).toHaveTextContent('removes the 2 records it created');

    await userEvent.click(page.getByRole('button', { name: 'Keep it' }));
    expect(page.getByRole('alertdialog').query()).toBeNull();
    expect(await store.count('person')).toBe(2);

    await userEvent.click(table.getByRole('button', { name: /^Undo the import of/ }));
    await userEvent.click(page.getByRole('button', { name: 'Undo import' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Import undone: 2 removed, 0 restored.');
    await expect.element(table).toHaveTextContent('Undone');
    expect(await store.count('person')).toBe(0);
    expect(undone.events).toHaveLength(1);
  });
});
