// What a semantic check of a Triton config is given and how it reports: the config's root,
// the model's folder name, and a report function that takes source offsets.
import type { Severity } from '../../types';
import type { ConfigNode } from '../config-view';

export interface CheckContext {
  /** The model as Triton names it: `name` when written, else the folder's name. */
  modelName: string;
  /** The folder holding config.pbtxt, when the URI has one. */
  folderName?: string;
  report(start: number, end: number, severity: Severity, code: string, message: string): void;
}

export interface TritonCheck {
  /** Stable id, `triton/<what>`; also the code of its findings. */
  id: string;
  description: string;
  check(config: ConfigNode, context: CheckContext): void;
}
