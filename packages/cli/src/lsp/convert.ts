import { pathToFileURL, fileURLToPath } from 'node:url';
import { relative, resolve, sep } from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import { DOCS_BASE_URL, type Finding, type SourceRange } from '@aimslint/core';

/** aimslint's 1-based line/column range (UTF-16 columns, as LSP counts) as an LSP range. */
export function toRange(range: SourceRange): Range {
  return { start: { line: range.line - 1, character: range.column - 1 }, end: { line: range.endLine - 1, character: range.endColumn - 1 } };
}

export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: toRange(finding.range),
    severity: finding.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: finding.ruleId,
    codeDescription: { href: `${DOCS_BASE_URL}/${finding.ruleId}.md` },
    source: 'aimslint',
    message: finding.hint === undefined ? finding.message : `${finding.message}\n${finding.hint}`,
  };
}

/** The repository-relative path of a `file:` URI inside the root, else undefined. */
export function pathOfUri(root: string, uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  const rel = relative(root, fileURLToPath(uri));
  if (rel === '' || rel.startsWith('..') || resolve(root, rel) !== fileURLToPath(uri)) return undefined;
  return rel.split(sep).join('/');
}

/** Remembered: a full pass sends the diagnostics of thousands of files, each needing its URI. */
const uris = new Map<string, string>();

export function uriOfPath(root: string, path: string): string {
  const key = `${root.length}:${root}${path}`;
  let uri = uris.get(key);
  if (uri === undefined) {
    uri = pathToFileURL(resolve(root, path)).href;
    if (uris.size >= 100_000) uris.clear();
    uris.set(key, uri);
  }
  return uri;
}
