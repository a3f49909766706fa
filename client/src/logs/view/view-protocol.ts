// The messages between a logs panel (the extension host) and its webview, typed once for both
// sides. The host sends entries in batches and the session's state; the webview sends what the
// user did in it. A webview hidden and shown again asks with `ready` and gets the buffer afresh.
// Pure.
import type { LogEntry, LogSessionState } from '../log-entry';
import type { LogOptions } from './log-options';

/** What the view shows of itself, read from its DOM: for tests, and for the extension's API. */
export interface ViewSnapshot {
  title: string;
  state: string;
  /** The toolbar's description of the options. */
  options: string;
  /** The failure bar's text, one item per failure kind. */
  failures: string[];
  /** Rows drawn in the DOM now (the list is virtual: the ones in and near the viewport), as their text. */
  rows: string[];
  /** Of those, the rows highlighted as failures, and the traceback links (underlined: their files exist). */
  highlighted: string[];
  links: string[];
  /** Rows the filter lets through, in all, and entries held. */
  rowCount: number;
  held: number;
  dropped: number;
  /** The filter's chips as shown (`worker`, `master`, pods), the chosen ones marked `*`. */
  chips: string[];
}

export type HostMessage =
  /** Everything anew: the first message, after a restart, and when a hidden view is shown again. */
  | {
      type: 'reset';
      title: string;
      description: string;
      options: LogOptions;
      /** What the toggles start with (the settings), until the user changes them in this view. */
      timestamps: boolean;
      events: boolean;
      bufferLines: number;
      entries: LogEntry[];
      dropped: number;
      state: LogSessionState;
    }
  | { type: 'entries'; entries: LogEntry[] }
  | { type: 'state'; state: LogSessionState }
  /** Which traceback paths exist in the workspace (only those are links). */
  | { type: 'links'; resolved: Record<string, boolean> }
  | { type: 'snapshot'; id: number }
  /** What a user does in the view, done in its DOM (tests drive the real controls this way): click the
   * button, toggle, chip or link whose text is `label`, choose a "start with" value, type into the filter. */
  | { type: 'press'; label: string }
  | { type: 'choose'; value: string }
  | { type: 'type'; text: string };

export type ViewMessage =
  | { type: 'ready' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'save' }
  | { type: 'openInEditor'; timestamps: boolean }
  /** Start again with other options (previous instance, tail, since). */
  | { type: 'restart'; options: LogOptions }
  /** Asks the host for a "since" time (an input box), then restarts. */
  | { type: 'askSince' }
  | { type: 'openRule'; id: string; page: string }
  | { type: 'openSource'; path: string; line?: number }
  | { type: 'snapshot'; id: number; view: ViewSnapshot };
