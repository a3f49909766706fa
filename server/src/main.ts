// Entry point of the standalone language server (`node dist/server.js --stdio`): reads the
// command line, builds the connection, the shipped schemas and the file system, and starts the server.
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';
import { builtinSchemasAt } from './builtin-schemas';
import { nodeFileSystem } from './node-host';
import { startServer } from './server';

declare const MLINFRA_VERSION: string | undefined; // replaced by the bundler
const version = typeof MLINFRA_VERSION === 'string' ? MLINFRA_VERSION : 'development';

const USAGE = `mlinfra language server ${version}

Usage: node server.js (--stdio | --node-ipc | --socket=<port> | --pipe=<name>)

Speaks the Language Server Protocol: validates Kubernetes training-job manifests,
Triton model configs (config.pbtxt) and Helm charts.
  --stdio          talk LSP over standard input and output (what most editors use)
  --node-ipc       talk over Node's IPC channel (VS Code)
  --socket=<port>  connect to a TCP port
  --pipe=<name>    connect to a named pipe or socket file
  --version        print the version
  --help           print this help
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (args.includes('--version')) {
  process.stdout.write(`${version}\n`);
  process.exit(0);
}
if (!args.some((arg) => /^--(stdio|node-ipc|socket|pipe)/.test(arg))) {
  process.stderr.write(`No transport given.\n\n${USAGE}`);
  process.exit(2);
}

// dist/server.js ships beside schemas/ and docs/rules/ in the extension (and in the repository), and
// beside dist/validators, the shipped kinds' validators compiled by the build.
const host = {
  schemas: builtinSchemasAt(join(__dirname, '..', 'schemas'), join(__dirname, 'validators')),
  ruleDocs: `${pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href}/`,
};

startServer(createConnection(ProposedFeatures.all), { version, host, files: nodeFileSystem() });
