import { expect, test } from './fixtures';
import { importFixture as fixture, openImportStage } from './import-helpers';
import { openFromList, showTab } from './ui';


test('a Google Contacts CSV and an Outlook vCard import with every email and phone in its place', async ({ openSurface, saveScreenshot }) => {
  const { options, panel, section } = await openImportStage(openSurface);
  const picker = section.getByLabel('CSV files to import');

  await test.step('Google’s CSV is mapped from its header row, checked and imported', async () => {
    await picker.setInputFiles(fixture('google-contacts.csv'));
    await expect(section.getByRole('combobox', { name: 'Field for column “E-mail 2 - Value”' })).toHaveValue('emails');
    await expect(section.getByRole('combobox', { name: 'Field for column “E-mail 1 - Label”' })).toHaveValue('');
    await expect(section.getByRole('combobox', { name: 'Field for column “Notes”' })).toHaveValue('note');
    await section.getByRole('button', { name: 'Check' }).click();
    const totals = section.getByRole('table', { name: 'What the import would do' }).getByRole('row', { name: /^Total/ });
    await expect(totals.getByRole('cell')).toHaveText(['4', '0', '0', '0']);
    await section.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Imported' })).toHaveText('Imported 4 records.');
  });

  await test.step('Outlook’s vCard goes through the same preview, with its photo left out and said so', async () => {
    await picker.setInputFiles(fixture('outlook-contact.vcf'));
    await expect(section.getByText('1 photo was left out: Locket keeps no images.')).toBeVisible();
    await expect(section.getByRole('combobox', { name: 'Field for column “E-mail 3 - Value”' })).toHaveValue('emails');
    await saveScreenshot(options, 'import-vcard-preview');
    await section.getByRole('button', { name: 'Check' }).click();
    await section.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Imported' })).toHaveText('Imported 3 records.');
  });

  await test.step('each person’s page shows every email and phone they had', async () => {
    await panel.bringToFront();
    await showTab(panel, 'People');
    await openFromList(panel, 'People', 'Mira Sample');
    const main = panel.getByRole('main');
    /** The field's definition on the detail page: the one holding its first value, holding exactly these values. */
    const expectField = async (values: readonly string[]) => {
      await expect(main.getByRole('definition').filter({ hasText: values[0] })).toHaveText(values.join(' '));
    };
    await expectField(['mira.sample@example.com', 'mira@example.org', 'mira.s@example.net']);
    await expectField(['+49 151 00000001', '+49 30 0000002']);
    await expect(main.getByText('Met at the trade fair.', { exact: false })).toBeVisible();
    await openFromList(panel, 'People', 'Jana Example');
    await expectField(['jana.example@example.co.uk', 'jana@example.org', 'j.example@example.net']);
    await expectField(['+44 161 496 0000', '+44 161 496 0999', '+44 7700 900123']);
    await saveScreenshot(panel, 'import-vcard-person');
  });
});
