// Whether the user trusts the workspace, as the client said: at start in initializationOptions,
// later by `mlinfra/trustChanged`. Untrusted until told, so that an editor which says nothing
// never has a program run on its files (Helm renders charts by running a program).
import type { InitializationOptions } from '../../common/protocol';

export class WorkspaceTrust {
  private current = false;

  /** What code that would run a program asks first. */
  get trusted(): boolean {
    return this.current;
  }

  /** Reads `{ mlinfra: { trusted } }` from the initialize request; anything but `true` is untrusted. */
  initialize(options: unknown): void {
    this.current = (options as InitializationOptions | null | undefined)?.mlinfra?.trusted === true;
  }

  changed(trusted: unknown): void {
    this.current = trusted === true;
  }
}
