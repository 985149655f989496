import type { Locator, Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import type { Surface } from './launch';
import { SIDE_PANEL_VIEWPORT, createAccount } from './ui';

/** A file under test/fixtures/import, by name. */
export const importFixture = (name: string): string => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

export interface ImportStage {
  readonly options: Page;
  readonly panel: Page;
  /** The options page's Import section, in front. */
  readonly section: Locator;
}

/** A new owner with the options page on its Import section and a side panel open beside it. */
export const openImportStage = async (openSurface: (surface: Surface) => Promise<Page>): Promise<ImportStage> => {
  const options = await openSurface('options');
  await options.setViewportSize({ width: 1100, height: 900 });
  await createAccount(options);
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await options.bringToFront();
  await options.getByRole('link', { name: 'Import', exact: true }).click();
  return { options, panel, section: options.getByRole('region', { name: 'Import', exact: true }) };
};
