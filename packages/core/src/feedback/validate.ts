/**
 * One pure, cached validator for feedback form values: the template becomes a zod/mini schema
 * (compiled once per template and set of link options), and zod issues become per-field results
 * with `ValidityState` flags and localised messages, plus a `z.flattenError` summary.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { GoalStatus, MilieuDocument } from '../model/index.js';
import {
  FEEDBACK_MESSAGES,
  feedbackLanguage,
  formatFeedbackMessage,
  type FeedbackIssueCode,
} from './messages.js';
import { detectSafetyLanguage, type SafetyMatch, type SafetyOptions } from './safety.js';
import type { FeedbackItem, FeedbackTemplate } from './template.js';
import { templateItems } from './template-utils.js';

/** A value of one field: text, a chosen value or values, or a 1–5 rating. */
export type FeedbackValue = string | string[] | number;
/** Form values by item id, as typed (untrimmed); empty fields may be absent, `''` or `[]`. */
export type FeedbackValues = Readonly<Record<string, FeedbackValue | null | undefined>>;

/** The flags of the DOM's `ValidityStateFlags`, so core stays DOM-free. */
export interface ValidityFlags {
  badInput?: boolean;
  customError?: boolean;
  patternMismatch?: boolean;
  rangeOverflow?: boolean;
  rangeUnderflow?: boolean;
  stepMismatch?: boolean;
  tooLong?: boolean;
  tooShort?: boolean;
  typeMismatch?: boolean;
  valueMissing?: boolean;
}

/** A choosable goal or expectation. */
export interface LinkOption {
  id: string;
  label: string;
}

/**
 * What the validator needs besides the template: the reader's language, the subject's goals and
 * the program's expectations (options of link items), and safety-language options.
 * {@link contextFromDocument} fills goals and expectations from a document.
 */
export interface FeedbackContext {
  locale?: string;
  goals?: readonly { id: string; statement: string; status?: GoalStatus }[];
  expectations?: readonly { id: string; statement: string }[];
  safety?: SafetyOptions;
}

/** One problem with one field. `flags` go to `ElementInternals.setValidity`. */
export interface FieldIssue {
  fieldId: string;
  code: FeedbackIssueCode;
  flags: ValidityFlags;
  message: string;
}

/** A safety-language match in one field. */
export interface FieldSafetyMatch extends SafetyMatch {
  fieldId: string;
}

/** The result of {@link validateFeedback}. Treat it as read-only: results are cached. */
export interface FeedbackValidation {
  valid: boolean;
  /** Cleaned values: text trimmed, ratings as numbers, empty fields and unusable link items removed. */
  values: Record<string, FeedbackValue>;
  /** The first issue of each invalid field, in template order. */
  issues: FieldIssue[];
  /** The first issue by field id. */
  fields: Record<string, FieldIssue>;
  /** Every message, `z.flattenError` style. */
  summary: { formErrors: string[]; fieldErrors: Record<string, string[]> };
  /** Safety language in free-text fields. Never makes the form invalid. */
  safety: FieldSafetyMatch[];
}

/**
 * Goals of the subject and expectations of the program, for {@link FeedbackContext}.
 *
 * @param doc - the milieu document (or `null`)
 * @param subjectId - the participant the feedback is about
 */
export function contextFromDocument(
  doc: MilieuDocument | null | undefined,
  subjectId?: string,
): Pick<FeedbackContext, 'goals' | 'expectations'> {
  const subject = doc?.people.participants.find((p) => p.id === subjectId);
  return { goals: subject?.goals ?? [], expectations: doc?.expectations.items ?? [] };
}

/**
 * The options of a goal-link or expectation-link item (goals filtered by `statuses`, default
 * active only); `[]` for other items.
 */
export function linkOptions(item: FeedbackItem, context: FeedbackContext): LinkOption[] {
  if (item.type === 'goal-link') {
    const statuses: readonly string[] = item.statuses ?? ['active'];
    return (context.goals ?? [])
      .filter((g) => statuses.includes(g.status ?? 'active'))
      .map((g) => ({ id: g.id, label: g.statement }));
  }
  if (item.type === 'expectation-link') {
    return (context.expectations ?? []).map((e) => ({ id: e.id, label: e.statement }));
  }
  return [];
}

