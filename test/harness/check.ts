// Assertions over fixtures: every finding annotated, every annotation met, exact ranges and messages.
import * as assert from 'node:assert/strict';
import { createLanguageService, type LanguageService, type SourceFile } from '../../server/src/core/language-service';
import type { CoreHost } from '../../server/src/core/host';
import { asExpected, parseFixture, renderAnnotated } from './fixture';
import { FIXTURE_URI, fixtureHost } from './hosts';

export interface CheckOptions {
  uri?: string;
  host?: CoreHost;
  languageId?: string;
  /** Settings to apply before checking: the user's CRDs, glob associations. */
  configure?: (service: LanguageService) => void;
  /** Compare only the findings with this code, or whose code passes this test (a rule's own cases, whatever other rules say). */
  only?: string | ((code: string) => boolean);
}

/** One service for every check with the default host: schemas compile once for the whole run. */
let shared: LanguageService | undefined;

function serviceFor(options: CheckOptions): LanguageService {
  if (options.host || options.configure) {
    const service = createLanguageService(options.host ?? fixtureHost());
    options.configure?.(service);
    return service;
  }
  shared ??= createLanguageService(fixtureHost());
  return shared;
}

/** Validates the fixture's document and compares the findings with its annotations. */
export function checkFindings(annotatedSource: string, options: CheckOptions = {}): void {
  const { text, expected } = parseFixture(annotatedSource);
  const service = serviceFor(options);
  const file: SourceFile = { uri: options.uri ?? FIXTURE_URI, text, languageId: options.languageId };
  const only = options.only;
  const wanted = only === undefined ? () => true : typeof only === 'string' ? (code: string) => code === only : only;
  const findings = service.validate(file).findings.filter((finding) => wanted(finding.code));
  service.forget(file.uri);
  const actual = asExpected(findings);
  assert.equal(renderAnnotated(text, actual), renderAnnotated(text, expected));
}
