// Shows ESLint holds the package boundaries too (scripts/lint/boundaries.mjs), where the editor shows
// them as the import is typed, and the one boundary only it can tell: cluster/ may import the core's
// public entries, not the rest of the core. Lints snippets as if they sat in each package.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { parser } from 'typescript-eslint';

const root = join(__dirname, '..', '..', '..');

/** `import()` of a path the compiler does not follow: boundaries.mjs has no type declarations. */
const importModule = (url: string) => import(url) as Promise<{ boundaryRules: Linter.Config[] }>;

describe('package boundaries held by ESLint', () => {
  let eslint: ESLint;

  before(async () => {
    const { boundaryRules } = await importModule(pathToFileURL(join(root, 'scripts', 'lint', 'boundaries.mjs')).href);
    // Only the boundary rules, without type information: the snippets are in no project.
    eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser } }, ...boundaryRules],
    });
  });

  /** The imports ESLint refuses in `code` placed at `file`. */
  async function refused(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    return result.messages.map((m) => {
      assert.equal(m.ruleId, 'no-restricted-imports', m.message);
      return /^'([^']+)'/.exec(m.message)![1];
    });
  }

  it('refuses Node I/O and protocol modules in the core and the model, not in their tests', async () => {
    const code =
      "import { readFileSync } from 'node:fs';\nimport { spawn } from 'child_process';\nimport { createConnection } from 'vscode-languageserver/node';\nimport { join } from 'node:path';\n";
    assert.deepEqual(await refused('server/src/core/x.ts', code), ['node:fs', 'child_process', 'vscode-languageserver/node']);
    assert.deepEqual(await refused('common/model/x.ts', code), ['node:fs', 'child_process', 'vscode-languageserver/node']);
    assert.deepEqual(await refused('server/src/core/x.test.ts', code), []);
  });

  it('refuses vscode in the server and server code in the client', async () => {
    assert.deepEqual(await refused('server/src/x.ts', "import * as vscode from 'vscode';\n"), ['vscode']);
    assert.deepEqual(await refused('client/src/views/x.ts', "import { startServer } from '../../../server/src/server';\n"), [
      '../../../server/src/server',
    ]);
    assert.deepEqual(await refused('client/src/x.ts', "import { SERVER_EXEC_ARGV } from '../../common/server-runtime';\n"), []);
  });

  it('lets cluster/ import the core through its public entries only', async () => {
    const code = [
      "import { Validators } from '../../../server/src/core/schema/index';",
      "import { selectErrors } from '../../../server/src/core/schema/select-errors';",
      "import { SERVER_EXEC_ARGV } from '../../../common/server-runtime';",
      "import { builtinSchemasAt } from '../../../server/src/builtin-schemas';",
    ].join('\n');
    assert.deepEqual(await refused('cluster/src/apply/x.ts', code), [
      '../../../server/src/core/schema/select-errors',
      '../../../server/src/builtin-schemas',
    ]);
  });
});
