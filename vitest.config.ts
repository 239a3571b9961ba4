import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
// @ts-expect-error -- plain ESM helper shared with the e2e scripts
import { findChromium, INSTALL_HINT } from './scripts/chromium.mjs';

/** A path in the repository, whatever the working directory (workspace `test` scripts run in the package). */
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const argv = process.argv.join(' ');
const onlyNode =
  /--project[= ](core|cli|server|msw|fhir)\b/.test(argv) &&
  !/--project[= ](elements|demo|storybook|react)/.test(argv);
const chromium: string | undefined = findChromium();
if (!chromium && !onlyNode) {
  // Fail loudly: a browser project that silently skips would hide every element test.
  throw new Error(INSTALL_HINT);
}

const source = { conditions: ['@milieu/source'] };
/** Node projects resolve workspace packages through Vite's SSR resolver: give it the same condition. */
const nodeSource = {
  resolve: source,
  ssr: { resolve: { conditions: ['@milieu/source'], externalConditions: ['@milieu/source'] } },
};

/** Chromium through playwright, never a downloaded browser. */
const browser = {
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      executablePath: chromium ?? '/usr/bin/chromium',
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-gpu',
      ],
    },
  }),
  instances: [{ browser: 'chromium' as const }],
  screenshotFailures: false,
};

export default defineConfig({
  test: {
    reporters: ['default', here('scripts/summary-reporter.mjs')],
    projects: [
      {
        ...nodeSource,
        test: {
          name: 'core',
          root: here('packages/core'),
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] },
        },
      },
      {
        ...nodeSource,
        test: {
          name: 'cli',
          root: here('packages/cli'),
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        },
      },
      {
        ...nodeSource,
        test: {
          name: 'server',
          root: here('packages/server'),
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        ...nodeSource,
        test: {
          name: 'msw',
          root: here('packages/msw'),
          environment: 'node',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        ...nodeSource,
        test: {
          name: 'fhir',
          root: 'packages/fhir',
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'demo',
          root: here('apps/demo'),
          environment: 'node',
          include: ['test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: source,
        optimizeDeps: {
          include: [
            'lit',
            'lit/decorators.js',
            'lit/directive.js',
            'lit/directives/class-map.js',
            'lit/directives/guard.js',
            'lit/directives/if-defined.js',
            'lit/directives/live.js',
            'lit/directives/ref.js',
            '@lit/task',
            'zod/mini',
            'axe-core',
            'msw',
            'msw/browser',
          ],
        },
        test: {
          name: 'elements',
          root: here('packages/elements'),
          include: ['src/**/*.test.ts'],
          setupFiles: [here('scripts/browser-test-setup.ts')],
          expect: { poll: { timeout: 4_000 } },
          browser,
        },
      },
      {
        resolve: source,
        optimizeDeps: { include: ['lit', 'react', 'react-dom/client', '@lit/react'] },
        test: {
          name: 'react',
          root: here('packages/react'),
          include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
          setupFiles: [here('scripts/browser-test-setup.ts')],
          expect: { poll: { timeout: 4_000 } },
          browser: {
            ...browser,
            instances: [{ browser: 'chromium' as const, name: 'react (chromium)' }],
          },
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: here('apps/storybook/.storybook') })],
        // Stories import these; listed so Vite never re-optimises and reloads a test mid-run.
        optimizeDeps: {
          include: ['lit', 'lit/directive-helpers.js', 'lit/directives/if-defined.js'],
        },
        test: {
          name: 'storybook',
          browser: {
            ...browser,
            instances: [{ browser: 'chromium' as const, name: 'storybook (chromium)' }],
          },
        },
      },
    ],
  },
});
