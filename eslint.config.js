import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import globals from 'globals';
import { layerRules } from './lint/layers.js';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  litConfigs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'lit/no-invalid-html': 'error',
      'lit/no-value-attribute': 'error',
    },
  },
  {
    // A test that reaches past a missing value should fail loudly, which `!` does.
    files: ['test/**/*.ts', 'components/**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // What each layer may import (lint/layers.js); cycles are checked by dependency-cruiser.
  ...layerRules,
);