const VAGUE =
  /^(?:n\/?a|none|nothing|no|idk|ok|improve|be better|do better|try harder|work harder|keep it up|keep going|nada|ninguna?|no s[eé]|mejorar|ser mejor|esforzarse( m[aá]s)?|seguir as[ií])$/i;

/**
 * Whether a suggestion is specific enough: at least four words and not a stock phrase such as
 * "do better" or "mejorar". A heuristic that nudges; it does not judge.
 */
export function isSpecific(text: string): boolean {
  const plain = text
    .trim()
    .replace(/[.!¡?¿,;:]+/g, ' ')
    .trim();
  return plain.split(/\s+/).filter(Boolean).length >= 4 && !VAGUE.test(plain);
}

function itemSchema(item: FeedbackItem, options: LinkOption[]): z.ZodMiniType {
  switch (item.type) {
    case 'text': {
      const checks: z.core.$ZodCheck<string>[] = [z.maxLength(item.maxLength ?? 2000)];
      if ((item.minLength ?? 0) > 1) checks.unshift(z.minLength(item.minLength ?? 0));
      if (item.specific) checks.push(z.refine(isSpecific, { params: { code: 'not_specific' } }));
      return z.string().check(...checks);
    }
    case 'scale':
      return z.number().check(z.int(), z.gte(1), z.lte(5));
    case 'choice': {
      const one = z.enum(item.options.map((o) => o.value));
      if (!item.multiple) return one;
      const arr = z.array(one);
      return item.maxSelected ? arr.check(z.maxLength(item.maxSelected)) : arr;
    }
    default: {
      const one = z.enum(options.map((o) => o.id));
      return item.multiple ? z.array(one) : one;
    }
  }
}

interface Compiled {
  schema: z.ZodMiniType;
  items: FeedbackItem[];
  usable: Set<string>;
}

const compiled = new WeakMap<FeedbackTemplate, Map<string, Compiled>>();
const lastResult = new WeakMap<
  FeedbackTemplate,
  { key: string; safety: unknown; result: FeedbackValidation }
>();

function compile(
  template: FeedbackTemplate,
  context: FeedbackContext,
): { key: string; c: Compiled } {
  const items = templateItems(template);
  const opts = new Map(items.map((item) => [item.id, linkOptions(item, context)]));
  const key = items
    .filter((i) => i.type === 'goal-link' || i.type === 'expectation-link')
    .map((i) => `${i.id}:${(opts.get(i.id) ?? []).map((o) => o.id).join(',')}`)
    .join(';');
  let byKey = compiled.get(template);
  const hit = byKey?.get(key);
  if (hit) return { key, c: hit };
  const shape: Record<string, z.ZodMiniType> = {};
  const usable = new Set<string>();
  for (const item of items) {
    const options = opts.get(item.id) ?? [];
    const link = item.type === 'goal-link' || item.type === 'expectation-link';
    if (link && options.length === 0) continue; // nothing to choose: the item is skipped
    usable.add(item.id);
    const s = itemSchema(item, options);
    shape[item.id] = item.required ? s : z.optional(s);
  }
  const c = { schema: z.object(shape), items, usable };
  if (!byKey) compiled.set(template, (byKey = new Map()));
  if (byKey.size > 20) byKey.clear();
  byKey.set(key, c);
  return { key, c };
}

function clean(item: FeedbackItem, raw: FeedbackValue | null | undefined): unknown {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'string') {
    const t = raw.trim();
    if (!t) return undefined;
    return item.type === 'scale' && /^\d+$/.test(t) ? Number(t) : t;
  }
  if (Array.isArray(raw)) return raw.length ? raw : undefined;
  return raw;
}

type RawIssue = z.core.$ZodIssue & { input?: unknown; origin?: string };

