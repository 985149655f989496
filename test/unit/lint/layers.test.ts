import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layer rules run through the project's own ESLint config, on snippets placed where a
// developer would write them; a rule that stopped firing would let a layer leak unnoticed.
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

const refusals = async (filePath: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((m) => m.message);
};

const importing = (specifier: string): string => `import type * as target from '${specifier}';\nexport type Target = typeof target;\n`;

describe('lint keeps the layers apart', () => {
  it.each([
    ['core/db/example.ts', '../trash/trash'],
    ['core/db/example.ts', '../purge/purge'],
    ['core/db/example.ts', '../store/contract'],
    ['core/db/example.ts', '../audit/audit-log'],
    ['core/db/example.ts', '@/core/imports/import-batch'],
    ['core/records/example.ts', '../../worker/api'],
    ['core/trash/example.ts', '@/platform/page-services/services'],
    ['core/audit/example.ts', 'wxt/browser'],
    ['core/capture/example.ts', '../vault/keys'],
    ['core/capture/example.ts', '../db/schema'],
    ['core/capture/example.ts', '../store/contract'],
    ['entrypoints/capture.ts', '@/core/vault/vault'],
    ['entrypoints/capture.ts', '@/core/store/open-store'],
    ['worker/example.ts', '../components/locket-gate/mount-surface'],
    ['platform/example/example.ts', '../../components/locket-gate/mount-surface'],
    ['platform/example/example.ts', '../../entrypoints/background'],
    ['components/example/example.ts', '../../entrypoints/background'],
  ])('refuses %s importing %s', async (filePath, specifier) => {
    expect(await refusals(filePath, importing(specifier))).toHaveLength(1);
  });

  it.each([
    ['core/db/example.ts', '../records/types'],
    ['core/db/example.ts', '../audit/hash'],
    ['core/trash/example.ts', '../db/transaction'],
    ['core/capture/example.ts', './extract'],
    ['core/capture/example.ts', '../records/field-rules'],
    ['entrypoints/capture.ts', '@/core/capture/extract'],
    ['worker/example.ts', '../core/store/contract'],
    ['platform/example/example.ts', '../../core/store/contract'],
    ['components/example/example.ts', '../../platform/page-services/services'],
  ])('lets %s import %s', async (filePath, specifier) => {
    expect(await refusals(filePath, importing(specifier))).toEqual([]);
  });
});

describe('the cycle check', () => {
  const { forbidden, options } = createRequire(import.meta.url)('../../../.dependency-cruiser.cjs');

  const cruiseFiles = async (files: Record<string, string>): Promise<ICruiseResult> => {
    const dir = await mkdtemp(join(tmpdir(), 'locket-cycles-'));
    try {
      await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(dir, name), text)));
      const result = await cruise(['.'], {
        baseDir: dir, ruleSet: { forbidden }, validate: true,
        tsPreCompilationDeps: options.tsPreCompilationDeps,
        enhancedResolveOptions: options.enhancedResolveOptions,
      });
      return result.output as ICruiseResult;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('refuses two files that import each other through a third, even for types only', async () => {
    const output = await cruiseFiles({
      'rows.ts': "import type { Store } from './store';\nexport interface Row { readonly store: Store }\n",
      'store.ts': "import type { Log } from './log';\nexport interface Store { readonly log: Log }\n",
      'log.ts': "import type { Row } from './rows';\nexport interface Log { readonly last: Row }\n",
    });
    expect(output.summary.violations.map((violation) => violation.rule.name)).toContain('no-circular');
  });

  it('accepts the same files once the shared shape sits beneath them', async () => {
    const output = await cruiseFiles({
      'rows.ts': 'export interface Row { readonly id: string }\n',
      'store.ts': "import type { Row } from './rows';\nexport interface Store { readonly rows: Row[] }\n",
      'log.ts': "import type { Row } from './rows';\nexport interface Log { readonly last: Row }\n",
    });
    expect(output.summary.violations).toEqual([]);
  });
});
