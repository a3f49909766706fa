// Show and Follow Logs appear in the Clusters view's menus on exactly the rows whose logs they
// read (jobs, inference services, pods, containers), Follow Logs inline too; the palette lists both.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..', '..');

interface Menu {
  command: string;
  when: string;
  group?: string;
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { menus: Record<string, Menu[]>; configuration: { properties: Record<string, { default: unknown }> } };
};
const ROWS = ['context', 'namespace', 'folder', 'kind', 'job', 'inference', 'pod', 'container', 'gpuNode', 'error', 'message', 'untrusted'];

/** The rows of the Clusters view whose context menu (or inline bar) shows the command. */
function rowsShowing(command: string, inline: boolean): string[] {
  const menus = pkg.contributes.menus['view/item/context'].filter((m) => m.command === command && (m.group === 'inline') === inline);
  return ROWS.filter((row) =>
    menus.some((m) => {
      assert.match(m.when, /^view == mlinfra\.clusters && viewItem =~ \/(.+)\/$/);
      const pattern = /viewItem =~ \/(.+)\/$/.exec(m.when)![1];
      return new RegExp(pattern).test(`mlinfra.${row}`);
    }),
  );
}

describe('logs commands in the menus', () => {
  it('show on job, inference service, pod and container rows only', () => {
    assert.deepEqual(rowsShowing('mlinfra.followLogs', true), ['job', 'inference', 'pod', 'container']);
    assert.deepEqual(rowsShowing('mlinfra.followLogs', false), ['job', 'inference', 'pod', 'container']);
    assert.deepEqual(rowsShowing('mlinfra.showLogs', false), ['job', 'inference', 'pod', 'container']);
    assert.deepEqual(rowsShowing('mlinfra.showLogs', true), []);
  });

  it('stay in the palette, where they ask for the object', () => {
    const hidden = pkg.contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command);
    assert.ok(!hidden.includes('mlinfra.followLogs') && !hidden.includes('mlinfra.showLogs'));
  });

  it('have settings for the lines to start with, the buffer, events, timestamps and the CodeLens', () => {
    const properties = pkg.contributes.configuration.properties;
    assert.deepEqual(
      Object.keys(properties)
        .filter((k) => k.startsWith('mlinfra.logs.'))
        .map((k) => [k, properties[k].default]),
      [
        ['mlinfra.logs.tailLines', 300],
        ['mlinfra.logs.bufferLines', 100000],
        ['mlinfra.logs.events', true],
        ['mlinfra.logs.timestamps', false],
        ['mlinfra.logs.codeLens', true],
      ],
    );
  });
});
