import { afterEach, describe, expect, it, vi } from 'vitest';
import * as dev from './dev.development.js';
import * as prod from './dev.production.js';

afterEach(() => vi.restoreAllMocks());

describe('dev warnings', () => {
  it('warn once per message in development, naming the tag and the docs', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    dev.devWarn('milieu-x', 'view="nope" is not a view.', 'docs/x.md');
    dev.devWarn('milieu-x', 'view="nope" is not a view.', 'docs/x.md');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe('<milieu-x>: view="nope" is not a view. See docs/x.md');
    expect(dev.DEV).toBe(true);
  });

  it('are silent in production builds', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    prod.devWarn('milieu-x', 'anything', 'docs/x.md');
    expect(warn).not.toHaveBeenCalled();
    expect(prod.DEV).toBe(false);
  });
});
