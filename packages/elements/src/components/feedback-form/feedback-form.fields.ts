import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  localize,
  type FeedbackItem,
  type FeedbackValue,
  type FieldIssue,
  type LinkOption,
  type LocalizedText,
} from '@milieu/core';
import type { CrisisResource } from '@milieu/core';
import type { FeedbackFormMessages } from './feedback-form.messages.js';
import { renderSafety } from './feedback-form.parts.js';

/** What one field needs to render. Labels and messages stay in this shadow root. */
export interface FieldContext {
  locale: string;
  t: FeedbackFormMessages;
  value: FeedbackValue | undefined;
  /** The issue to show (only after interaction or a submit attempt). */
  issue: FieldIssue | undefined;
  /** Options of a goal- or expectation-link item. */
  options: LinkOption[];
  disabled: boolean;
  /** Safety language was found in this field: the note goes right under it. */
  safety: boolean;
  crisis: CrisisResource | undefined;
  /** A staff writer (the safety note then says where the entry goes). */
  staff: boolean;
}

/** Id of a field's control (or of the first input of a group). */
export const controlId = (itemId: string): string => `c-${itemId}`;
const helpId = (itemId: string): string => `h-${itemId}`;
const errorId = (itemId: string): string => `e-${itemId}`;

function describedBy(item: FeedbackItem, issue: FieldIssue | undefined): string | typeof nothing {
  const ids = [item.help ? helpId(item.id) : '', issue ? errorId(item.id) : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

/** A trailing parenthetical of a template's label, such as "(optional)", set like "(required)". */
const MARKER = /^(.*\S)\s*(\([^()]+\))$/s;

function label(item: FeedbackItem, c: FieldContext): TemplateResult {
  const text = localize(item.label, c.locale);
  const [, main = text, marker = ''] = MARKER.exec(text) ?? [];
  const markers = [marker, item.required ? c.t.required : ''].filter(Boolean);
  return html`${main}${markers.map((m) => html` <span class="marker">${m}</span>`)}`;
}

function help(item: FeedbackItem, c: FieldContext): TemplateResult | typeof nothing {
  return item.help
    ? html`<p class="help" part="help" id=${helpId(item.id)}>${localize(item.help, c.locale)}</p>`
    : nothing;
}

function error(item: FeedbackItem, c: FieldContext): TemplateResult {
  return html`<p class="error" part="error" id=${errorId(item.id)} ?hidden=${!c.issue}>
    ${c.issue?.message ?? ''}
  </p>`;
}

function textField(item: Extract<FeedbackItem, { type: 'text' }>, c: FieldContext): TemplateResult {
  const value = typeof c.value === 'string' ? c.value : '';
  const invalid = c.issue ? 'true' : 'false';
  const control =
    item.multiline === false
      ? html`<input
          id=${controlId(item.id)}
          part="control"
          type="text"
          data-field=${item.id}
          .value=${live(value)}
          ?disabled=${c.disabled}
          aria-required=${item.required ? 'true' : 'false'}
          aria-invalid=${invalid}
          aria-describedby=${describedBy(item, c.issue)}
        />`
      : html`<textarea
          id=${controlId(item.id)}
          part="control"
          rows="3"
          data-field=${item.id}
          .value=${live(value)}
          ?disabled=${c.disabled}
          aria-required=${item.required ? 'true' : 'false'}
          aria-invalid=${invalid}
          aria-describedby=${describedBy(item, c.issue)}
        ></textarea>`;
  return html`<div class="field" part="field">
    <label part="label" for=${controlId(item.id)}>${label(item, c)}</label>
    ${help(item, c)}${control}${error(item, c)}${renderSafety(`sn-${item.id}`, c.t, c.safety, c.crisis, c.staff)}
  </div>`;
}

interface Choice {
  value: string;
  text: string;
  number?: number;
}

function choices(item: FeedbackItem, c: FieldContext): Choice[] {
  switch (item.type) {
    case 'scale':
      return [1, 2, 3, 4, 5].map((n) => ({
        value: String(n),
        number: n,
        text: localize(item.labels?.[n - 1] as LocalizedText | undefined, c.locale),
      }));
    case 'choice':
      return item.options.map((o) => ({ value: o.value, text: localize(o.label, c.locale) }));
    default:
      return c.options.map((o) => ({ value: o.id, text: o.label }));
  }
}

function groupField(item: FeedbackItem, c: FieldContext): TemplateResult {
  const multiple = 'multiple' in item && item.multiple === true;
  const list = choices(item, c);
  const link = item.type === 'goal-link' || item.type === 'expectation-link';
  if (link && list.length === 0) {
    return html`<div class="field" part="field">
      <p class="legend" part="label">${localize(item.label, c.locale)}</p>
      <p class="help" part="help">
        ${item.type === 'goal-link' ? c.t.noGoals : c.t.noExpectations}
      </p>
    </div>`;
  }
  if (!multiple && !item.required && item.type !== 'scale') {
    list.unshift({ value: '', text: c.t.none });
  }
  const selected = (v: string): boolean =>
    Array.isArray(c.value) ? c.value.includes(v) : String(c.value ?? '') === v;
  const invalid = c.issue ? 'true' : 'false';
  return html`<fieldset
    class="field group ${item.type === 'scale' ? 'scale' : ''}"
    part="field group"
    role=${multiple ? 'group' : 'radiogroup'}
    aria-required=${ifDefined(!multiple && item.required ? 'true' : undefined)}
    aria-invalid=${invalid}
    aria-describedby=${describedBy(item, c.issue)}
  >
    <legend part="label">${label(item, c)}</legend>
    ${help(item, c)}
    <div class="options" part="options">
      ${list.map(
        (o, i) =>
          html`<label class="option" part="option">
            <input
              id=${i === 0 ? controlId(item.id) : `${controlId(item.id)}-${i}`}
              type=${multiple ? 'checkbox' : 'radio'}
              name=${item.id}
              value=${o.value}
              data-field=${item.id}
              .checked=${live(selected(o.value))}
              ?disabled=${c.disabled}
              aria-invalid=${invalid}
            />
            ${
              o.number === undefined
                ? html`<span dir="auto">${o.text}</span>`
                : html`<span class="number">${o.number}</span><span class="point">${o.text}</span>`
            }
          </label>`,
      )}
    </div>
    ${error(item, c)}
  </fieldset>`;
}

/** Renders one template item with its label, help and error message, all in this shadow root. */
export function renderField(item: FeedbackItem, c: FieldContext): TemplateResult {
  return item.type === 'text' ? textField(item, c) : groupField(item, c);
}

/** Reads the answer of `item` after the user changed `el`, one of its controls. */
export function readAnswer(
  el: HTMLInputElement | HTMLTextAreaElement,
  item: FeedbackItem,
  root: ParentNode,
): FeedbackValue {
  if (el.type === 'checkbox') {
    return [...root.querySelectorAll<HTMLInputElement>('input[data-field]:checked')]
      .filter((i) => i.dataset['field'] === item.id)
      .map((i) => i.value);
  }
  return item.type === 'scale' ? Number(el.value) : el.value;
}
