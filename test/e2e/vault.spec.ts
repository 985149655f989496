import { expect, test } from './fixtures';
import { DEFAULT_OWNER, createAccount, field, lockedHeading } from './ui';
import { addVirtualAuthenticator } from './vault-helpers';

test('probe', async ({ context, openSurface }) => {
  test.setTimeout(240_000);
  const options = await openSurface('options');
  await createAccount(options);
  const a = await addVirtualAuthenticator(context, options, { prf: true });
  const addForm = options.getByRole('form', { name: 'Add a security key or passkey' });
  await addForm.getByLabel('Key name').fill('Laptop passkey');
  await field(addForm, 'Current password').fill(DEFAULT_OWNER.password);
  await addForm.getByRole('button', { name: 'Add key' }).click();
  await expect(options.getByRole('listitem', { name: 'Laptop passkey' })).toBeVisible({ timeout: 30_000 });
  const b = await addVirtualAuthenticator(context, options, { prf: false, transport: 'usb' });
  await addForm.getByLabel('Key name').fill('Blue YubiKey');
  await field(addForm, 'Current password').fill(DEFAULT_OWNER.password);
  await addForm.getByRole('button', { name: 'Add key' }).click();
  await expect(options.getByRole('listitem', { name: 'Blue YubiKey' })).toBeVisible({ timeout: 30_000 });
  const counts = async () => console.log('A', (await a.credentials()).map(c=>c.signCount), 'B', (await b.credentials()).map(c=>c.signCount));
  await counts();
  for (const [who, off] of [['A', b], ['B', a], ['A', b], ['B', a]] as const) {
    await options.getByRole('button', { name: 'Lock now' }).click();
    await expect(lockedHeading(options)).toBeVisible();
    await off.setAnswering(false);
    await field(options, 'Password').fill(DEFAULT_OWNER.password);
    const t = Date.now();
    await options.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(lockedHeading(options)).toBeHidden({ timeout: 20_000 }).catch(() => undefined);
    console.log('want', who, Date.now() - t, await options.getByRole('alert').allTextContents());
    await counts();
    await off.setAnswering(true);
  }
  await options.reload();
  await expect(options.getByRole('listitem', { name: 'Blue YubiKey' })).toBeVisible();
  console.log(await options.getByRole('table', { name: /Recent logins/ }).innerText());
});
