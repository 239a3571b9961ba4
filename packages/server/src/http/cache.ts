/**
 * In-memory caches keyed by the document's versions, so busy read endpoints cost one small
 * version read: the parsed body (by body version), the serialised full document (by revision)
 * and rendered responses (an LRU). Every request still reads the current version from the
 * database, so several instances behind one PostgreSQL stay consistent. All three are charged
 * to a {@link ByteBudget} (64 MiB by default, shareable between the caches of several
 * programs), so memory stays bounded whatever windows clients ask for.
 *
 * @module
 */
import { gzipSync } from 'node:zlib';
import type { MilieuDocument, Participant, Staff } from '@milieu/core';
import type { DocumentHead } from '../store/documents.js';
import type { Store } from '../store/store.js';

/** The parsed document body with lookups the views need. */
export interface LoadedBody {
  head: DocumentHead;
  doc: MilieuDocument;
  participants: ReadonlyMap<string, Participant>;
  staff: ReadonlyMap<string, Staff>;
  locations: ReadonlyMap<string, string>;
}

/** The default byte budget of the in-memory caches: 64 MiB (see the README, "Memory"). */
export const DEFAULT_CACHE_BUDGET_BYTES = 64 * 1024 * 1024;

/** Bytes counted for an entry beyond its payload: the key, the map slots, the objects. */
export const ENTRY_OVERHEAD_BYTES = 256;

/**
 * How many bytes a parsed document is counted as, per byte of its JSON: V8 objects, strings
 * and the lookup maps take about this much more than the text (measured on the examples with
 * `process.memoryUsage().heapUsed`; an estimate, on the safe side).
 */
export const PARSED_BYTES_PER_JSON_BYTE = 4;

interface Charge {
  bytes: number;
  /** Drops the entry from its cache; absent for pinned entries, which are never evicted. */
  evict: (() => void) | undefined;
}

/**
 * A byte budget that several caches share (one {@link DocumentCache} per program, say): every
 * entry is charged its bytes, and when the total goes over `maxBytes` the least recently used
 * evictable entries — whichever cache holds them — are dropped until it fits. Pinned entries
 * (the parsed document each cache needs for every request) count against the budget but are
 * never evicted.
 */
export class ByteBudget {
  /** The most bytes the charged entries may hold together. */
  readonly maxBytes: number;
  #used = 0;
  #evictions = 0;
  /** Charged entries, least recently used first (a Map keeps insertion order). */
  readonly #entries = new Map<object, Charge>();

  /** @param maxBytes - the budget in bytes; default {@link DEFAULT_CACHE_BUDGET_BYTES} */
  constructor(maxBytes: number = DEFAULT_CACHE_BUDGET_BYTES) {
    if (!(maxBytes >= 0)) throw new RangeError('ByteBudget: maxBytes must be 0 or more');
    this.maxBytes = maxBytes;
  }

  /** Bytes charged now. */
  get usedBytes(): number {
    return this.#used;
  }

  /** Entries charged now. */
  get entries(): number {
    return this.#entries.size;
  }

  /** Entries evicted so far. */
  get evictions(): number {
    return this.#evictions;
  }

  /**
   * Charges `bytes` for `entry` (replacing an earlier charge for it, and making it the most
   * recently used), then evicts until the budget holds. An evictable entry larger than the whole
   * budget is evicted at once.
   *
   * @param entry - the cached object (identity is the key)
   * @param bytes - its size in bytes
   * @param evict - removes it from its cache; omit to pin it
   */
  charge(entry: object, bytes: number, evict?: () => void): void {
    const previous = this.#entries.get(entry);
    if (previous) {
      this.#used -= previous.bytes;
      this.#entries.delete(entry);
    }
    this.#entries.set(entry, { bytes, evict: evict ?? previous?.evict });
    this.#used += bytes;
    this.#fit();
  }

  /**
   * Changes the charge of an entry already charged (its gzip was just made), keeping its place.
   *
   * @param entry - the cached object
   * @param bytes - its new size
   */
  resize(entry: object, bytes: number): void {
    const charge = this.#entries.get(entry);
    if (!charge) return;
    this.#used += bytes - charge.bytes;
    charge.bytes = bytes;
    this.#fit();
  }

