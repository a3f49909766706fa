// Tags keep their colour, roles' indexes step through the palette, and the webview's stylesheet
// gives each colour class the theme's terminal colour of the same name.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitTag, tagColor, tagColorIndex, TAG_COLORS } from './tag-colors';

const root = join(__dirname, '..', '..', '..', '..', '..');

describe('tag colours', () => {
  it('split a tag into its role and index', () => {
    assert.deepEqual(splitTag('worker-3'), { role: 'worker', index: 3 });
    assert.deepEqual(splitTag('gpu-workers-12'), { role: 'gpu-workers', index: 12 });
    assert.deepEqual(splitTag('head'), { role: 'head', index: 0 });
    assert.deepEqual(splitTag('launcher'), { role: 'launcher', index: 0 });
  });

  it('give the same tag the same colour, and the workers of a job ten different ones', () => {
    assert.equal(tagColor('worker-3'), tagColor('worker-3'));
    assert.match(tagColor('master-0'), /^--vscode-terminal-ansi(Bright)?(Blue|Green|Magenta|Cyan|Yellow)$/);
    const workers = Array.from({ length: 10 }, (_, i) => tagColorIndex(`worker-${i}`));
    assert.equal(new Set(workers).size, 10);
    assert.ok(!TAG_COLORS.some((c) => /Red|Black|White/.test(c)), 'red is for failures; black and white vanish in some theme');
  });

  it('style every colour class with its terminal colour', () => {
    const css = readFileSync(join(root, 'client/src/logs/view/webview/logs.css'), 'utf8');
    TAG_COLORS.forEach((color, i) => {
      const rule = new RegExp(`\\.tag-${i}\\s*\\{[^}]*--tag-color:\\s*var\\(--vscode-terminal-${color}\\)`);
      assert.match(css, rule, `.tag-${i}`);
    });
  });
});
