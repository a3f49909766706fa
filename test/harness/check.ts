// Assertions over fixtures: every finding annotated, every annotation met, exact ranges and messages.
import * as assert from 'node:assert/strict';
import { createLanguageService, type SourceFile } from '../../server/src/core/language-service';
import type { CoreHost } from '../../server/src/core/host';
import { asExpected, parseFixture, renderAnnotated } from './fixture';
import { testHost } from './hosts';

export interface CheckOptions {
  uri?: string;
  host?: CoreHost;
  languageId?: string;
}

/** Validates the fixture's document and compares the findings with its annotations. */
export function checkFindings(annotatedSource: string, options: CheckOptions = {}): void {
  const { text, expected } = parseFixture(annotatedSource);
  const service = createLanguageService(options.host ?? testHost());
  const file: SourceFile = { uri: options.uri ?? 'file:///workspace/manifest.yaml', text, languageId: options.languageId };
  const actual = asExpected(service.validate(file).findings);
  assert.equal(renderAnnotated(text, actual), renderAnnotated(text, expected));
}
