// `npm run setup`: installs everything `npm start` and `npm test` need on a fresh machine
// (npm packages, Debian packages when run as root, code-server into .vscode-test/).
import { ensureAll } from './lib/setup.mjs';

ensureAll({ codeServer: true });
console.log('[setup] ready');