function toCode(issue: RawIssue): [FeedbackIssueCode, ValidityFlags] {
  const origin = issue.origin;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? ['required', { valueMissing: true }]
        : ['invalid_option', { badInput: true }];
    case 'too_small':
      return origin === 'string'
        ? ['too_short', { tooShort: true }]
        : ['out_of_range', { rangeUnderflow: true }];
    case 'too_big':
      if (origin === 'string') return ['too_long', { tooLong: true }];
      return origin === 'array'
        ? ['too_many', { customError: true }]
        : ['out_of_range', { rangeOverflow: true }];
    case 'custom':
      return ['not_specific', { customError: true }];
    default:
      return ['invalid_option', { badInput: true }];
  }
}

function messageFor(
  item: FeedbackItem | undefined,
  code: FeedbackIssueCode,
  issue: RawIssue,
  lang: 'en' | 'es',
): string {
  const t = FEEDBACK_MESSAGES[lang];
  let text: string = t[code];
  if (code === 'required' && item) {
    if (item.type === 'text' && item.role === 'strengths') text = t.requiredStrengths;
    else if (item.type === 'scale') text = t.requiredScale;
    else if (item.type !== 'text') text = t.requiredChoice;
  }
  const bound = issue as { minimum?: number | bigint; maximum?: number | bigint };
  return formatFeedbackMessage(text, {
    min: bound.minimum === undefined ? undefined : Number(bound.minimum),
    max: bound.maximum === undefined ? undefined : Number(bound.maximum),
  });
}

/**
 * Validates form values against a template. Pure and cached: the template's schema is compiled
 * once (per template object and set of link options) and an unchanged input returns the same
 * result object. Link items with no options are skipped. Safety language is reported in
 * `safety` and never makes the values invalid.
 *
 * @param template - a valid template (see `FeedbackTemplateSchema`)
 * @param values - form values by item id
 * @param context - language, goals, expectations and safety options
 *
 * @example
 * ```ts
 * const result = validateFeedback(BUILT_IN_TEMPLATES.self, { strengths: '' }, { locale: 'es' });
 * result.fields.strengths; // { code: 'required', flags: { valueMissing: true }, message: 'Nombra al menos…' }
 * ```
 */
export function validateFeedback(
  template: FeedbackTemplate,
  values: FeedbackValues,
  context: FeedbackContext = {},
): FeedbackValidation {
  const lang = feedbackLanguage(context.locale);
  const { key: optionsKey, c } = compile(template, context);
  const cleaned: Record<string, FeedbackValue> = {};
  for (const item of c.items) {
    const v = c.usable.has(item.id) ? clean(item, values[item.id]) : undefined;
    if (v !== undefined) cleaned[item.id] = v as FeedbackValue;
  }
  const key = `${lang}|${optionsKey}|${JSON.stringify(cleaned)}`;
  const last = lastResult.get(template);
  if (last && last.key === key && last.safety === context.safety) return last.result;

  const parsed = c.schema.safeParse(cleaned, { reportInput: true });
  const byId = new Map(c.items.map((i) => [i.id, i]));
  const fields: Record<string, FieldIssue> = {};
  const mapIssue = (raw: z.core.$ZodIssue): string => {
    const issue = raw as RawIssue;
    const fieldId = String(issue.path[0] ?? '');
    const [code, flags] = toCode(issue);
    const message = messageFor(byId.get(fieldId), code, issue, lang);
    if (fieldId && !fields[fieldId]) fields[fieldId] = { fieldId, code, flags, message };
    return message;
  };
  const summary = parsed.success
    ? { formErrors: [], fieldErrors: {} }
    : (z.flattenError(parsed.error, mapIssue) as FeedbackValidation['summary']);
  const issues = c.items.flatMap((i) => (fields[i.id] ? [fields[i.id] as FieldIssue] : []));

  const safety: FieldSafetyMatch[] = [];
  for (const item of c.items) {
    const text = cleaned[item.id];
    if (item.type !== 'text' || typeof text !== 'string') continue;
    for (const m of detectSafetyLanguage(text, context.safety))
      safety.push({ ...m, fieldId: item.id });
  }
  const result: FeedbackValidation = {
    valid: parsed.success,
    values: cleaned,
    issues,
    fields,
    summary,
    safety,
  };
  lastResult.set(template, { key, safety: context.safety, result });
  return result;
}
