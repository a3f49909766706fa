// The files around the documents as far as the server has loaded them (rust-analyzer's VFS
// idea): the core's file questions are answered from memory, and a question with no answer yet
// is recorded so that the server loads it asynchronously and checks again. Checks stay
// synchronous and pure; only the server's loader waits on the disk or the editor.
import { splitUri } from './file-kind';
import type { DirectoryEntry, FileStat } from './host';

/** A question the snapshot could not answer: what to load, and where. */
export interface FileQuestion {
  kind: 'text' | 'listing' | 'stat';
  uri: string;
}

export type FileAnswer = string | DirectoryEntry[] | FileStat | undefined;

export class FileSnapshot {
  // null: asked and loaded, and it does not exist (or cannot be read). Absent: never loaded.
  private readonly texts = new Map<string, string | null>();
  private readonly listings = new Map<string, DirectoryEntry[] | null>();
  private readonly stats = new Map<string, FileStat | null>();
  /** The questions missed during `record`, by kind and URI; undefined outside it. */
  private missed: Map<string, FileQuestion> | undefined;
  /** Bumped by every invalidation: an answer loaded before it may be stale and is dropped. */
  private current = 0;

  get generation(): number {
    return this.current;
  }

  fileExists(uri: string): boolean {
    const stat = this.stats.get(uri);
    if (stat !== undefined) return stat !== null;
    // A listing of its folder answers too, without another load.
    const { folder, name } = splitUri(uri);
    const listing = this.listings.get(folder);
    if (listing !== undefined) return listing?.some((entry) => entry.name === name) ?? false;
    this.miss('stat', uri);
    return false;
  }

  readFile(uri: string): string | undefined {
    const text = this.texts.get(uri);
    if (text === undefined) this.miss('text', uri);
    return text ?? undefined;
  }

  listDirectory(uri: string): DirectoryEntry[] | undefined {
    const listing = this.listings.get(uri);
    if (listing === undefined) this.miss('listing', uri);
    return listing ?? undefined;
  }

  /** Runs `run` and says which questions it asked that had no answer yet (a nested call joins the outer record). */
  record<T>(run: () => T): { result: T; missed: FileQuestion[] } {
    if (this.missed) return { result: run(), missed: [] };
    this.missed = new Map();
    try {
      const result = run();
      return { result, missed: [...this.missed.values()] };
    } finally {
      this.missed = undefined;
    }
  }

  /** Stores what was loaded for `question`, unless files changed since `generation` (when the load began). */
  answer(question: FileQuestion, value: FileAnswer, generation: number): void {
    if (generation !== this.current) return;
    if (question.kind === 'text') this.texts.set(question.uri, typeof value === 'string' ? value : null);
    else if (question.kind === 'listing') this.listings.set(question.uri, Array.isArray(value) ? value : null);
    else this.stats.set(question.uri, value && typeof value === 'object' && !Array.isArray(value) ? value : null);
  }

  /**
   * Forgets what a change of `uri` may have made wrong: what is known of it and of everything
   * under it (a folder deleted), and the listings and stats of the folders above it (an entry
   * appeared or went, and a new file may have brought new folders with it).
   */
  invalidate(uri: string): void {
    this.current++;
    const base = uri.replace(/\/+$/, '');
    const touched = (key: string) => key === base || key.startsWith(`${base}/`) || base.startsWith(`${key}/`);
    for (const map of [this.texts, this.listings, this.stats]) {
      for (const key of [...map.keys()]) if (touched(key)) map.delete(key);
    }
  }

  private miss(kind: FileQuestion['kind'], uri: string): void {
    this.missed?.set(`${kind} ${uri}`, { kind, uri });
  }
}
