// Loads into the snapshot what a check asked for and missed, through the async file system,
// and runs the check again until it has what it needs: nothing reads a file synchronously on
// the server's thread, and a check never waits on I/O.
import type { FileAnswer, FileQuestion, FileSnapshot } from './core/file-snapshot';
import type { FileSystem } from './core/host';

/**
 * Each round answers the questions the last one could not; a question only leads to one a
 * level deeper (the model folder, then its version folders), so checks settle in two or three.
 * The bound keeps a folder that changes on every load from holding the diagnostics back.
 */
const MAX_ROUNDS = 6;

export class FileLoader {
  /** Loads under way, by question, so that two checks missing the same file read it once. */
  private readonly loading = new Map<string, Promise<void>>();
  /** How many rounds of loading have run: a check that ran while it changed saw files answers computed before had not. */
  loads = 0;

  constructor(
    private readonly snapshot: FileSnapshot,
    private readonly files: FileSystem,
  ) {}

  /**
   * Runs `check`, loads what it missed and runs it again, until it misses nothing (or after the
   * last round, with what is there). Undefined when `stillWanted` says, after a load, that a
   * newer check replaces this one (the document changed or closed).
   */
  async settle<T>(check: () => T, stillWanted: () => boolean = () => true): Promise<T | undefined> {
    for (let round = 1; ; round++) {
      const { result, missed } = this.snapshot.record(check);
      if (!missed.length || round === MAX_ROUNDS) return result;
      await this.load(missed);
      if (!stillWanted()) return undefined;
    }
  }

  /** Loads the answers to `questions` into the snapshot; a file that cannot be read is remembered as missing. */
  async load(questions: readonly FileQuestion[]): Promise<void> {
    this.loads++;
    await Promise.all(questions.map((question) => this.loadOne(question)));
  }

  private loadOne(question: FileQuestion): Promise<void> {
    const generation = this.snapshot.generation;
    const key = `${generation} ${question.kind} ${question.uri}`;
    let loading = this.loading.get(key);
    if (!loading) {
      loading = this.ask(question)
        .catch((): FileAnswer => undefined)
        .then((answer) => this.snapshot.answer(question, answer, generation))
        .finally(() => this.loading.delete(key));
      this.loading.set(key, loading);
    }
    return loading;
  }

  private ask(question: FileQuestion): Promise<FileAnswer> {
    if (question.kind === 'text') return this.files.readFile(question.uri);
    if (question.kind === 'listing') return this.files.readDirectory(question.uri);
    return this.files.stat(question.uri);
  }
}
