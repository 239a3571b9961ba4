import { defineConfig } from 'tsup';

/** One ESM entry; @milieu/core stays external (a dependency), FHIR types are type-only. */
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  external: ['@milieu/core', 'zod', /^zod\//, '@medplum/fhirtypes'],
});
