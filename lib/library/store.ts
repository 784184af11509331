/**
 * The user's own reference articles, in IndexedDB (through `idb`): one record per article, the
 * built CorpusArticle with what the page said of itself and a content hash, and the ids of
 * bundled articles the user hid. Every write is one transaction, so a failure or a closed page
 * leaves an article either whole or absent, never half stored; a storage failure is one clear
 * line (`LibraryError.message`), and nothing stored before is touched.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CorpusArticle } from '../../core/types';

/** One article of the user's library. */
export interface LibraryRecord {
  /** `user-` and the first 16 hex digits of `hash`: the same text always gets the same id. */
  id: string;
  /** SHA-256 of the article's text (hex): two records never hold the same text. */
  hash: string;
  article: CorpusArticle;
  /** What the page declared, shown in the library (the matcher needs only `article`). */
  page: { title?: string; author?: string };
  /** When it was added (ISO 8601). */
  added: string;
}

interface LibrarySchema extends DBSchema {
  articles: { key: string; value: LibraryRecord; indexes: { hash: string } };
  hidden: { key: string; value: { id: string } };
  /** What the background can rebuild but keeps to start faster (the cross-article links). */
  cache: { key: string; value: { key: string; value: unknown } };
}

export const LIBRARY_DB = 'quote-check-library';
const VERSION = 1;

/** A storage failure, as one line a person can act on. */
export class LibraryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LibraryError';
  }
}

/** One clear line for a storage failure: a full disk says so; anything else says what failed. */
export function storageErrorLine(err: unknown): string {
  const name = (err as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError' || (err as { inner?: { name?: string } })?.inner?.name === 'QuotaExceededError')
    return 'The disk is full: the browser refused to store more. Nothing already in the library was lost.';
  const detail = err instanceof Error ? err.message : String(err);
  return `The library could not be stored (${detail || String(name ?? 'unknown error')}). Nothing already in the library was lost.`;
}

/** Runs a storage operation, turning its failure into a LibraryError with one clear line. */
async function guarded<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    if (err instanceof LibraryError) throw err;
    throw new LibraryError(storageErrorLine(err));
  }
}

export type AddOutcome = { status: 'added'; id: string } | { status: 'duplicate'; id: string };

export interface Library {
  /** Every record, sorted by id. */
  all(): Promise<LibraryRecord[]>;
  get(id: string): Promise<LibraryRecord | undefined>;
  /** The id of the record holding this text, if any. */
  byHash(hash: string): Promise<string | undefined>;
  /** Stores a record in one transaction, unless one with the same text is there already. */
  add(record: LibraryRecord): Promise<AddOutcome>;
  /** Deletes a record (true when there was one). */
  remove(id: string): Promise<boolean>;
  /** The hidden bundled article ids, sorted. */
  hidden(): Promise<string[]>;
  setHidden(id: string, hidden: boolean): Promise<void>;
  /** A cached value (undefined when none). */
  cached(key: string): Promise<unknown>;
  cache(key: string, value: unknown): Promise<void>;
  close(): void;
}

/** Opens (creating on first use) the library database; `name` only for tests. */
export async function openLibrary(name: string = LIBRARY_DB): Promise<Library> {
  const db: IDBPDatabase<LibrarySchema> = await guarded(() =>
    openDB<LibrarySchema>(name, VERSION, {
      upgrade(d) {
        const articles = d.createObjectStore('articles', { keyPath: 'id' });
        articles.createIndex('hash', 'hash', { unique: true });
        d.createObjectStore('hidden', { keyPath: 'id' });
        d.createObjectStore('cache', { keyPath: 'key' });
      },
    }),
  );
  return {
    all: () => guarded(() => db.getAll('articles')),
    get: (id) => guarded(() => db.get('articles', id)),
    byHash: (hash) => guarded(async () => (await db.getFromIndex('articles', 'hash', hash))?.id),
    add: (record) =>
      guarded(async () => {
        // The duplicate test and the write in one transaction: two pages adding the same text at
        // once store it once.
        const tx = db.transaction('articles', 'readwrite');
        const same = (await tx.store.index('hash').get(record.hash)) ?? (await tx.store.get(record.id));
        if (same) {
          await tx.done;
          return { status: 'duplicate', id: same.id };
        }
        await tx.store.add(record);
        await tx.done;
        return { status: 'added', id: record.id };
      }),
    remove: (id) =>
      guarded(async () => {
        const tx = db.transaction('articles', 'readwrite');
        const there = (await tx.store.getKey(id)) !== undefined;
        if (there) await tx.store.delete(id);
        await tx.done;
        return there;
      }),
    hidden: () => guarded(async () => (await db.getAllKeys('hidden')).sort()),
    setHidden: (id, hidden) =>
      guarded(async () => {
        if (hidden) await db.put('hidden', { id });
        else await db.delete('hidden', id);
      }),
    cached: (key) => guarded(async () => (await db.get('cache', key))?.value),
    cache: (key, value) =>
      guarded(async () => {
        await db.put('cache', { key, value });
      }),
    close: () => db.close(),
  };
}

/**
 * Asks the browser to keep the library when space runs low (Window only: the library page and
 * the popup ask). True when granted; false when refused or not available.
 */
export async function askPersistence(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined,
): Promise<boolean> {
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted?.()) || (await storage.persist());
  } catch {
    return false;
  }
}
