import { defineConfig } from 'tsup';

/**
 * One entry per public subpath. `index` registers nothing; each
 * `<tag>.ts` entry is a registration module (the only side effects).
 */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'expectation-card': 'src/components/expectation-card/expectation-card.ts',
  },
  format: ['esm'],
  target: 'es2022',
  platform: 'browser',
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  splitting: true,
  external: ['lit', /^lit\//, /^@lit\//, '@milieu/core', 'zod', /^zod\//],
});
