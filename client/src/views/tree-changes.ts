// What both tree providers share: the change event VS Code listens to, fed through a
// RefreshBatcher that holds refreshes while rows are being fetched, and the fetch that tells it so.
import * as vscode from 'vscode';
import type { NodeData } from './node';
import { RefreshBatcher } from './refresh-batcher';

export class TreeChanges implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<NodeData | undefined>();
  /** The provider's onDidChangeTreeData. */
  readonly event = this.emitter.event;
  /** getChildren calls under way. */
  private fetching = 0;
  /** Refreshes fired so far (tests read it through the extension's API). */
  fired = 0;
  private readonly batcher = new RefreshBatcher<NodeData>(
    (element) => {
      this.fired++;
      this.emitter.fire(element);
    },
    200,
    undefined,
    () => this.fetching > 0,
  );

  /** Asks for a refresh of a row, or of the whole tree when undefined. */
  request(element: NodeData | undefined): void {
    this.batcher.request(element);
  }

  /** Runs a getChildren; refreshes wait until it is done. */
  async fetch<T>(run: () => Promise<T>): Promise<T> {
    this.fetching++;
    try {
      return await run();
    } finally {
      this.fetching--;
    }
  }

  dispose(): void {
    this.batcher.dispose();
    this.emitter.dispose();
  }
}
