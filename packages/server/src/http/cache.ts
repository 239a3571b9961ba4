/**
 * In-memory caches keyed by the document's versions, so busy read endpoints cost one small
 * version read: the parsed body (by body version), the serialised full document (by revision)
 * and rendered responses (small LRU). Every request still reads the current version from the
 * database, so several instances behind one PostgreSQL stay consistent.
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

/**
 * A rendered JSON body kept as bytes, with its gzip made on first demand: a cached response is
 * encoded and compressed once, not once per request.
 */
export class CachedJson {
  /** The UTF-8 bytes of the JSON. */
  readonly raw: Uint8Array<ArrayBuffer>;
  #gzip: Uint8Array<ArrayBuffer> | undefined;

  /** @param json - JSON text */
  constructor(json: string) {
    this.raw = new TextEncoder().encode(json);
  }

  /** The gzip-compressed bytes (computed once). */
  gzip(): Uint8Array<ArrayBuffer> {
    this.#gzip ??= new Uint8Array(gzipSync(this.raw, { level: 6 }));
    return this.#gzip;
  }
}

/** A small least-recently-used map. */
export class Lru<V> {
  readonly #max: number;
  readonly #map = new Map<string, V>();

  /** @param max - most entries kept */
  constructor(max: number) {
    this.#max = max;
  }

  /** @param key - the key */
  get(key: string): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }

  /**
   * @param key - the key
   * @param value - the value
   */
  set(key: string, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.#max) {
      const oldest = this.#map.keys().next();
      if (!oldest.done) this.#map.delete(oldest.value);
    }
  }
}

/** Caches the parsed body and the serialised document of the current versions. */
export class DocumentCache {
  readonly #store: Store;
  #body: LoadedBody | undefined;
  #loading: Promise<LoadedBody | undefined> | undefined;
  #full: { revision: number; json: CachedJson } | undefined;
  /** Rendered responses, keyed by the caller (include the version in the key). */
  readonly responses = new Lru<CachedJson>(512);

  /** @param store - the data layer */
  constructor(store: Store) {
    this.#store = store;
  }

  /**
   * The body for a head just read (loads it when the body version moved on).
   *
   * @param head - the current head
   */
  async body(head: DocumentHead): Promise<LoadedBody | undefined> {
    if (this.#body && this.#body.head.bodyVersion === head.bodyVersion) return this.#body;
    this.#loading ??= this.#load().finally(() => (this.#loading = undefined));
    const loaded = await this.#loading;
    // A concurrent replace may have landed in between; the next request catches up.
    return loaded;
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
    if (!this.#body || this.#body.head.bodyVersion <= head.bodyVersion) this.#body = loaded;
    return loaded;
  }

  /**
   * The whole document as JSON at `revision`, or `undefined` when it moved on meanwhile.
   *
   * @param revision - the revision the caller saw
   */
  async fullJson(revision: number): Promise<{ revision: number; json: CachedJson } | undefined> {
    if (this.#full?.revision === revision) return this.#full;
    const stored = await this.#store.document();
    if (!stored) return undefined;
    const full = {
      revision: stored.head.revision,
      json: new CachedJson(JSON.stringify(stored.document)),
    };
    if (!this.#full || this.#full.revision < full.revision) this.#full = full;
    return full;
  }
}
