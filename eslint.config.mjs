import nx from '@nx/eslint-plugin';
import prettierRecommended from 'eslint-plugin-prettier/recommended';

// Layering is one-way: apps -> plugins -> core. A plugin never imports another plugin;
// core never imports a plugin. Support libraries (type:lib) depend on nothing of ours.
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/test-output', '**/coverage', '**/.docs-run-*'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:plugin', 'type:core', 'type:lib', 'type:testkit'] },
            { sourceTag: 'type:plugin', onlyDependOnLibsWithTags: ['type:core', 'type:lib', 'type:testkit'] },
            { sourceTag: 'type:testkit', onlyDependOnLibsWithTags: ['type:core', 'type:lib'] },
            { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core', 'type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:core', 'type:lib', 'type:tooling'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Formatting is part of lint: prettier/prettier reports unformatted code, and the bundled
  // eslint-config-prettier switches off the stylistic rules that would fight it.
  prettierRecommended,
  // After the prettier config, which turns max-len off: catches the lines prettier cannot break
  // (long strings, comments, template literals), so no line exceeds the .prettierrc.json printWidth.
  {
    name: 'waitless/max-len',
    rules: {
      'max-len': ['error', { code: 140, tabWidth: 2, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
];
