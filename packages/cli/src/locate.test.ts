import { describe, expect, it } from 'vitest';
import { locatePointers } from './locate.js';

describe('locatePointers', () => {
  const text = '{\n  "a": [1, {"b~c": "x"}],\n  "d/e": { "f": null }\n}\n';
  const at = locatePointers(text);

  it('finds members (at their key), array items and escaped names', () => {
    expect(at.locate('')).toEqual({ line: 1, column: 1 });
    expect(at.locate('/a')).toEqual({ line: 2, column: 3 });
    expect(at.locate('/a/0')).toEqual({ line: 2, column: 9 });
    expect(at.locate('/a/1/b~0c')).toEqual({ line: 2, column: 13 });
    expect(at.locate('/d~1e/f')).toEqual({ line: 3, column: 12 });
  });

  it('falls back to the nearest ancestor, and survives broken JSON', () => {
    expect(at.locate('/a/7/zzz')).toEqual({ line: 2, column: 3 });
    expect(locatePointers('{ "a": [1, ').locate('/a/1')).toEqual({ line: 1, column: 3 });
    expect(locatePointers('').locate('/x')).toEqual({ line: 1, column: 1 });
  });
});
