import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DEFAULT_OWNER, SIDE_PANEL_VIEWPORT, field, typeUntilFound } from './ui';

/**
 * A German browser gets Locket in German: the whole journey finds every control by its
 * German name, and the options page switches every open page to English and back.
 */
test.use({ browserLocale: 'de-DE' });

const PERSON = 'Ada Lovelace';
const tab = (page: Page, name: string): Locator => page.getByRole('tab', { name, exact: true });
const status = (page: Page): Locator => page.getByRole('main').getByRole('status');

test('a German browser: setup, add, search, open, edit, trash and restore, options, all in German', async ({ openSurface, saveScreenshot }) => {
  const page = await openSurface('sidepanel');
  await page.setViewportSize(SIDE_PANEL_VIEWPORT);

  await test.step('setup asks in German and opens the workspace', async () => {
    await expect(page.getByRole('heading', { name: 'Locket einrichten', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    const form = page.getByRole('form', { name: 'Ihr Konto erstellen' });
    await field(form, 'Ihr Name').fill(DEFAULT_OWNER.name);
    await field(form, 'E-Mail').fill(DEFAULT_OWNER.email);
    await field(form, 'Passwort').fill(DEFAULT_OWNER.password);
    await form.getByRole('button', { name: 'Konto erstellen', exact: true }).click();
    await expect(tab(page, 'Personen')).toHaveAttribute('aria-selected', 'true', { timeout: 15_000 });
    await expect(status(page)).toHaveText('Noch keine Personen.');
  });

  await test.step('a new person is added through the German form', async () => {
    await page.getByRole('button', { name: 'Neue Person', exact: true }).click();
    const form = page.getByRole('form', { name: 'Neue Person' });
    await field(form, 'Vorname').fill('Ada');
    await field(form, 'Nachname').fill('Lovelace');
    await field(form, 'Position').fill('Ingenieurin');
    await form.getByRole('button', { name: 'Person hinzufügen', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: PERSON })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Bearbeiten', exact: true })).toBeVisible();
    await saveScreenshot(page, 'german-detail');
  });

  await test.step('the list counts in German and search finds the person', async () => {
    await tab(page, 'Personen').click();
    await expect(status(page)).toHaveText('1 Person');
    const box = page.getByRole('searchbox', { name: 'Datensätze durchsuchen' });
    const hit = page.getByRole('list', { name: 'Suchergebnisse' }).getByRole('button', { name: `${PERSON} öffnen` });
    await typeUntilFound(box, 'Lovelace', hit);
    await expect(page.getByRole('banner').getByRole('status')).toHaveText('1 gefunden');
    await hit.click();
    await expect(page.getByRole('heading', { level: 2, name: PERSON })).toBeVisible();
  });

  await test.step('editing saves through "Änderungen speichern"', async () => {
    await page.getByRole('button', { name: 'Bearbeiten', exact: true }).click();
    const form = page.getByRole('form', { name: 'Person bearbeiten' });
    await field(form, 'Position').fill('Mathematikerin');
    await form.getByRole('button', { name: 'Änderungen speichern', exact: true }).click();
    await expect(page.getByRole('definition').filter({ hasText: 'Mathematikerin' })).toBeVisible();
  });

  await test.step('the person goes to the Papierkorb and comes back', async () => {
    await page.getByRole('button', { name: 'Löschen', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Löschen bestätigen' }).getByRole('button', { name: 'In den Papierkorb' }).click();
    await page.getByRole('banner').getByRole('button', { name: 'Papierkorb', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Papierkorb', exact: true })).toBeVisible();
    const row = page.getByRole('list', { name: 'Gelöschte Datensätze' }).getByRole('listitem');
    await expect(row).toContainText(`Gelöscht von ${DEFAULT_OWNER.name} am`);
    await expect(row).toContainText('noch 30 Tage');
    await saveScreenshot(page, 'german-trash');
    await row.getByRole('button', { name: `${PERSON} wiederherstellen`, exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `${PERSON} ist wieder da unter Personen.` })).toBeVisible();
  });

  await test.step('options speak German, and switching to English reaches the open side panel', async () => {
    const options = await openSurface('options');
    await expect(options.getByRole('heading', { level: 1, name: 'Locket-Einstellungen' })).toBeVisible({ timeout: 15_000 });
    const sections = options.getByRole('navigation', { name: 'Bereiche der Einstellungen' });
    for (const name of ['Allgemein', 'Sicherheit', 'Sicherung', 'Aufbewahrung', 'Prüfprotokoll', 'Gefahrenbereich']) {
      await expect(sections.getByRole('link', { name, exact: true })).toBeVisible();
    }
    const general = options.getByRole('form', { name: 'Allgemeine Einstellungen' });
    await field(general, 'Standardwährung').fill('CHF');
    await general.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await expect(general.getByRole('status')).toHaveText('Einstellungen gespeichert.');
    await saveScreenshot(options, 'german-options');

    const language = options.getByRole('combobox', { name: 'Sprache', exact: true });
    await expect(language).toHaveValue('');
    await language.selectOption({ label: 'English' });
    await expect(options.getByRole('heading', { level: 1, name: 'Locket settings' })).toBeVisible();
    await expect(tab(page, 'People')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await options.getByRole('combobox', { name: 'Language', exact: true }).selectOption({ label: 'Browser language (Deutsch)' });
    await expect(options.getByRole('heading', { level: 1, name: 'Locket-Einstellungen' })).toBeVisible();
    await expect(tab(page, 'Personen')).toBeVisible();
  });

  await test.step('locking and unlocking in German', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Sperren', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Locket ist gesperrt', exact: true })).toBeVisible();
    await field(page, 'Passwort').fill(DEFAULT_OWNER.password);
    await page.getByRole('button', { name: 'Entsperren', exact: true }).click();
    await expect(tab(page, 'Personen')).toBeVisible({ timeout: 15_000 });
  });
});
