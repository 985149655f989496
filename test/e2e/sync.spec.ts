import { expect, pageErrors } from './fixtures';
import { connectToRelay, syncTest as test } from './sync-helpers';
import { createAccount } from './ui';

test('two profiles pair through a relay and stay in step', async ({ openSurface, relay, saveScreenshot }) => {
  test.setTimeout(180_000);
  const optionsA = await openSurface('options');
  await createAccount(optionsA);

  await test.step('A connects to the relay', async () => {
    await connectToRelay(optionsA, relay.url, 'Laptop');
    await saveScreenshot(optionsA, 'sync-connected');
  });
  expect(pageErrors(optionsA)).toEqual([]);
});
