/** Generates custom-elements.json from the components' JSDoc (read by Storybook, IDEs and wrappers). */
export default {
  globs: ['src/components/**/*.component.ts', 'src/internal/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
};