  /** @param entry - an entry just read: it becomes the most recently used */
  touch(entry: object): void {
    const charge = this.#entries.get(entry);
    if (!charge) return;
    this.#entries.delete(entry);
    this.#entries.set(entry, charge);
  }

  /** @param entry - an entry its cache dropped: its bytes are released */
  release(entry: object): void {
    const charge = this.#entries.get(entry);
    if (!charge) return;
    this.#used -= charge.bytes;
    this.#entries.delete(entry);
  }

  #fit(): void {
    if (this.#used <= this.maxBytes) return;
    for (const [entry, charge] of this.#entries) {
      if (this.#used <= this.maxBytes) break;
      if (charge.evict === undefined) continue; // pinned
      this.#entries.delete(entry);
      this.#used -= charge.bytes;
      this.#evictions += 1;
      charge.evict();
    }
  }
}

/**
 * A rendered JSON body kept as bytes, with its gzip made on first demand: a cached response is
 * encoded and compressed once, not once per request. Its {@link bytes} (raw, plus gzip once
 * made) are what a {@link ByteBudget} is charged.
 */
export class CachedJson {
  /** The UTF-8 bytes of the JSON. */
  readonly raw: Uint8Array<ArrayBuffer>;
  #gzip: Uint8Array<ArrayBuffer> | undefined;
  /** Told the new size when the gzip is made (set by the cache that holds it). */
  onResize: ((bytes: number) => void) | undefined;

  /** @param json - JSON text */
  constructor(json: string) {
    this.raw = new TextEncoder().encode(json);
  }

  /** The bytes held: the raw JSON, the gzip once made, and {@link ENTRY_OVERHEAD_BYTES}. */
  get bytes(): number {
    return this.raw.byteLength + (this.#gzip?.byteLength ?? 0) + ENTRY_OVERHEAD_BYTES;
  }

  /** The gzip-compressed bytes (computed once). */
  gzip(): Uint8Array<ArrayBuffer> {
    if (this.#gzip === undefined) {
      this.#gzip = new Uint8Array(gzipSync(this.raw, { level: 6 }));
      this.onResize?.(this.bytes);
    }
    return this.#gzip;
  }
}

/**
 * A least-recently-used map of rendered responses, bounded by count and by a (shared)
 * {@link ByteBudget}: an entry is charged its {@link CachedJson.bytes} plus its key.
 */
export class Lru<V extends CachedJson = CachedJson> {
  readonly #max: number;
  readonly #budget: ByteBudget;
  readonly #map = new Map<string, V>();

  /**
   * @param max - most entries kept
   * @param budget - the byte budget charged for every entry; default a private 64 MiB one
   */
  constructor(max: number, budget: ByteBudget = new ByteBudget()) {
    this.#max = max;
    this.#budget = budget;
  }

  /** Entries held now. */
  get size(): number {
    return this.#map.size;
  }

  /** @param key - the key */
  get(key: string): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
      this.#budget.touch(value);
    }
    return value;
  }

  /**
   * @param key - the key
   * @param value - the value
   */
  set(key: string, value: V): void {
    this.#remove(key);
    this.#map.set(key, value);
    const keyBytes = key.length * 2;
    value.onResize = (bytes) => this.#budget.resize(value, bytes + keyBytes);
    this.#budget.charge(value, value.bytes + keyBytes, () => {
      if (this.#map.get(key) === value) this.#map.delete(key);
      value.onResize = undefined;
    });
    if (this.#map.size > this.#max) {
      const oldest = this.#map.keys().next();
      if (!oldest.done) this.#remove(oldest.value);
    }
  }

  /** Drops every entry, releasing its bytes. */
  clear(): void {
    for (const key of [...this.#map.keys()]) this.#remove(key);
  }

  #remove(key: string): void {
    const value = this.#map.get(key);
    if (value === undefined) return;
    this.#map.delete(key);
    value.onResize = undefined;
    this.#budget.release(value);
  }
}

/** Options of {@link DocumentCache}. */
export interface DocumentCacheOptions {
  /**
   * The byte budget to charge (share one between the caches of several programs); default a
   * private budget of {@link DEFAULT_CACHE_BUDGET_BYTES}.
   */
  budget?: ByteBudget;
  /** Most rendered responses kept (besides the byte budget); default 512. */
  maxResponses?: number;
}

