// Prints one plain closing line after vitest's own summary, so CI logs state the outcome in a
// form any reader (or tool) understands:
//
//   892 passed, 0 failed, 0 skipped · core 9.8 s, cli 2.1 s, server 31.0 s, …, storybook 70.1 s
//
// Each project's duration is wall-clock time from its first test file being queued to its last
// one finishing (projects run side by side, so they overlap). When a test used more than half of
// its timeout, a line before it names it: such a test is the next one to fail on a busier machine
// (`npm run test:stress` shows them).

/** Share of its timeout above which a passing test is reported as near it. */
const NEAR = 0.5;

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

export default class SummaryReporter {
  /** @type {Map<string, number>} project → when its first file was queued */
  #first = new Map();
  /** @type {Map<string, number>} project → when its last file ended */
  #last = new Map();

  onTestModuleQueued(mod) {
    const name = mod.project.name;
    if (!this.#first.has(name)) this.#first.set(name, performance.now());
  }

  onTestModuleEnd(mod) {
    this.#last.set(mod.project.name, performance.now());
  }

  onTestRunEnd(testModules) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    /** @type {Map<string, number>} project → summed file durations (fallback) */
    const summed = new Map();
    const near = [];
    for (const mod of testModules) {
      const project = mod.project.name;
      summed.set(project, (summed.get(project) ?? 0) + (mod.diagnostic().duration ?? 0));
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
        const { duration } = test.diagnostic() ?? {};
        const timeout = test.options.timeout;
        if (state === 'passed' && duration && timeout && duration > timeout * NEAR) {
          near.push(`${project} › ${test.name} ${seconds(duration)} of ${seconds(timeout)}`);
        }
      }
      if (mod.state() === 'failed' && mod.children.size === 0) failed++;
    }
    const durations = [...summed.keys()].map((project) => {
      const first = this.#first.get(project);
      const last = this.#last.get(project);
      const ms = first !== undefined && last !== undefined ? last - first : summed.get(project);
      return `${project} ${seconds(ms)}`;
    });
    if (near.length) process.stdout.write(`\nnear their timeout: ${near.join('; ')}`);
    const counts = `${passed} passed, ${failed} failed, ${skipped} skipped`;
    process.stdout.write(`\n${counts}${durations.length ? ` · ${durations.join(', ')}` : ''}\n`);
  }
}
