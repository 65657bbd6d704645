import type { DiscoveredFile } from '../discover/discover.js';
import type { Limits } from '../config/types.js';
import type { Finding, IndexedDocument, ParsedDocument, Severity } from '../model.js';
import { TABLE_TYPES } from '../schemas/sections.js';
import { parseDocumentWithText, skippedDocument } from '../parse/document.js';
import { ruleById } from '../rules/index.js';
import type { DocumentRule } from '../rules/types.js';
import type { SchemaRegistry } from '../schemas/registry.js';
import { isSymbolicLinkAt, readBounded } from '../util/files.js';
import { toFinding } from './findings.js';
import { surfaceOf } from './run-record.js';

/** What a file's parse-and-check needs: plain data, so a worker thread can receive it. */
export interface FileJobSettings {
  limits: Limits;
  customSchemas: Record<string, object>;
  /** Enabled document rules with their severity and options. */
  documentRules: { id: string; severity: Severity; options: Record<string, unknown> }[];
  /** Digest each document's surface beside its parse (on the worker): a run with a cache records them. */
  surfaces?: true;
}

export interface FileOutcome {
  document: IndexedDocument;
  /** Findings of the document rules (parse problems included). */
  findings: Finding[];
  /** The document's surface digest (`surfaceOf`), when the settings ask for it. */
  surface?: string;
}

const FIRST_LINE = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function unreadable(file: DiscoveredFile, message: string, ruleId = 'file/unreadable'): ParsedDocument {
  return skippedDocument(file.path, '', { ruleId, severity: 'error', message, file: file.path, range: FIRST_LINE });
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}


/**
 * Read a file within the limits; a problem becomes a skipped document, never an exception.
 * `unsaved` is the file's text as an editor or a fix pass holds it: it wins over the disk.
 */
export function readDocument(file: DiscoveredFile, limits: Limits, unsaved?: Uint8Array): { document: ParsedDocument; text: string } {
  if (file.escapesRoot) {
    return { document: unreadable(file, 'This file is a symbolic link to a place outside the repository; it was not read.'), text: '' };
  }
  if (unsaved !== undefined && unsaved.length <= limits.maxFileBytes) {
    return parseDocumentWithText({ path: file.path, bytes: unsaved, mappedType: file.mappedType, governance: file.governance, limits });
  }
  let bytes: Uint8Array;
  try {
    const read = readBounded(file.absolute, limits.maxFileBytes);
    if (read.kind === 'special') {
      return { document: unreadable(file, 'This file could not be read: it is not a regular file (a FIFO, socket or device); it was not opened for reading.'), text: '' };
    }
    if (read.kind === 'too-large') {
      return { document: unreadable(file, `This file is ${sizeText(read.size)}, over the ${sizeText(limits.maxFileBytes)} limit (\`limits.maxFileBytes\`); it was skipped unread.`, 'file/too-large'), text: '' };
    }
    bytes = read.bytes;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? (isSymbolicLinkAt(file.absolute) ? 'it is a symbolic link to nothing' : 'it was deleted while aimslint ran') : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ELOOP' ? 'its symbolic links loop' : (error as Error).message;
    return { document: unreadable(file, `This file could not be read: ${reason}.`), text: '' };
  }
  return parseDocumentWithText({ path: file.path, bytes, mappedType: file.mappedType, governance: file.governance, limits });
}

/** Parse one file and run the document rules on it. `schemas` is built once per run or worker. */
export function processFile(file: DiscoveredFile, settings: FileJobSettings, schemas: SchemaRegistry, unsaved?: Uint8Array): FileOutcome {
  const { document, text } = readDocument(file, settings.limits, unsaved);
  const findings = settings.documentRules.flatMap(({ id, severity, options }) => {
    const rule = ruleById(id) as DocumentRule | undefined;
    if (!rule) return [];
    return rule.check(document, { options, schemas, text }).map((report) => toFinding(rule, report, severity));
  });
  const indexed = toIndexed(document);
  return settings.surfaces ? { document: indexed, findings, surface: surfaceOf(indexed) } : { document: indexed, findings };
}

/** What the index keeps of a document once its document rules have run. */
export function toIndexed(document: ParsedDocument): IndexedDocument {
  const { headings: _headings, tables, ...kept } = document;
  return { ...kept, tables: document.type !== undefined && TABLE_TYPES.has(document.type) ? tables : [] };
}
