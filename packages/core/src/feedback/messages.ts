/**
 * Validation messages of the feedback form, in English and Spanish. Plain, kind wording: say
 * what to do, never blame.
 *
 * @module
 */

/** The codes a feedback field can fail with. */
export const FEEDBACK_ISSUE_CODES = [
  'required',
  'too_short',
  'too_long',
  'not_specific',
  'invalid_option',
  'out_of_range',
  'too_many',
] as const;
/** A feedback field issue code (see {@link FEEDBACK_ISSUE_CODES}). */
export type FeedbackIssueCode = (typeof FEEDBACK_ISSUE_CODES)[number];

/** Languages the validation messages ship in. */
export type FeedbackLanguage = 'en' | 'es';

type Catalog = Record<
  FeedbackIssueCode | 'requiredChoice' | 'requiredScale' | 'requiredStrengths',
  string
>;

/** Validation messages by language. `{min}` and `{max}` are replaced by the limits. */
export const FEEDBACK_MESSAGES: Readonly<Record<FeedbackLanguage, Catalog>> = {
  en: {
    required: 'Please write something here.',
    requiredStrengths: 'Please name at least one strength.',
    requiredChoice: 'Please choose an option.',
    requiredScale: 'Please choose a number from 1 to 5.',
    too_short: 'Please write at least {min} characters.',
    too_long: 'Please keep this to {max} characters or fewer.',
    not_specific: 'Please make this more specific: say what to try, and when or how.',
    invalid_option: 'Please choose one of the options shown.',
    out_of_range: 'Please choose a number from 1 to 5.',
    too_many: 'Please choose at most {max}.',
  },
  es: {
    required: 'Escribe algo aquí, por favor.',
    requiredStrengths: 'Nombra al menos una fortaleza, por favor.',
    requiredChoice: 'Elige una opción, por favor.',
    requiredScale: 'Elige un número del 1 al 5, por favor.',
    too_short: 'Escribe al menos {min} caracteres, por favor.',
    too_long: 'Usa {max} caracteres como máximo, por favor.',
    not_specific: 'Hazlo más concreto, por favor: di qué intentar, y cuándo o cómo.',
    invalid_option: 'Elige una de las opciones que se muestran, por favor.',
    out_of_range: 'Elige un número del 1 al 5, por favor.',
    too_many: 'Elige como máximo {max}, por favor.',
  },
};

/**
 * The shipped language for a BCP 47 tag: `es`, `es-MX` → `es`; anything else → `en`.
 *
 * @param locale - a language tag such as `es-MX`
 */
export function feedbackLanguage(locale: string | undefined): FeedbackLanguage {
  return /^es(?:[-_]|$)/i.test(locale ?? '') ? 'es' : 'en';
}

/** Fills `{min}` / `{max}` in a message. */
export function formatFeedbackMessage(
  message: string,
  params: Record<string, number | undefined>,
): string {
  return message.replace(/\{(\w+)\}/g, (all, key: string) =>
    params[key] === undefined ? all : String(params[key]),
  );
}
