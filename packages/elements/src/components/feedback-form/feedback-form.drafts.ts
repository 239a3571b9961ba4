import type { FeedbackValue } from '@milieu/core';
import type { DraftStorage } from './feedback-form.types.js';

/** What a draft keeps: the values as typed, the anonymity choice, and the entry's id and key. */
export interface FeedbackDraft {
  values: Record<string, FeedbackValue>;
  anonymous: boolean;
  /** Kept so a retry after a reload sends the same entry id and `Idempotency-Key`. */
  entryId: string;
  idempotencyKey: string;
  /** Set at the first send, so an unchanged re-send is byte-identical under the same key. */
  createdAt?: string;
  /** Whether the key went out already: an edit after that gets a fresh key. */
  sent?: boolean;
}

const PREFIX = 'milieu-feedback-draft:';
const KEY = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const memory = new Map<string, FeedbackDraft>();

/** The storage key of a draft, scoped by source, subject and author. */
export function draftKey(source: string, subject: string, author: string): string {
  return PREFIX + [source, subject || '-', author || '-'].map(encodeURIComponent).join(':');
}

function session(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // sandboxed frames throw on access
  }
}

/** Accepts only the shape we write; anything else in storage is ignored. */
function revive(raw: unknown): FeedbackDraft | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const d = raw as Record<string, unknown>;
  if (typeof d['entryId'] !== 'string' || typeof d['idempotencyKey'] !== 'string') return undefined;
  if (!KEY.test(d['entryId']) || !/^[\x21-\x7e]{1,255}$/.test(d['idempotencyKey']))
    return undefined;
  const values: Record<string, FeedbackValue> = {};
  const source = d['values'];
  if (typeof source === 'object' && source !== null) {
    for (const [k, v] of Object.entries(source)) {
      const ok =
        typeof v === 'string' ||
        typeof v === 'number' ||
        (Array.isArray(v) && v.every((x) => typeof x === 'string'));
      if (KEY.test(k) && ok) values[k] = v as FeedbackValue;
    }
  }
  const draft: FeedbackDraft = {
    values,
    anonymous: d['anonymous'] === true,
    entryId: d['entryId'],
    idempotencyKey: d['idempotencyKey'],
  };
  if (typeof d['createdAt'] === 'string') draft.createdAt = d['createdAt'];
  if (d['sent'] === true) draft.sent = true;
  return draft;
}

/** The draft under `key`: from memory, else from `sessionStorage` when `storage` is `session`. */
export function readDraft(key: string, storage: DraftStorage): FeedbackDraft | undefined {
  const kept = memory.get(key);
  if (kept || storage !== 'session') return kept;
  try {
    const text = session()?.getItem(key);
    const draft = text ? revive(JSON.parse(text)) : undefined;
    if (draft) memory.set(key, draft);
    return draft;
  } catch {
    return undefined;
  }
}

/** Keeps a draft in memory, and in `sessionStorage` only when `storage` is `session`. */
export function writeDraft(key: string, draft: FeedbackDraft, storage: DraftStorage): void {
  memory.set(key, draft);
  try {
    if (storage === 'session') session()?.setItem(key, JSON.stringify(draft));
    else session()?.removeItem(key);
  } catch {
    // Quota or privacy mode: the memory copy still holds the draft.
  }
}

/** Forgets a draft everywhere (after a confirmed save or a reset). */
export function deleteDraft(key: string): void {
  memory.delete(key);
  try {
    session()?.removeItem(key);
  } catch {
    // nothing stored
  }
}

/** Forgets every in-memory draft (tests use it to simulate a reload). */
export function clearMemoryDrafts(): void {
  memory.clear();
}
