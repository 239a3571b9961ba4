/**
 * Reusable zod/mini checks for the document schemas: unique ids within a collection, unique
 * values, and ordered dates. Internal to the model; the schemas that use them are public.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';

type Payload = { value: unknown };
const isArray = (payload: Payload): boolean => Array.isArray(payload.value);
const isObject = (payload: Payload): boolean =>
  typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value);

/**
 * Reports every repeated `id` in an array of objects as `duplicate_id` at `/<index>/id`,
 * naming the index of the first use. Runs even when some items failed their own checks.
 *
 * @param key - the property that must be unique (default `id`)
 */
export function uniqueBy<T>(key = 'id'): z.core.$ZodCheck<T[]> {
  return z.superRefine<T[]>(
    (items, ctx) => {
      const seen = new Map<unknown, number>();
      items.forEach((item, index) => {
        if (typeof item !== 'object' || item === null) return;
        const value = (item as Record<string, unknown>)[key];
        if (typeof value !== 'string' && typeof value !== 'number') return;
        const first = seen.get(value);
        if (first === undefined) {
          seen.set(value, index);
          return;
        }
        ctx.addIssue({
          code: 'custom',
          path: [index, key],
          input: value,
          message: `duplicate ${key} "${String(value)}": already used at index ${first}`,
          params: { code: key === 'id' ? 'duplicate_id' : 'duplicate_value' },
        });
      });
    },
    { when: isArray },
  );
}

/**
 * Reports every repeated primitive in an array (e.g. `byDay: ['MO', 'MO']`) as `duplicate_value`.
 */
export function uniqueValues<T>(): z.core.$ZodCheck<T[]> {
  return z.superRefine<T[]>(
    (items, ctx) => {
      const seen = new Map<unknown, number>();
      items.forEach((value, index) => {
        if (typeof value === 'object' && value !== null) return;
        const first = seen.get(value);
        if (first === undefined) {
          seen.set(value, index);
          return;
        }
        ctx.addIssue({
          code: 'custom',
          path: [index],
          input: value,
          message: `"${String(value)}" is listed twice (first at index ${first})`,
          params: { code: 'duplicate_value' },
        });
      });
    },
    { when: isArray },
  );
}

/**
 * Reports `invalid_range` at `later` when both civil dates are present and `later` is before
 * `earlier` (ISO dates compare as strings).
 *
 * @param earlier - key of the date that must come first
 * @param later - key of the date that must not be before it
 */
export function dateNotBefore<T>(earlier: string, later: string): z.core.$ZodCheck<T> {
  return z.superRefine<T>(
    (obj, ctx) => {
      const record = obj as Record<string, unknown>;
      const a = record[earlier];
      const b = record[later];
      if (!isIsoDate(a) || !isIsoDate(b) || b >= a) return;
      ctx.addIssue({
        code: 'custom',
        path: [later],
        input: b,
        message: `${later} ${b} is before ${earlier} ${a}`,
        params: { code: 'invalid_range' },
      });
    },
    { when: isObject },
  );
}

const isIsoDate = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Adds a located custom issue with one of our stable codes. */
export function addIssue(
  ctx: z.core.$RefinementCtx<unknown>,
  path: PropertyKey[],
  code: string,
  message: string,
  input?: unknown,
): void {
  ctx.addIssue({ code: 'custom', path, input, message, params: { code } });
}

/** `when` predicate for object-level checks: run when the value is a plain object, even if some fields failed. */
export const whenObject = { when: isObject };
