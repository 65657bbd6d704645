import { readFileSync, statSync } from 'node:fs';
import type { DiscoveredFile } from '../discover/discover.js';
import type { Limits } from '../config/types.js';
import type { Finding, IndexedDocument, ParsedDocument, Severity } from '../model.js';
import { TABLE_TYPES } from '../schemas/sections.js';
import { parseDocumentWithText, skippedDocument } from '../parse/document.js';
import { ruleById } from '../rules/index.js';
import type { DocumentRule } from '../rules/types.js';
import type { SchemaRegistry } from '../schemas/registry.js';
import { toFinding } from './findings.js';

/** What a file's parse-and-check needs: plain data, so a worker thread can receive it. */
export interface FileJobSettings {
  limits: Limits;
  customSchemas: Record<string, object>;
  /** Enabled document rules with their severity and options. */
  documentRules: { id: string; severity: Severity; options: Record<string, unknown> }[];
}

export interface FileOutcome {
  document: IndexedDocument;
  /** Findings of the document rules (parse problems included). */
  findings: Finding[];
}

const FIRST_LINE = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function unreadable(file: DiscoveredFile, message: string): ParsedDocument {
  return skippedDocument(file.path, '', { ruleId: 'file/unreadable', severity: 'error', message, file: file.path, range: FIRST_LINE });
}

/** Read a file within the limits; a problem becomes a skipped document, never an exception. */
export function readDocument(file: DiscoveredFile, limits: Limits): { document: ParsedDocument; text: string } {
  if (file.escapesRoot) {
    return { document: unreadable(file, 'This file is a symbolic link to a place outside the repository; it was not read.'), text: '' };
  }
  let bytes: Uint8Array;
  try {
    const size = statSync(file.absolute).size;
    if (size > limits.maxFileBytes) {
      const megabytes = (size / 1024 / 1024).toFixed(1);
      return { document: unreadable(file, `This file is ${megabytes} MB, over the ${(limits.maxFileBytes / 1024 / 1024).toFixed(1)} MB limit (\`limits.maxFileBytes\`); it was skipped.`), text: '' };
    }
    bytes = readFileSync(file.absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'it was deleted while aimslint ran' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ELOOP' ? 'its symbolic links loop' : (error as Error).message;
    return { document: unreadable(file, `This file could not be read: ${reason}.`), text: '' };
  }
  return parseDocumentWithText({ path: file.path, bytes, mappedType: file.mappedType, governance: file.governance, limits });
}

/** Parse one file and run the document rules on it. `schemas` is built once per run or worker. */
export function processFile(file: DiscoveredFile, settings: FileJobSettings, schemas: SchemaRegistry): FileOutcome {
  const { document, text } = readDocument(file, settings.limits);
  const findings = settings.documentRules.flatMap(({ id, severity, options }) => {
    const rule = ruleById(id) as DocumentRule | undefined;
    if (!rule) return [];
    return rule.check(document, { options, schemas, text }).map((report) => toFinding(rule, report, severity));
  });
  return { document: toIndexed(document), findings };
}

/** What the index keeps of a document once its document rules have run. */
export function toIndexed(document: ParsedDocument): IndexedDocument {
  const { headings: _headings, tables, ...kept } = document;
  return { ...kept, tables: document.type !== undefined && TABLE_TYPES.has(document.type) ? tables : [] };
}
