// Cursor fixtures: `$0` marks where completion or hover is asked, as in rust-analyzer's tests.
import { createLanguageService, type LanguageService } from '../../server/src/core/language-service';
import type { Position } from '../../server/src/core/types';
import { fixtureHost } from './hosts';

export interface CursorFixture {
  text: string;
  position: Position;
}

export function parseCursor(source: string): CursorFixture {
  const offset = source.indexOf('$0');
  if (offset < 0) throw new Error('fixture has no $0 cursor marker');
  const before = source.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { text: before + source.slice(offset + 2), position: { line, character: offset - (before.lastIndexOf('\n') + 1) } };
}

let shared: LanguageService | undefined;

/** The language service tests share: schemas compile once per run. */
export function sharedService(): LanguageService {
  shared ??= createLanguageService(fixtureHost());
  return shared;
}

/** A snippet as it reads once every placeholder keeps its default and every choice its first value. */
export function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\,|])/g, '$1');
}
