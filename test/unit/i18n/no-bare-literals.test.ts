import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bareLiterals } from './bare-literals';

const root = join(import.meta.dirname, '../../..');
const filesUnder = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? filesUnder(path) : [path];
});

/** Where words belong: catalogues (they define them) and the i18n helpers; styles and tests hold none a user reads. */
const holdsNoUiWords = (path: string): boolean =>
  path.endsWith('.test.ts') || path.endsWith('.styles.ts') || path.startsWith('components/shared/i18n/')
  || /\bcatalogue[<(]/.test(readFileSync(join(root, path), 'utf8'));

const elementFiles = filesUnder(join(root, 'components'))
  .map((path) => relative(root, path))
  .filter((path) => path.endsWith('.ts') && !holdsNoUiWords(path));

describe('element code', () => {
  it('shows no words of its own: every text and read attribute comes from a catalogue', () => {
    const found = elementFiles
      .flatMap((path) => bareLiterals(readFileSync(join(root, path), 'utf8')).map((text) => `${path}: ${text}`));
    expect(found).toEqual([]);
  });

  it('finds a literal in a text node, an aria-label and a string an expression renders', () => {
    const source = 'const t = html`<h1>Set up Locket</h1><button aria-label="Close dialog">${busy ? \'Creating…\' : words.create}</button>`;';
    expect(bareLiterals(source)).toEqual(['Set up Locket', 'Close dialog', 'Creating…']);
  });

  it('reads past an element\'s own styles that run over several lines, and still finds the words after them', () => {
    const source = 'static override styles = [baseStyles, css`\n  ol { display: flex; }\n  .actions { gap: 4px; }\n`];\nconst t = html`<p>Waiting for the other device…</p>`;';
    expect(bareLiterals(source)).toEqual(['Waiting for the other device…']);
  });

  it('lets words from a catalogue, class names, ids and key names pass', () => {
    const source = 'if (event.key === \'Enter\') x(); const t = html`<p class="form-error" id=${`${name}-error`}>${words.title}</p>`;';
    expect(bareLiterals(source)).toEqual([]);
  });
});
