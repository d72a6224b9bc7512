// One lint configuration for the whole repository.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';

// What the web client may not import; `more` adds to the list for one part of it.
function webClientImports(more) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [
              'vue',
              'vue-*',
              'pinia',
              'element-plus',
              'vant',
              '@nestjs/*',
              'typeorm',
              'node:*',
              ...more,
            ],
            message:
              'The web client uses no UI framework or server code (vitest only in testing/).',
          },
          {
            group: ['@baitong/api', '@baitong/console', '@baitong/resident', '**/apps/**'],
            message: 'Packages never import apps.',
          },
        ],
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.data/**',
      '.test-data/**',
      'artifacts/**',
      '**/coverage/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'vue/multi-word-component-names': 'off',
      // Prettier owns layout.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  // Type-checked rules where a floating promise or a missed enum case would hurt.
  {
    files: ['apps/api/src/**/*.ts', 'packages/*/src/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // Apps depend on packages, never the reverse; front ends never reach into the API.
  {
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@baitong/api', '@baitong/console', '@baitong/resident', '**/apps/**'],
              message: 'Packages never import apps.',
            },
          ],
        },
      ],
    },
  },
  // The rating engine and contracts are pure: no framework, database or I/O.
  {
    files: ['packages/rating-engine/src/**/*.ts', 'packages/contracts/src/**/*.ts'],
    ignores: ['packages/rating-engine/src/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'pg',
                'vue',
                'pinia',
                'node:*',
                'fs',
                'path',
                'http',
                'child_process',
              ],
              message: 'Pure packages import no framework, database or Node I/O.',
            },
            {
              group: ['@baitong/api', '@baitong/console', '@baitong/resident', '**/apps/**'],
              message: 'Packages never import apps.',
            },
          ],
        },
      ],
    },
  },
  // The web client serves both front ends: browser APIs and socket.io, no UI framework; vitest
  // only in its test fakes (the `testing` entry).
  {
    files: ['packages/web-client/src/**/*.ts'],
    ignores: ['packages/web-client/src/testing/**'],
    rules: webClientImports(['vitest']),
  },
  { files: ['packages/web-client/src/testing/**/*.ts'], rules: webClientImports([]) },
  // The front ends reach the server through the web client only.
  {
    files: ['apps/console/src/**/*.{ts,vue}', 'apps/resident/src/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'socket.io-client', message: 'Use RealtimeConnection of @baitong/web-client.' },
          ],
        },
      ],
    },
  },
  // Repositories are the only code that queries: TypeORM stays in repositories, entities, the
  // database folder (data source, migrations, Db), the demo loader (a bulk writer like a
  // migration) and the one filter that maps database errors to HTTP.
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/**/*.repository.ts',
      'apps/api/src/**/*.entity.ts',
      'apps/api/src/**/*.entities.ts',
      'apps/api/src/database/**',
      'apps/api/src/demo/**',
      'apps/api/src/app.module.ts',
      'apps/api/src/common/exception.filter.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              message: 'Only repositories, entities and migrations use TypeORM; pass a Tx.',
            },
            { name: '@nestjs/typeorm', message: 'Only app.module.ts wires TypeORM.' },
          ],
        },
      ],
    },
  },
);
