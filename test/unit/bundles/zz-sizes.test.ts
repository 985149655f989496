import { resolve } from 'node:path';
import type { Rolldown } from 'vite';
import { build } from 'vite';
import { it } from 'vitest';
const root = process.cwd();
it('sizes', async () => {
  const result = await build({ configFile: false, root, logLevel: 'silent', resolve: { alias: { '@': root } }, worker: { format: 'es' },
    build: { write: false, minify: true, modulePreload: false, reportCompressedSize: false,
      rolldownOptions: { input: Object.fromEntries(['sidepanel', 'options'].map((p) => [p, resolve(root, `entrypoints/${p}/main.ts`)])) } } });
  const chunks = (Array.isArray(result) ? result : [result]).flatMap((o) => (o as Rolldown.RolldownOutput).output).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  for (const page of ['sidepanel', 'options']) {
    const entry = chunks.find((c) => c.isEntry && c.name === page)!;
    const loaded = new Set<Rolldown.OutputChunk>();
    const visit = (c: Rolldown.OutputChunk): void => { if (loaded.has(c)) return; loaded.add(c); for (const n of c.imports) { const i = byName.get(n); if (i) visit(i); } };
    visit(entry);
    const mods: [string, number][] = [];
    for (const c of loaded) for (const [id, m] of Object.entries(c.modules)) mods.push([id.replace(root, ''), m.renderedLength]);
    mods.sort((a, b) => b[1] - a[1]);
    console.log(page, mods.filter(([id]) => /components\/|core\/(filters|merge|pipeline|tasks|tracks|custom-fields|bulk|timeline)/.test(id)).slice(0, 45).map(([id, n]) => `${n} ${id}`).join('\n'));
  }
}, 300_000);
