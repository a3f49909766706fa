// The logs webview's page: the bundled script and style from the extension's dist/ folder and
// nothing else. Its Content-Security-Policy allows no remote content, no inline style, and only the
// script that carries this page's nonce. Pure: the caller gives the URIs and the nonce.

export interface PageResources {
  /** The webview's `cspSource` (what `asWebviewUri` URIs are served from). */
  cspSource: string;
  script: string;
  style: string;
  nonce: string;
  title: string;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function logsPage({ cspSource, script, style, nonce, title }: PageResources): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escape(contentSecurityPolicy(cspSource, nonce))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<link rel="stylesheet" href="${escape(style)}">`,
    `<title>${escape(title)}</title>`,
    '</head>',
    '<body>',
    '<div id="app" role="application" aria-label="Logs"></div>',
    `<script nonce="${escape(nonce)}" src="${escape(script)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
