import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const page = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const INTEGRITY = page('../../packages/elements/dist/cdn/integrity.json');

/**
 * Writes the real SHA-384 of the CDN files into the pages that load them with a
 * `<script … integrity="__MILIEU_SRI_<file>__">`, as a portal pins the hashes it was given.
 */
function cdnIntegrity(): Plugin {
  return {
    name: 'milieu-cdn-integrity',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes('__MILIEU_SRI_')) return html;
        const manifest = JSON.parse(readFileSync(INTEGRITY, 'utf8')) as {
          files: Record<string, { integrity: string }>;
        };
        return html.replace(/__MILIEU_SRI_([\w.-]+)__/g, (_, file: string) => {
          const hash = manifest.files[file]?.integrity;
          if (!hash) throw new Error(`No integrity for cdn/${file}: build @milieu/elements first.`);
          return hash;
        });
      },
    },
  };
}

export default defineConfig({
  plugins: [cdnIntegrity()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // The polyfill would be one more script; every browser we support preloads modules.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        unit: page('./index.html'),
        participant: page('./participant.html'),
        kiosk: page('./kiosk.html'),
        lab: page('./embed/index.html'),
        cdn: page('./embed/cdn.html'),
        prefix: page('./embed/prefix.html'),
        twice: page('./embed/twice.html'),
      },
    },
  },
});
