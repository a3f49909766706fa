// The package boundaries as ESLint `no-restricted-imports` settings, one config object per area.
// The compiler holds the same boundaries (tsconfig.json's projects); ESLint says it where the import is
// typed, and it alone can tell cluster/'s import of core/schema/index from a deep import of the core.

/** Node modules that do I/O or start work off the thread: none in pure code. */
const NODE_IO = ['fs', 'child_process', 'net', 'http', 'https', 'http2', 'worker_threads', 'dgram', 'tls', 'dns', 'cluster', 'readline'];

const pure = {
  regex: `^(node:)?(${NODE_IO.join('|')})(/.*)?$|^(vscode|vscode-languageserver.*|vscode-languageclient|vscode-jsonrpc)(/.*)?$|^@kubernetes/client-node`,
  message:
    'server/src/core and common/model are pure: no Node I/O and no editor protocol. Take what you need ' +
    'from the host (core/host.ts) or do it in server/src.',
};
const noVscode = { regex: '^vscode(/.*)?$', message: 'Only client/ imports vscode.' };
const noClient = { regex: '(^|/)client/', message: 'The client is a program of its own; share through common/.' };
const noServer = {
  regex: '(^|/)server/',
  message: 'client/ never imports server code; they meet at the protocol (common/protocol.ts) and share common/.',
};
const noDeepCore = {
  // Anything under server/ except the core's public entries core/index and core/schema/index.
  regex: '(^|/)server/(?!src/core/(schema/)?index(\\.js)?$)',
  message:
    'cluster/ reaches the core only through server/src/core/index.ts or server/src/core/schema/index.ts: export what you need there.',
};

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

/** Later objects override earlier ones for the files both match, so each narrower area lists every pattern it needs. */
export const boundaryRules = [
  { files: ['server/**/*.ts'], rules: restrict(noVscode, noClient) },
  { files: ['server/src/core/**/*.ts', 'common/model/**/*.ts'], ignores: ['**/*.test.ts'], rules: restrict(pure, noClient) },
  { files: ['common/*.ts'], rules: restrict(noVscode, noClient, noServer) },
  { files: ['client/**/*.ts'], rules: restrict(noServer) },
  { files: ['cluster/**/*.ts'], rules: restrict(noVscode, noClient, noDeepCore) },
];
