import { defineConfig } from 'tsup';

/** One entry per wrapper (each registers its element) and the index re-exporting all four. */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'expectation-card': 'src/expectation-card.ts',
    'schedule-board': 'src/schedule-board.ts',
    'feedback-form': 'src/feedback-form.ts',
    'attendance-sheet': 'src/attendance-sheet.ts',
  },
  format: ['esm'],
  target: 'es2022',
  platform: 'browser',
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  external: ['react', '@lit/react', /^@milieu\/elements/],
});
