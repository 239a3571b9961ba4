// ESLint flat config for the whole monorepo. Each package runs `eslint .` from its folder;
// this file is found by walking up.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

const ourPackages = [
  '@milieu/core',
  '@milieu/elements',
  '@milieu/fhir',
  '@milieu/msw',
  '@milieu/react',
  '@milieu/server',
];
const restrict = (patterns, message, regexes = []) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [{ group: patterns, message }, ...regexes.map((regex) => ({ regex, message }))] },
  ],
});

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/storybook-static/**',
      '**/node_modules/**',
      '**/coverage/**',
      '**/custom-elements.json',
      'examples/**',
      '**/public/mockServiceWorker.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // Import boundaries (../shared/architecture.md): core knows no screen and no sibling package.
  {
    files: ['packages/core/src/**/*.ts'],
    rules: restrict(
      ['lit', 'lit/*', '@lit/*', 'node:*', 'fs', 'path', ...ourPackages, '@milieu/core/*'],
      '@milieu/core is pure and DOM-free: it imports zod/mini only (see shared/architecture.md).',
      ['^zod$', '^zod/v4$', '^zod/v3$'],
    ),
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'HTMLElement',
          'customElements',
        ].map((name) => ({ name, message: '@milieu/core knows no screen: no DOM globals.' })),
      ],
    },
  },
  {
    files: ['packages/elements/**/*.ts'],
    rules: restrict(
      [
        '@milieu/server',
        '@milieu/server/*',
        '@milieu/msw',
        '@milieu/msw/*',
        '@milieu/react',
        'msw',
        'msw/*',
        '**/apps/**',
        '@milieu/core/src/*',
        '**/core/src/**',
      ],
      '@milieu/elements imports @milieu/core (public exports) and lit only (see shared/architecture.md).',
    ),
  },
  {
    files: [
      'packages/elements/**/*.test.ts',
      'packages/elements/**/*.stories.ts',
      'packages/elements/src/test/**',
    ],
    rules: restrict(
      ['@milieu/server', '**/apps/**', '**/core/src/**'],
      'tests may use msw, never server or app internals',
    ),
  },
  {
    files: ['packages/msw/src/**/*.ts'],
    rules: restrict(
      [
        'lit',
        'lit/*',
        '@milieu/elements',
        '@milieu/elements/*',
        '@milieu/server',
        '@milieu/server/*',
        '**/core/src/**',
      ],
      '@milieu/msw imports @milieu/core (contract schemas) and msw only (see shared/architecture.md).',
    ),
  },
  {
    files: ['packages/server/**/*.ts'],
    rules: restrict(
      [
        '@milieu/elements',
        '@milieu/elements/*',
        '@milieu/msw',
        '@milieu/msw/*',
        '@milieu/react',
        'lit',
        'lit/*',
        '**/apps/**',
        '**/core/src/**',
      ],
      '@milieu/server imports @milieu/core (public exports), its HTTP and storage libraries only.',
    ),
  },
  {
    files: ['packages/fhir/**/*.ts'],
    rules: restrict(
      [
        '@milieu/elements',
        '@milieu/elements/*',
        '@milieu/server',
        '@milieu/server/*',
        '@milieu/msw',
        '@milieu/msw/*',
        '@milieu/react',
        'lit',
        'lit/*',
        'msw',
        'msw/*',
        '**/apps/**',
        '**/core/src/**',
      ],
      '@milieu/fhir imports @milieu/core (public exports) and FHIR types only (see shared/architecture.md).',
    ),
  },
  {
    // The package runs in browsers too: no Node built-ins outside its tests.
    files: ['packages/fhir/src/**/*.ts'],
    rules: restrict(
      [
        'node:*',
        'fs',
        'path',
        'http',
        '@milieu/elements',
        '@milieu/server',
        '@milieu/msw',
        '@milieu/react',
        'lit',
        'msw',
        '**/core/src/**',
      ],
      '@milieu/fhir/src is pure (Node and browsers): @milieu/core and FHIR types only.',
    ),
  },
  {
    files: ['apps/**/*.ts'],
    rules: restrict(
      ['**/packages/*/src/**', '@milieu/*/src/*'],
      'apps use packages through their public exports only.',
    ),
  },
  // Elements: lit + wc rules; never the server, msw or apps.
  {
    files: ['**/*.component.ts', '**/components/**/*.ts', '**/internal/**/*.ts'],
    plugins: { lit, wc },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...wc.configs['best-practice'].rules,
      'wc/guard-super-call': 'off',
    },
  },
  // Plain Node scripts.
  {
    files: ['**/*.mjs', '**/*.cjs', 'scripts/**/*.js'],
    rules: { 'no-console': 'off' },
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
      },
    },
  },
);
