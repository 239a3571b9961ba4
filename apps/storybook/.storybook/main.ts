import type { StorybookConfig } from '@storybook/web-components-vite';

/** Designers' Storybook: stories live beside the components in packages/elements. */
const config: StorybookConfig = {
  stories: [
    '../src/**/*.mdx',
    '../src/**/*.stories.ts',
    '../../../packages/elements/src/**/*.stories.ts',
  ],
  // Serves mockServiceWorker.js for msw-storybook-addon.
  staticDirs: ['../../../packages/elements/public'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    viteConfig.resolve ??= {};
    // Read packages from source (same condition as the tests), so no build is needed for dev.
    viteConfig.resolve.conditions = ['@milieu/source', 'browser', 'module', 'import', 'default'];
    viteConfig.optimizeDeps ??= {};
    viteConfig.optimizeDeps.include = [
      ...(viteConfig.optimizeDeps.include ?? []),
      'lit',
      'lit/directive-helpers.js',
      // Known up front, so Vite never re-optimises and reloads a story test mid-run.
      'lit/directives/if-defined.js',
    ];
    return viteConfig;
  },
};
export default config;
