// The webview's page loads only the extension's own script and style, under a policy that allows
// no remote content, no inline style and no script without the page's nonce.
import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, logsPage } from './logs-html';

const source = 'https://file+.vscode-resource.vscode-cdn.net';

describe('logs page', () => {
  it('has a strict Content-Security-Policy', () => {
    assert.equal(
      contentSecurityPolicy(source, 'abc'),
      `default-src 'none'; style-src ${source}; font-src ${source}; img-src ${source}; script-src 'nonce-abc'`,
    );
  });

  it('loads the bundled script with the nonce and the stylesheet, and escapes the title', () => {
    const html = logsPage({
      cspSource: source,
      script: `${source}/ext/dist/logs-view.js`,
      style: `${source}/ext/dist/logs-view.css`,
      nonce: 'n0nce+/=',
      title: 'Logs: pod/<x>',
    });
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    assert.deepEqual(scripts, [` nonce="n0nce+/=" src="${source}/ext/dist/logs-view.js"`]);
    assert.ok(html.includes(`<link rel="stylesheet" href="${source}/ext/dist/logs-view.css">`));
    assert.ok(!/ style=|<style|\son[a-z]+=/.test(html), 'no inline style or handler');
    assert.match(html, /<title>Logs: pod\/&#60;x&#62;<\/title>/);
    assert.ok(!/https?:\/\/(?!file\+\.vscode-resource)/.test(html.replace(/http-equiv/g, '')), 'nothing remote');
  });
});
