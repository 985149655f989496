import type { Locator, Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { createGermanAccount } from './german-helpers';
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

const OPTIONS_VIEWPORT = { width: 1000, height: 900 } as const;
const importFixture = (name: string): string => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

/** The options page of a German browser, an account set up through its German form. */
const germanOptions = async (openSurface: (surface: 'options') => Promise<Page>): Promise<Page> => {
  const options = await openSurface('options');
  await options.setViewportSize(OPTIONS_VIEWPORT);
  await createGermanAccount(options);
  await expect(options.getByRole('heading', { level: 1, name: 'Locket-Einstellungen' })).toBeVisible({ timeout: 15_000 });
  return options;
};

const section = async (options: Page, name: string): Promise<Locator> => {
  await options.getByRole('navigation', { name: 'Bereiche der Einstellungen' }).getByRole('link', { name, exact: true }).click();
  return options.getByRole('region', { name, exact: true });
};

test('a German browser: import, retention and sync in the options page, all in German', async ({ openSurface, saveScreenshot }) => {
  test.setTimeout(180_000);
  const options = await germanOptions(openSurface);

  await test.step('a contacts file is previewed, checked, imported and undone in German', async () => {
    const part = await section(options, 'Import');
    await part.getByLabel('Zu importierende CSV-Dateien').setInputFiles(importFixture('capsule-contacts.csv'));
    await expect(part.getByRole('table', { name: 'Erste Zeilen von capsule-contacts.csv' })).toBeVisible();
    await expect(part.getByRole('combobox', { name: 'Feld für Spalte „Email Address“' })).toHaveValue('emails');
    await expect(part.getByRole('group', { name: 'Datensätze, die Locket bereits hat' }).getByRole('radio', { name: 'Überspringen' })).toBeChecked();
    await part.getByRole('button', { name: 'Prüfen', exact: true }).click();
    const check = part.getByRole('table', { name: 'Was der Import tun würde' });
    await expect(check.getByRole('columnheader', { name: 'Übersprungen' })).toBeVisible();
    await expect(check.getByRole('row', { name: /^Gesamt/ })).toBeVisible();
    await expect(part.getByRole('list', { name: 'Zeilen zum Ansehen' }).getByRole('listitem').first()).toContainText(', Zeile ');
    await saveScreenshot(options, 'german-import-check');
    await part.getByRole('button', { name: 'Importieren', exact: true }).click();
    await expect(part.getByRole('status').filter({ hasText: 'importiert' })).toHaveText(/^\d+ Datensätze importiert\.$/);
    await part.getByRole('button', { name: 'Diesen Import rückgängig machen' }).click();
    await expect(part.getByRole('status').filter({ hasText: 'rückgängig' })).toHaveText(/^Import rückgängig gemacht: \d+ entfernt, 0 wiederhergestellt\.$/);
    const recent = part.getByRole('table', { name: 'Letzte Importe' });
    await expect(recent.getByRole('row').nth(1).getByRole('cell').nth(3)).toHaveText('Rückgängig gemacht');
  });

  await test.step('retention: what is kept, a rule and its review, a sweep and a snapshot, in German', async () => {
    const part = await section(options, 'Aufbewahrung');
    await expect(part.getByRole('list', { name: 'Was Locket aufbewahrt' })).toContainText('Gelöschte Datensätze bleiben 30 Tage im Papierkorb');
    await part.getByRole('combobox', { name: 'Anmeldeverlauf aufbewahren für' }).selectOption({ label: '180 Tage' });
    await expect(part.getByRole('status').filter({ hasText: 'Anmeldeverlauf' })).toHaveText(/jetzt 180 Tage lang aufbewahrt/);

    const form = part.getByRole('form', { name: 'Aufbewahrungsregel hinzufügen' });
    await form.getByLabel('Vorschlagen', { exact: true }).selectOption({ label: 'Vorgänge, abgeschlossen vor mehr als' });
    await form.getByLabel('Monate', { exact: true }).fill('0');
    await form.getByRole('button', { name: 'Regel hinzufügen' }).click();
    await expect(form.getByRole('alert')).toHaveText('Verwenden Sie mindestens 1 Monat.');
    await form.getByLabel('Monate', { exact: true }).fill('1');
    await form.getByRole('button', { name: 'Regel hinzufügen' }).click();
    const rule = 'Vorgänge, abgeschlossen vor mehr als 1 Monat';
    await expect(part.getByRole('list', { name: 'Aufbewahrungsregeln' }).getByRole('listitem')).toHaveText([new RegExp(rule)]);
    await part.getByRole('button', { name: `Regel prüfen: ${rule}`, exact: true }).click();
    await expect(part.getByRole('region', { name: `Prüfung: ${rule}` })).toContainText('Zu dieser Regel passt derzeit nichts.');

    await part.getByRole('button', { name: 'Jetzt bereinigen', exact: true }).click();
    await expect(part.getByRole('status').filter({ hasText: 'Bereinigung abgeschlossen.' })).toBeVisible({ timeout: 30_000 });
    await expect(part.getByRole('list', { name: 'Letzte Bereinigung' })).toContainText('Anmeldeverlauf:');
    await part.getByRole('button', { name: 'Jetzt einen Schnappschuss erstellen', exact: true }).click();
    await expect(part.getByRole('status').filter({ hasText: 'Schnappschuss erstellt' })).toHaveText(/^Schnappschuss erstellt: \d+ Datens/);
    await expect(part.getByRole('table', { name: 'Aufbewahrte Schnappschüsse, neueste zuerst' })
      .getByRole('button', { name: /^Den Schnappschuss vom .+ wiederherstellen$/ }).first()).toBeVisible();
    await saveScreenshot(options, 'german-retention');
  });

  await test.step('sync, off: both ways to start ask in German and refuse in German', async () => {
    const part = await section(options, 'Synchronisierung');
    await expect(part.getByText('Die Synchronisierung ist aus: Die Datensätze dieses Geräts liegen nur auf diesem Gerät.')).toBeVisible();
    const connect = part.getByRole('form', { name: 'Mit einem Relay verbinden' });
    await field(connect, 'Relay-Adresse').fill('ftp://relay.example.com');
    await expect(field(connect, 'Gerätename')).not.toHaveValue('');
    await connect.getByRole('button', { name: 'Verbinden', exact: true }).click();
    await expect(connect.getByRole('alert')).toHaveText('Das ist keine Relay-Adresse. Sie sieht aus wie https://relay.example.com.');
    const join = part.getByRole('form', { name: 'Mit einem Code beitreten' });
    await join.getByRole('button', { name: 'Beitreten', exact: true }).click();
    await expect(join.getByRole('alert')).toHaveText('Geben Sie den Code ein, den das andere Gerät anzeigt.');
    await saveScreenshot(options, 'german-sync');
  });
});