/** Caches the parsed body and the serialised document of the current versions. */
export class DocumentCache {
  readonly #store: Store;
  #body: LoadedBody | undefined;
  #loading: Promise<LoadedBody | undefined> | undefined;
  #full: { revision: number; json: CachedJson } | undefined;
  /** The byte budget this cache is charged to. */
  readonly budget: ByteBudget;
  /** Rendered responses, keyed by the caller (include the version in the key). */
  readonly responses: Lru<CachedJson>;

  /**
   * @param store - the data layer
   * @param options - the (shared) byte budget and the most responses kept
   */
  constructor(store: Store, options: DocumentCacheOptions = {}) {
    this.#store = store;
    this.budget = options.budget ?? new ByteBudget();
    this.responses = new Lru<CachedJson>(options.maxResponses ?? 512, this.budget);
  }

  /**
   * Drops everything this cache holds and releases its bytes from the (shared) budget: call it
   * before discarding a cache whose budget lives on.
   */
  clear(): void {
    this.responses.clear();
    if (this.#body) this.budget.release(this.#body);
    if (this.#full) this.budget.release(this.#full.json);
    this.#body = undefined;
    this.#full = undefined;
  }

  /**
   * The body for a head just read (loads it when the body version moved on).
   *
   * @param head - the current head
   */
  async body(head: DocumentHead): Promise<LoadedBody | undefined> {
    for (let attempt = 0; ; attempt++) {
      if (this.#body && this.#body.head.bodyVersion >= head.bodyVersion) return this.#body;
      this.#loading ??= this.#load().finally(() => (this.#loading = undefined));
      const loaded = await this.#loading;
      // A load already in flight may have read the body before the replace whose head the
      // caller holds: never answer with a body older than that head (load again).
      if (!loaded || loaded.head.bodyVersion >= head.bodyVersion || attempt >= 2) return loaded;
    }
  }

  /** The current head and body (one version read, then the cache). */
  async current(): Promise<LoadedBody | undefined> {
    const head = await this.#store.head();
    return head ? this.body(head) : undefined;
  }

  async #load(): Promise<LoadedBody | undefined> {
    const stored = await this.#store.body();
    if (!stored) return undefined;
    const { body: doc, head } = stored;
    const loaded: LoadedBody = {
      head,
      doc,
      participants: new Map(doc.people.participants.map((p) => [p.id, p])),
      staff: new Map(doc.people.staff.map((s) => [s.id, s])),
      locations: new Map(doc.program.locations.map((l) => [l.id, l.name])),
    };
    if (!this.#body || this.#body.head.bodyVersion <= head.bodyVersion) {
      if (this.#body) this.budget.release(this.#body);
      this.#body = loaded;
      // Pinned: every request needs it. Counted at the size of its JSON times the parse overhead.
      this.budget.charge(
        loaded,
        jsonBytes(doc) * PARSED_BYTES_PER_JSON_BYTE + ENTRY_OVERHEAD_BYTES,
      );
    }
    return loaded;
  }

  /**
   * The whole document as JSON at `revision`, or `undefined` when it moved on meanwhile.
   *
   * @param revision - the revision the caller saw
   */
  async fullJson(revision: number): Promise<{ revision: number; json: CachedJson } | undefined> {
    if (this.#full?.revision === revision) {
      this.budget.touch(this.#full.json);
      return this.#full;
    }
    const stored = await this.#store.document();
    if (!stored) return undefined;
    const full = {
      revision: stored.head.revision,
      json: new CachedJson(JSON.stringify(stored.document)),
    };
    if (!this.#full || this.#full.revision < full.revision) {
      if (this.#full) this.budget.release(this.#full.json);
      this.#full = full;
      full.json.onResize = (bytes) => this.budget.resize(full.json, bytes);
      this.budget.charge(full.json, full.json.bytes, () => {
        if (this.#full === full) this.#full = undefined;
        full.json.onResize = undefined;
      });
    } else this.budget.touch(this.#full.json);
    return full;
  }
}

/** The UTF-8 length of a value's JSON (once per body version, to charge the budget). */
function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
