import type { Page } from '@playwright/test';
import { CAPTURE_WORDS } from '../../components/locket-capture/capture-words';
import { CAPTURE_FAILURE_MESSAGES } from '../../components/shared/messages/capture-failure-messages';
import { capturedFromText } from '../../components/shared/messages/capture-messages';
import { FIELD_WORDS } from '../../components/shared/messages/record-words';
import { SURFACE_WORDS } from '../../components/shared/messages/surface-words';
import { expect, pageErrors } from './fixtures';
import { captureTest as test } from './capture-test';
import { pressToolbarButton } from './capture-helpers';
import { createGermanAccount, englishOnlyWords, expectNoEnglish, expectNoEnglishText } from './german-helpers';
import { SIDE_PANEL_VIEWPORT, field, linkedSection } from './ui';

/**
 * Quick capture in a German browser, the way capture.spec.ts drives it in English: the toolbar
 * popup's button, the list of what the page offers, the form to check, the saved mark and the
 * record. Every step is found by its German name, and no English phrase of capture's words
 * (or of the form's field labels) shows anywhere along the way.
 */
test.use({ browserLocale: 'de-DE' });

/** capturedFromText is a word function outside any table: read through an object so it is checked too. */
const ENGLISH = englishOnlyWords(CAPTURE_WORDS, CAPTURE_FAILURE_MESSAGES, { capturedFromText }, FIELD_WORDS);
const ENGLISH_IN_POPUP = englishOnlyWords(SURFACE_WORDS, CAPTURE_FAILURE_MESSAGES);

const PERSON = 'Dmitri Abara';
const captureView = (panel: Page) => panel.getByRole('region', { name: 'Schnellerfassung', exact: true });

test('a German browser: a team page is captured, checked, saved and opened, all in German', async ({
  context, extensionId, openSurface, fixtures, saveScreenshot,
}) => {
  test.setTimeout(120_000);
  expect(ENGLISH, 'the catalogues yield English phrases to look for').toEqual(expect.arrayContaining(['Quick capture', 'Captured from', 'First name']));
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createGermanAccount(panel);
  const pageUrl = fixtures.url('team-500.html');

  await test.step('the toolbar popup offers "Diese Seite erfassen"', async () => {
    const site = await context.newPage();
    await site.goto(pageUrl);
    const popup = await pressToolbarButton(context, extensionId, site);
    await expect.poll(() => popup.text()).toContain('Diese Seite erfassen');
    expectNoEnglishText(await popup.text(), ENGLISH_IN_POPUP);
    await popup.click('Diese Seite erfassen');
  });

  const view = captureView(panel);
  const people = view.getByRole('list', { name: 'Personen', exact: true });

  await test.step('the list says what the page offers in German', async () => {
    await expect(people.getByRole('button')).toHaveCount(500);
    await expect(view.getByRole('heading', { level: 2, name: 'Auf dieser Seite' })).toBeVisible();
    await expect(view.getByRole('status')).toHaveText(
      '500 Personen und 1 Organisation gefunden. Wählen Sie eine aus, um sie zu prüfen und zu speichern.');
    await expect(view.getByText(/^Erfasst von/)).toBeVisible();
    await expect(view.getByRole('button', { name: 'Erfassung verwerfen', exact: true })).toBeVisible();
    await expectNoEnglish(view, ENGLISH);
  });

  await test.step('the form to check is labelled in German', async () => {
    await people.getByRole('button', { name: `${PERSON} erfassen`, exact: true }).click();
    const form = view.getByRole('form', { name: 'Neue Person' });
    await expect(field(form, 'Vorname')).toHaveValue('Dmitri');
    await expect(field(form, 'Nachname')).toHaveValue('Abara');
    await expect(field(form, 'E-Mail-Adressen')).toHaveValue('dmitri.abara@team.example');
    await expect(field(form, 'Rechtsgrundlage')).toHaveValue('legitimate-interests');
    await expect(field(form, 'Quelle der Rechtsgrundlage')).toHaveValue(`Erfasst von ${pageUrl}`);
    await expect(form.getByLabel('Schlagwörter', { exact: true })).toBeVisible();
    await expect(view.getByText('Wird mit einer Notiz gespeichert:', { exact: true })).toBeVisible();
    await expect(form.getByRole('button', { name: 'Abbrechen', exact: true })).toBeVisible();
    await expectNoEnglish(view, ENGLISH);
    await panel.bringToFront();
    await saveScreenshot(panel, 'german-capture-form');
    await form.getByRole('button', { name: 'Person hinzufügen', exact: true }).click();
  });

  await test.step('back on the list, the person is marked "Gespeichert"', async () => {
    await expect(people.getByRole('listitem').filter({ hasText: PERSON })).toContainText('Gespeichert');
    await expectNoEnglish(view, ENGLISH);
    await saveScreenshot(panel, 'german-capture-saved');
    await view.getByRole('button', { name: 'Fertig', exact: true }).click();
    await expect(view).toHaveCount(0);
  });

  await test.step('the record in the side panel speaks German', async () => {
    await panel.getByRole('tab', { name: 'Personen', exact: true }).click();
    await panel.getByRole('list', { name: 'Personen', exact: true }).getByRole('button', { name: `${PERSON} öffnen`, exact: true }).click();
    await expect(panel.getByRole('heading', { level: 2, name: PERSON, exact: true })).toBeVisible();
    await expect(panel.getByRole('main')).toContainText('berechtigte Interessen seit');
    await expect(linkedSection(panel, 'Notizen')).toContainText('Erfasst von');
    await expectNoEnglish(panel.getByRole('main'), ENGLISH);
    await saveScreenshot(panel, 'german-capture-record');
  });

  await test.step('captured again, the person is offered for update in German', async () => {
    const site = await context.newPage();
    await site.goto(pageUrl);
    await (await pressToolbarButton(context, extensionId, site)).click('Diese Seite erfassen');
    await people.getByRole('button', { name: `${PERSON} erfassen`, exact: true }).click();
    const offer = view.getByRole('region', { name: 'Bereits in Locket', exact: true });
    await expect(offer).toContainText(`${PERSON} ist bereits in Locket (gleiche E-Mail-Adresse dmitri.abara@team.example).`);
    await expect(offer.getByRole('button', { name: 'Neue Person anlegen', exact: true })).toBeVisible();
    await offer.getByRole('button', { name: `${PERSON} aktualisieren`, exact: true }).click();
    await expect(view.getByRole('form', { name: `${PERSON} mit dieser Seite aktualisieren` })).toBeVisible();
    await expectNoEnglish(view, ENGLISH);
    await panel.bringToFront();
    await saveScreenshot(panel, 'german-capture-update');
    await view.getByRole('button', { name: 'Abbrechen', exact: true }).click();
    await view.getByRole('button', { name: 'Erfassung verwerfen', exact: true }).click();
    await expect(view).toHaveCount(0);
  });

  await test.step('a page Locket cannot read is refused in German', async () => {
    // The popup opened as a tab over itself has no page to read.
    const popupTab = await openSurface('popup');
    await popupTab.getByRole('button', { name: 'Diese Seite erfassen', exact: true }).click();
    await expect(captureView(panel).getByRole('alert')).toContainText('Locket kann diese Seite nicht lesen');
    await expectNoEnglish(captureView(panel), ENGLISH);
    await captureView(panel).getByRole('button', { name: 'Schließen', exact: true }).click();
    await expect(captureView(panel)).toHaveCount(0);
  });
  expect(pageErrors(panel)).toEqual([]);
});
