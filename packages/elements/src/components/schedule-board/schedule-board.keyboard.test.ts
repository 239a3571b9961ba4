import { describe, expect, it } from 'vitest';
import { firstKey, moveFocus, type FocusGrid } from './schedule-board.keyboard.js';

// Three days: Monday 09:00 and 14:00, nothing on Tuesday, Wednesday 08:00, 10:00 and 15:00.
const grid: FocusGrid = [
  [
    { key: '0.0', startMin: 540 },
    { key: '0.1', startMin: 840 },
  ],
  [],
  [
    { key: '2.0', startMin: 480 },
    { key: '2.1', startMin: 600 },
    { key: '2.2', startMin: 900 },
  ],
];

describe('moveFocus', () => {
  it('walks a day with up/down and jumps to the nearest time in the next non-empty day', () => {
    expect(moveFocus(grid, '0.0', 'ArrowDown', 'grid')).toEqual({ key: '0.1' });
    expect(moveFocus(grid, '0.0', 'ArrowUp', 'grid')).toBeNull();
    expect(moveFocus(grid, '0.1', 'ArrowRight', 'grid')).toEqual({ key: '2.2' });
    expect(moveFocus(grid, '2.1', 'ArrowLeft', 'grid')).toEqual({ key: '0.0' });
    expect(moveFocus(grid, '2.2', 'ArrowRight', 'grid')).toBeNull();
  });

  it('reads the list views in order across days', () => {
    expect(moveFocus(grid, '0.1', 'ArrowDown', 'list')).toEqual({ key: '2.0' });
    expect(moveFocus(grid, '2.0', 'ArrowLeft', 'list')).toEqual({ key: '0.1' });
  });

  it('goes to the ends of the day, or of the range with Ctrl', () => {
    expect(moveFocus(grid, '2.1', 'Home', 'grid')).toEqual({ key: '2.0' });
    expect(moveFocus(grid, '2.1', 'End', 'grid')).toEqual({ key: '2.2' });
    expect(moveFocus(grid, '2.1', 'Home', 'grid', true)).toEqual({ key: '0.0' });
    expect(moveFocus(grid, '0.0', 'End', 'list', true)).toEqual({ key: '2.2' });
  });

  it('pages by day and past the edges of the range', () => {
    expect(moveFocus(grid, '0.1', 'PageDown', 'grid')).toEqual({ key: '2.2' });
    expect(moveFocus(grid, '2.0', 'PageDown', 'grid')).toEqual({ page: 1 });
    expect(moveFocus(grid, '0.0', 'PageUp', 'list')).toEqual({ page: -1 });
  });

  it('ignores other keys and recovers from a stale key', () => {
    expect(moveFocus(grid, '0.0', 'a', 'grid')).toBeNull();
    expect(moveFocus(grid, '9.9', 'ArrowDown', 'grid')).toEqual({ key: '0.0' });
    expect(firstKey(grid, 1)).toBe('0.0');
    expect(firstKey(grid, 2)).toBe('2.0');
    expect(firstKey([[], []], 0)).toBeNull();
  });
});
