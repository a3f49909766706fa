// The one converter from core results (findings, completions, hovers, outlines, fixes, folds, lenses) to LSP types.
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  FoldingRangeKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction as LspCodeAction,
  type CodeLens as LspCodeLens,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange as LspFoldingRange,
  type Hover as LspHover,
} from 'vscode-languageserver';
import type { CodeAction, CodeLens, Completion, Finding, FoldingRange, Hover, OutlineSymbol, Severity } from './core/types';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    source: 'mlinfra',
    code: finding.code,
    message: finding.message,
  };
  if (finding.href) diagnostic.codeDescription = { href: finding.href };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri, range: related.range },
      message: related.message,
    }));
  }
  return diagnostic;
}

const COMPLETION_KINDS: Record<Completion['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  kind: CompletionItemKind.Module,
  snippet: CompletionItemKind.Snippet,
};

export function toCompletionItem(completion: Completion): CompletionItem {
  const item: CompletionItem = {
    label: completion.label,
    kind: COMPLETION_KINDS[completion.kind],
    textEdit: { range: completion.range, newText: completion.insertText },
    insertTextFormat: completion.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (completion.detail) item.detail = completion.detail;
  if (completion.documentation) item.documentation = { kind: MarkupKind.Markdown, value: completion.documentation };
  if (completion.sortText) item.sortText = completion.sortText;
  if (completion.filterText) item.filterText = completion.filterText;
  return item;
}

export function toHover(hover: Hover): LspHover {
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range };
}

const SYMBOL_KINDS: Record<OutlineSymbol['kind'], SymbolKind> = {
  document: SymbolKind.Module,
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  field: SymbolKind.Field,
};

export function toDocumentSymbol(symbol: OutlineSymbol): DocumentSymbol {
  const out: DocumentSymbol = {
    name: symbol.name || '""',
    kind: SYMBOL_KINDS[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toDocumentSymbol),
  };
  if (symbol.detail) out.detail = symbol.detail;
  return out;
}

/** A quick fix: the diagnostic it corrects (as published, so the editor pairs them) and its edit of the document. */
export function toCodeAction(action: CodeAction, uri: string): LspCodeAction {
  return {
    title: action.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(action.finding, uri)],
    isPreferred: action.preferred,
    edit: { changes: { [uri]: action.edits } },
  };
}

export function toFoldingRange(range: FoldingRange): LspFoldingRange {
  const out: LspFoldingRange = { startLine: range.startLine, endLine: range.endLine };
  if (range.kind === 'comment') out.kind = FoldingRangeKind.Comment;
  return out;
}

/** A lens that only informs: its command has a title and no id, so the editor shows it as text. */
export function toCodeLens(lens: CodeLens): LspCodeLens {
  return { range: lens.range, command: { title: lens.title, command: '' } };
}
