// What a semantic check of a Triton config is given and how it reports: the config's root,
// the model's folder name, and a report function that takes source offsets.
import type { Severity } from '../../types';
import type { ConfigNode } from '../config-view';
import type { OffsetFix } from '../pbtxt-edits';
import type { RepositoryView } from '../repository/model-repository';

export interface CheckContext {
  /** The model as Triton names it: `name` when written, else the folder's name. */
  modelName: string;
  /** The folder holding config.pbtxt, when the URI has one. */
  folderName?: string;
  /** The model repository around the config, when the host can list folders; cross-file checks need it. */
  repository?: RepositoryView;
  /** Reports a finding; `fixes` are quick fixes, their edits by offsets into the config's text. */
  report(start: number, end: number, severity: Severity, code: string, message: string, fixes?: OffsetFix[]): void;
  /** The config's text, for fixes that tidy around what they remove. */
  text: string;
}

export interface TritonCheck {
  /** Stable id, `triton/<what>`; also the code of its findings. */
  id: string;
  description: string;
  check(config: ConfigNode, context: CheckContext): void;
}
