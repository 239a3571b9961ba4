// Setup of the browser test projects (elements, react). Tests wait on conditions
// (`vi.waitFor`, `expect.poll`), never on clocks; the default bound of those waits (1 s) is shorter
// than a lazy chunk's import plus a document's parse takes on a busy 2-core machine
// (`npm run test:stress`). A wait still returns the moment its condition holds, so a longer bound
// costs nothing when tests pass; it only gives a loaded machine room. Each test's own timeout
// (5 s by default) still bounds it; the bound stays below it so a failure names the condition.
import { vi } from 'vitest';

const BOUND_MS = 4_000;
const waitFor = vi.waitFor.bind(vi);

vi.waitFor = ((callback: Parameters<typeof waitFor>[0], options?: Parameters<typeof waitFor>[1]) =>
  waitFor(
    callback,
    typeof options === 'number' ? options : { timeout: BOUND_MS, ...options },
  )) as typeof vi.waitFor;
