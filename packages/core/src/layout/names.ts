/**
 * Display-safe names for people on shared screens.
 *
 * @module
 */

/** How much of a name to show (see {@link displayName}). */
export const NAME_STYLES = ['full', 'first', 'kiosk'] as const;
/**
 * - `full`: preferred name and last name (`Dana Rivera`), for staff-only screens;
 * - `first`: the preferred name only (`Dana`);
 * - `kiosk`: preferred name plus last initial (`Dana R.`), the most a shared display or a
 *   printout may show (rule `display-privacy`).
 */
export type NameStyle = (typeof NAME_STYLES)[number];

/** The name fields {@link displayName} reads: a participant or a staff member. */
export interface NamedPerson {
  preferredName: string;
  lastName?: string | undefined;
}

const SPACES = /\s+/g;
const FIRST_LETTER = /\p{L}\p{M}*/u;

function clean(s: string | undefined): string {
  return (s ?? '').replace(SPACES, ' ').trim();
}

/**
 * A person's name for display. Reads only `preferredName` and `lastName`, so nothing else from
 * a person (stay dates, level of care, goals) can leak through it. The kiosk style shows the
 * first letter of the last name (`O'Brien` → `O.`, `de la Cruz` → `D.`); without a last name it
 * shows the preferred name alone.
 *
 * @param person - a participant or staff member
 * @param style - how much to show; default `kiosk`, the safe choice for shared screens
 * @example
 * ```ts
 * displayName({ preferredName: 'Dana', lastName: 'Rivera' }, 'kiosk'); // 'Dana R.'
 * ```
 */
export function displayName(person: NamedPerson, style: NameStyle = 'kiosk'): string {
  const first = clean(person.preferredName);
  const last = clean(person.lastName);
  if (style === 'first' || !last) return first;
  if (style === 'full') return `${first} ${last}`;
  const initial = FIRST_LETTER.exec(last)?.[0];
  return initial ? `${first} ${initial.toLocaleUpperCase()}.` : first;
}

/**
 * A person's name on a shared screen (the kiosk view, printouts), as the program's
 * `policy.displayNames` says: `first-initial` (the default) `Dana R.`, `initials` `D. R.`, and
 * `none` an empty string (show no name at all; 42 CFR Part 2 programs).
 *
 * @param person - a participant or staff member
 * @param policy - the program's `policy.displayNames` (default `first-initial`)
 * @example
 * ```ts
 * sharedScreenName({ preferredName: 'Dana', lastName: 'Rivera' }, 'initials'); // 'D. R.'
 * ```
 */
export function sharedScreenName(
  person: NamedPerson,
  policy: 'first-initial' | 'initials' | 'none' = 'first-initial',
): string {
  if (policy === 'none') return '';
  if (policy === 'first-initial') return displayName(person, 'kiosk');
  const letters = [clean(person.preferredName), clean(person.lastName)]
    .map((part) => FIRST_LETTER.exec(part)?.[0])
    .filter((letter): letter is string => letter !== undefined);
  return letters.map((letter) => `${letter.toLocaleUpperCase()}.`).join(' ');
}
