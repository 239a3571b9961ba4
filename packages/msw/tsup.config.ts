import { defineConfig } from 'tsup';

/** One ESM entry; msw and @milieu/core stay external (msw is a peer, core a dependency). */
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  external: ['msw', /^msw\//, '@milieu/core', 'zod', /^zod\//],
});
