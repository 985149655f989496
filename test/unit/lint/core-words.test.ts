import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Core returns codes; the words for users live at the edge (components/shared/messages). A
 * sentence creeping back into core would reach a user in a place no table can translate, so
 * every quoted string in core that reads like one (a capital letter, then a space somewhere)
 * fails this test, outside comments.
 */
const CORE = join(process.cwd(), 'core');

/** A developer's error, thrown as a bug: its message is for the logs, never a refusal a user acts on. */
const THROWN_AS_BUG = /(?:new (?:Range|Type)?Error|vaultError)\(\s*(?:"",\s*)?$/;

/**
 * Sentences that stay, each for its reason. Kept short: a new entry needs a reason as good.
 * Keyed by file, then the sentence's start ('*': the whole file).
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  // The CSV format itself: column headers are what files exchanged with other tools name, and
  // each column's doc is the format's reference; neither is a message.
  'core/csv/columns.ts': ['*'],
  'core/csv/task-columns.ts': ['*'],
  'core/csv/activity-log-columns.ts': ['*'],
  // The CSV header a defined field may not take, since the export already writes a column under it.
  'core/custom-fields/edit.ts': ['Custom Fields'],
  // A vCard becomes a row under Google Contacts' own column headers, so the CSV import maps it.
  'core/vcard/read-vcards.ts': ['*'],
  // The stored vault's own checks: a vault that fails them is altered or broken, and the unlock
  // page shows the thrown error as a diagnosis (vault-repo.ts), not as a refusal to act on.
  'core/vault/vault-schema.ts': ['Locket accepts', 'Every PRF key', 'A password slot', 'Each key is', 'A credential id'],
  // The archive's row schema: only whether a row passes is used, never its messages.
  'core/archives/archive-rows.ts': ['Expected bytes', 'Expected a record id'],
};

interface Literal { readonly text: string; readonly line: number; readonly before: string }

const isRegexStart = (previous: string): boolean => previous === '' || /[(,=:[!&|?{};+\-*%<>~^]$/.test(previous) || /\breturn$/.test(previous);

/** The string literals of a TypeScript source, outside comments and regular expressions. */
const literalsOf = (source: string): Literal[] => {
  const found: Literal[] = [];
  let line = 1;
  let i = 0;
  let code = '';
  const readString = (quote: string): string => {
    let text = '';
    i++;
    while (i < source.length && source[i] !== quote) {
      if (source[i] === '\\') { text += source.slice(i, i + 2); i += 2; continue; }
      if (quote === '`' && source.startsWith('${', i)) {
        // An expression inside a template: skip it, counting braces, reading any strings in it.
        let depth = 1;
        i += 2;
        while (depth > 0 && i < source.length) {
          const char = source[i]!;
          if (char === "'" || char === '"' || char === '`') { found.push(literal(char)); continue; }
          if (char === '{') depth++;
          else if (char === '}') depth--;
          else if (char === '\n') line++;
          i++;
        }
        text += '${…}';
        continue;
      }
      if (source[i] === '\n') line++;
      text += source[i];
      i++;
    }
    i++;
    return text;
  };
  const literal = (quote: string): Literal => {
    const at = line;
    const before = code.trimEnd();
    const text = readString(quote);
    code += '""';
    return { text, line: at, before };
  };
  while (i < source.length) {
    const char = source[i]!;
    if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      line += source.slice(i, stop).split('\n').length - 1;
      i = stop;
    } else if (char === '/' && isRegexStart(code.trimEnd())) {
      let inClass = false;
      i++;
      while (i < source.length && (source[i] !== '/' || inClass)) {
        if (source[i] === '\\') i++;
        else if (source[i] === '[') inClass = true;
        else if (source[i] === ']') inClass = false;
        i++;
      }
      i++;
      code += '/r/';
    } else if (char === "'" || char === '"' || char === '`') {
      found.push(literal(char));
    } else {
      if (char === '\n') line++;
      code += char;
      i++;
    }
  }
  return found;
};

const looksLikeSentence = (text: string): boolean => /^[A-Z][a-z]/.test(text) && text.includes(' ');

const sourceFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
  const path = join(dir, entry.name);
  if (entry.isDirectory()) return sourceFiles(path);
  return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
});

/** Every sentence core holds, as "file:line: text", leaving out those thrown as bugs and those allowed. */
const sentencesIn = (path: string, source: string): string[] => {
  const allowed = ALLOWED[path] ?? [];
  return literalsOf(source)
    .filter(({ text, before }) => looksLikeSentence(text) && !THROWN_AS_BUG.test(before)
      && !allowed.some((start) => start === '*' || text.startsWith(start)))
    .map(({ text, line }) => `${path}:${line}: ${text}`);
};

describe('core holds no sentence for users', () => {
  it('finds a sentence where it would creep back, and not in a comment or a thrown bug', () => {
    const source = [
      '// A comment may say anything at all.',
      '/* So may a block comment. */',
      "const ok = 'name-missing';",
      "if (bad) throw new Error('The codec returned fewer values');",
      "if (bad) throw vaultError('keys-mismatch', 'These keys belong to another vault');",
      "const pattern = /it's here/;",
      "const refusal = { message: 'Enter the organisation’s name.' };",
      'const title = `Record ${id} is gone`;',
      "const nested = `${flag ? 'Unnamed person' : ''}`;",
    ].join('\n');
    expect(sentencesIn('core/example.ts', source)).toEqual([
      'core/example.ts:7: Enter the organisation’s name.',
      'core/example.ts:8: Record ${…} is gone',
      'core/example.ts:9: Unnamed person',
    ]);
  });

  it('finds none in core', () => {
    const found = sourceFiles(CORE).flatMap((file) =>
      sentencesIn(relative(process.cwd(), file).split('\\').join('/'), readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
