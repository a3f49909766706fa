// Traceback paths resolved in the workspace (`File "/workspace/train.py", line 42` opens the
// workspace's train.py at line 42), and our rules' pages opened the way diagnostics link them:
// the page packaged with the extension, docs/rules/<id>.md, in the Markdown preview. Both open
// beside the logs view, which stays in sight.
import * as vscode from 'vscode';
import { bestSourceMatch, sourceGlob } from './source-paths';

const EXCLUDE = '**/{node_modules,.git,.venv,venv,__pycache__}/**';

export class WorkspaceSources {
  private readonly found = new Map<string, Promise<vscode.Uri | undefined>>();

  /** The workspace file a written path means, if any (looked up once per path). */
  resolve(written: string): Promise<vscode.Uri | undefined> {
    let result = this.found.get(written);
    if (!result) {
      result = this.lookup(written);
      this.found.set(written, result);
    }
    return result;
  }

  private async lookup(written: string): Promise<vscode.Uri | undefined> {
    const glob = sourceGlob(written);
    if (!glob || !vscode.workspace.workspaceFolders?.length) return undefined;
    const uris = await vscode.workspace.findFiles(glob, EXCLUDE, 50);
    const best = bestSourceMatch(
      written,
      uris.map((u) => vscode.workspace.asRelativePath(u, true)),
    );
    return best === undefined ? undefined : uris.find((u) => vscode.workspace.asRelativePath(u, true) === best);
  }

  async resolveAll(paths: string[]): Promise<Record<string, boolean>> {
    const entries = await Promise.all(paths.map(async (path) => [path, (await this.resolve(path)) !== undefined] as const));
    return Object.fromEntries(entries);
  }

  /** Opens the file at the line (1-based) the traceback names, beside the logs, which stay in sight. */
  async open(written: string, line?: number): Promise<vscode.TextEditor | undefined> {
    const uri = await this.resolve(written);
    if (!uri) {
      void vscode.window.showInformationMessage(`mlinfra: ${written} is not in this workspace.`);
      return undefined;
    }
    const at = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
    return vscode.window.showTextDocument(uri, {
      selection: new vscode.Range(at, at),
      preview: true,
      viewColumn: vscode.ViewColumn.Beside,
    });
  }
}

/** The page of one of our rules: the packaged docs/rules/<id>.md, or a web page the pattern names. */
export function rulePage(extensionUri: vscode.Uri, id: string, page: string): vscode.Uri | undefined {
  if (/^https:\/\//.test(page)) return vscode.Uri.parse(page);
  // Ids are `group/name`: nothing else may reach into the extension's files.
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(id)) return undefined;
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${id}.md`);
}

export async function openRulePage(extensionUri: vscode.Uri, id: string, page: string): Promise<void> {
  const uri = rulePage(extensionUri, id, page);
  if (!uri) return;
  if (uri.scheme === 'https') {
    await vscode.env.openExternal(uri);
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
}
