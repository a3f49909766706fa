// The facade over the analysis core: one object the language server, the CLI and the tests
// call. It holds no protocol types and does no I/O of its own; the host answers file questions.
import { classifyFile, type FileKind } from './file-kind';
import type { CoreHost } from './host';
import { parseYaml } from './parse/yaml-syntax';
import type { Finding } from './types';

export interface SourceFile {
  uri: string;
  text: string;
  /** The editor's language id, when there is one; classification does not depend on it. */
  languageId?: string;
}

/** What a file is and what is wrong with it. */
export interface Validation {
  kind: FileKind;
  findings: Finding[];
}

export interface LanguageService {
  classify(file: SourceFile): FileKind;
  validate(file: SourceFile): Validation;
}

function findingsFor(kind: FileKind, file: SourceFile): Finding[] {
  switch (kind) {
    case 'yaml':
    case 'helm-chart':
    case 'helm-values':
      return parseYaml(file.text).findings;
    case 'helm-template': // Go templates are not YAML until rendered; never report them as broken YAML
    case 'triton-config': // served by the Triton language service (its own issue)
    case 'other':
      return [];
  }
}

export function createLanguageService(host: CoreHost): LanguageService {
  const classify = (file: SourceFile): FileKind => classifyFile(file.uri, file.text, host, file.languageId);
  return {
    classify,
    validate(file) {
      const kind = classify(file);
      return { kind, findings: findingsFor(kind, file) };
    },
  };
}
