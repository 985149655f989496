/**
 * `npm run lint` runs this: no file may import itself back through others, type-only
 * imports included, because a ring of types still ties its files into one layer.
 * The layer rules (what each folder may import) live in eslint.config.js.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Two files import each other, directly or through others: move what both need beneath them.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.output|\\.wxt|test-results|playwright-report)/' },
    // Type-only imports are edges too: the ring this guards against was made of them.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
