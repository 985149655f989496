import { resolve } from 'node:path';
import type { Rolldown } from 'vite';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_SPLITTING } from '../../../code-splitting';

/**
 * What each extension page loads before it can paint: the chunks its entry imports statically,
 * and theirs in turn (dynamic imports load later, on use). The pages are bundled as the
 * extension build bundles them (vite, rolldown, minified), without writing anything.
 */
const PAGES = ['popup', 'sidepanel', 'options'] as const;
type Page = (typeof PAGES)[number];

interface PageLoad {
  /** Bytes of minified JavaScript fetched, parsed and run before the page's first task. */
  readonly bytes: number;
  /** The chunks fetched for it, each one more request in line before the first module runs. */
  readonly chunks: number;
  readonly modules: readonly string[];
}

const root = process.cwd();

const bundlePages = async (): Promise<Rolldown.OutputChunk[]> => {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    resolve: { alias: { '@': root } },
    worker: { format: 'es' },
    build: {
      write: false,
      minify: true,
      modulePreload: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: Object.fromEntries(PAGES.map((page) => [page, resolve(root, `entrypoints/${page}/main.ts`)])),
        output: { codeSplitting: CODE_SPLITTING },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((output) => output.output).filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
};

/**
 * Modules a page's entry imports dynamically but always, at open: the side panel paints its
 * remembered first screen from a small entry, then loads the workspace (entrypoints/sidepanel).
 * They count towards what the page loads at open all the same.
 */
const LOADED_AT_OPEN: { readonly [P in Page]: readonly string[] } = {
  popup: [], options: [], sidepanel: ['entrypoints/sidepanel/workspace.ts'],
};

/** The entry chunk and what it imports statically: all that runs before the page's first paint. */
const entryLoad = (chunks: readonly Rolldown.OutputChunk[], page: Page): PageLoad => load(chunks, page, false);

const staticLoad = (chunks: readonly Rolldown.OutputChunk[], page: Page): PageLoad => load(chunks, page, true);

const load = (chunks: readonly Rolldown.OutputChunk[], page: Page, withOpen: boolean): PageLoad => {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const entry = chunks.find((chunk) => chunk.isEntry && chunk.name === page);
  if (!entry) throw new Error(`No entry chunk for ${page}`);
  const atOpen = (chunk: Rolldown.OutputChunk): Rolldown.OutputChunk[] => !withOpen ? [] : chunk.dynamicImports
    .map((name) => byName.get(name))
    .filter((imported): imported is Rolldown.OutputChunk => imported !== undefined
      && LOADED_AT_OPEN[page].some((path) => imported.facadeModuleId?.endsWith(path) === true));
  const loaded = new Set<Rolldown.OutputChunk>();
  const visit = (chunk: Rolldown.OutputChunk): void => {
    if (loaded.has(chunk)) return;
    loaded.add(chunk);
    for (const name of chunk.imports) {
      const imported = byName.get(name);
      if (imported) visit(imported);
    }
    for (const imported of atOpen(chunk)) visit(imported);
  };
  visit(entry);
  const all = [...loaded];
  return { bytes: all.reduce((sum, chunk) => sum + chunk.code.length, 0), chunks: all.length, modules: all.flatMap((chunk) => chunk.moduleIds) };
};

/**
 * The most any page may load at open: room to grow, but not for a dependency the size of the
 * password dictionaries (1.6 MB) arriving unnoticed through a value import. The options page is
 * the largest (about 504 kB, 21 kB of it the side panel's early chunk, code-splitting.ts): its
 * sections shown only in or on the way into a team load on first use (see LazyElement), and a
 * new section of that kind should too.
 */
const PAGE_BUDGET_BYTES = 525_000;
/**
 * What the side panel runs before its early paint (entrypoints/sidepanel/main.ts): the early
 * database open, the session's sealed first screen, its words and plain DOM. Kept well below
 * the whole page, whose evaluation the first paint no longer waits for.
 */
const SIDE_PANEL_ENTRY_BYTES = 60_000;
/** The entry and the early chunk (code-splitting.ts), with room for the bundler's runtime. */
const SIDE_PANEL_ENTRY_CHUNKS = 3;

describe('what a page loads before it paints', () => {
  let chunks: Rolldown.OutputChunk[];
  beforeAll(async () => {
    chunks = await bundlePages();
  }, 180_000);

  it.each(PAGES)('%s leaves the password dictionaries to the password check, which loads them on use', (page) => {
    const dictionaries = staticLoad(chunks, page).modules.filter((id) => id.includes('/@zxcvbn-ts/'));
    expect(dictionaries).toEqual([]);
  });

  it.each(PAGES)('%s leaves the vCard parser (ical.js) to vCard import and export, which load it on use', (page) => {
    const vcard = staticLoad(chunks, page).modules.filter((id) => id.includes('/ical.js/'));
    expect(vcard).toEqual([]);
  });

  it.each(PAGES)('%s stays within its budget of script loaded at open', (page) => {
    expect(staticLoad(chunks, page).bytes).toBeLessThan(PAGE_BUDGET_BYTES);
  });

  it('side panel paints its remembered first screen from a small entry: no Lit, no workspace', () => {
    const entry = entryLoad(chunks, 'sidepanel');
    expect(entry.bytes).toBeLessThan(SIDE_PANEL_ENTRY_BYTES);
    expect(entry.chunks).toBeLessThanOrEqual(SIDE_PANEL_ENTRY_CHUNKS);
    expect(entry.modules.filter((id) => id.includes('/node_modules/lit') || id.includes('/components/locket-workspace/'))).toEqual([]);
    // The workspace is counted at open all the same: a page that lost it would pass the budget by accident.
    expect(staticLoad(chunks, 'sidepanel').modules.some((id) => id.includes('/components/locket-workspace/'))).toBe(true);
  });
});
