/**
 * Maps JSON pointers to line and column in JSON text, so findings can be printed as
 * `file:line:column` and SARIF results carry a region.
 *
 * @module
 */

/** A 1-based position in a text file. */
export interface TextPosition {
  line: number;
  column: number;
}

/** Looks up the position of a JSON pointer (see {@link locatePointers}). */
export interface PointerLocator {
  /** The position of the value at `pointer`, or of its nearest located ancestor. */
  locate(pointer: string): TextPosition;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Scans JSON text once and records where every value starts, by JSON pointer (RFC 6901). For
 * object members the position is that of the member's key, which is where an editor should put
 * the cursor. Invalid JSON is scanned as far as it goes: pointers not reached resolve to their
 * nearest ancestor, and the root to line 1, column 1.
 *
 * @param text - JSON text
 * @example
 * ```ts
 * locatePointers('{\n  "a": [1, 2]\n}').locate('/a/1'); // { line: 2, column: 11 }
 * ```
 */
export function locatePointers(text: string): PointerLocator {
  const positions = new Map<string, number>();
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  const string = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return text.slice(start + 1, i - 1);
    }
  };
  const value = (pointer: string, at: number): void => {
    ws();
    if (!positions.has(pointer)) positions.set(pointer, at < 0 ? i : at);
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      while (i < text.length && text[i] !== '}') {
        ws();
        if (text[i] !== '"') return;
        const keyAt = i;
        const key = string();
        ws();
        if (text[i] !== ':') return;
        i++;
        value(`${pointer}/${escapePointer(key)}`, keyAt);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') return;
      }
      i++;
    } else if (c === '[') {
      i++;
      let index = 0;
      ws();
      while (i < text.length && text[i] !== ']') {
        value(`${pointer}/${index++}`, -1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] !== ']') return;
        ws();
      }
      i++;
    } else if (c === '"') {
      string();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i++;
    }
  };
  try {
    value('', -1);
  } catch {
    // Scanning stops at the first surprise; what was located so far stays usable.
  }
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) lineStarts.push(k + 1);
  const toPosition = (offset: number): TextPosition => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1 };
  };
  return {
    locate(pointer) {
      let p = pointer;
      for (;;) {
        const offset = positions.get(p);
        if (offset !== undefined) return toPosition(offset);
        if (p === '') return { line: 1, column: 1 };
        p = p.slice(0, p.lastIndexOf('/'));
      }
    },
  };
}
