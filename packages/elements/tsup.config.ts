import { existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

/** Every public tag; each has a registration module `src/components/<name>/<name>.ts`. */
const TAGS = ['expectation-card', 'schedule-board', 'feedback-form', 'attendance-sheet'];

/**
 * One entry per public subpath. `index` registers nothing; each `<name>.ts`
 * entry is a registration module (the package's only side effects).
 */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    all: 'src/all.ts',
    'dev.development': 'src/internal/dev.development.ts',
    'dev.production': 'src/internal/dev.production.ts',
    ...Object.fromEntries(
      TAGS.map((name) => [name, `src/components/${name}/${name}.ts`]).filter(([, file]) =>
        existsSync(file),
      ),
    ),
  },
  format: ['esm'],
  target: 'es2022',
  platform: 'browser',
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  splitting: true,
  external: ['#dev', 'lit', /^lit\//, /^@lit\//, '@milieu/core', 'zod', /^zod\//],
});
