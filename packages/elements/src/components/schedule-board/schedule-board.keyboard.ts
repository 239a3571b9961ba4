import type { DayLayout } from '@milieu/core';

/** A focusable occurrence: its `data-key` and where it starts. */
export interface FocusCell {
  key: string;
  startMin: number;
}

/** Focusable occurrences per day column, in reading order. */
export type FocusGrid = FocusCell[][];

/** Where a key press moves focus: to a cell, or past the range (`page` = ±1 period). */
export type FocusMove = { key: string } | { page: 1 | -1 } | null;

/** Builds the focus grid from laid-out days; keys are `column.segment`. */
export function focusGrid(days: readonly DayLayout[]): FocusGrid {
  return days.map((d, c) => d.segments.map((s, i) => ({ key: `${c}.${i}`, startMin: s.startMin })));
}

/** The cell to focus first: the first occurrence of `preferColumn` (today), else the first one. */
export function firstKey(grid: FocusGrid, preferColumn: number): string | null {
  return (grid[preferColumn]?.[0] ?? grid.find((col) => col.length > 0)?.[0])?.key ?? null;
}

function locate(grid: FocusGrid, key: string): [number, number] | null {
  const dot = key.indexOf('.');
  const c = Number(key.slice(0, dot));
  const i = Number(key.slice(dot + 1));
  return grid[c]?.[i] ? [c, i] : null;
}

function nearest(col: readonly FocusCell[], startMin: number): FocusCell | undefined {
  let best = col[0];
  for (const cell of col) {
    if (best && Math.abs(cell.startMin - startMin) < Math.abs(best.startMin - startMin))
      best = cell;
  }
  return best;
}

function adjacentColumn(grid: FocusGrid, from: number, dir: 1 | -1): number {
  for (let c = from + dir; c >= 0 && c < grid.length; c += dir) if (grid[c]!.length) return c;
  return -1;
}

/**
 * Roving focus: where `key` (a `KeyboardEvent.key`) moves focus from `current`.
 *
 * - `grid` mode (week): ↑/↓ within the day, ←/→ to the nearest time in the neighbouring day;
 * - `list` mode (day, agenda): every arrow walks the reading order across days;
 * - Home/End: first/last of the day (with Ctrl: of the range);
 * - PageUp/PageDown: previous/next day, or `{ page }` past the edge of the range.
 */
export function moveFocus(
  grid: FocusGrid,
  current: string,
  key: string,
  mode: 'grid' | 'list',
  ctrl = false,
): FocusMove {
  const at = locate(grid, current);
  if (!at) {
    const first = firstKey(grid, 0);
    return first ? { key: first } : null;
  }
  const [c, i] = at;
  const col = grid[c]!;
  const here = col[i]!;
  const flat = mode === 'list' ? grid.flat() : [];
  const pos = mode === 'list' ? flat.indexOf(here) : -1;
  const to = (cell: FocusCell | undefined): FocusMove => (cell ? { key: cell.key } : null);
  const across = (dir: 1 | -1): FocusMove => {
    const n = adjacentColumn(grid, c, dir);
    return n < 0 ? null : to(nearest(grid[n]!, here.startMin));
  };
  switch (key) {
    case 'ArrowDown':
      return mode === 'list' ? to(flat[pos + 1]) : to(col[i + 1]);
    case 'ArrowUp':
      return mode === 'list' ? to(flat[pos - 1]) : to(col[i - 1]);
    case 'ArrowRight':
      return mode === 'list' ? to(flat[pos + 1]) : across(1);
    case 'ArrowLeft':
      return mode === 'list' ? to(flat[pos - 1]) : across(-1);
    case 'Home':
      return ctrl ? to(grid.flat()[0]) : to(col[0]);
    case 'End':
      return ctrl ? to(grid.flat().at(-1)) : to(col[col.length - 1]);
    case 'PageDown':
      return across(1) ?? { page: 1 };
    case 'PageUp':
      return across(-1) ?? { page: -1 };
    default:
      return null;
  }
}
