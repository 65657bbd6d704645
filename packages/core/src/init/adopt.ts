/**
 * `aimslint init --adopt`: for Markdown an organisation already has, propose
 * the document type of each file (by its path and headings) and the
 * frontmatter it lacks, and a config. Proposals only: the CLI prints them as
 * a diff, and writes them only when asked.
 */
import { loadConfig } from '../config/load.js';
import { discover } from '../discover/discover.js';
import { readDocument } from '../engine/process-file.js';
import { holdsControlIds } from '../index/soa-columns.js';
import type { ParsedDocument } from '../model.js';
import { headingKey } from '../rules/model-card/section-missing.js';
import { builtinSchemas } from '../schemas/index.js';
import { SECTION_ALIASES } from '../schemas/sections.js';

/** Words in a path that name a type, most specific first. */
const TYPE_BY_NAME: readonly [RegExp, string][] = [
  [/model[-_ ]?card/, 'model-card'],
  [/data[-_ ]?set[-_ ]?card|datasheet/, 'dataset-card'],
  [/statement[-_ ]?of[-_ ]?applicability|(^|[/_-])soa([/_.-]|$)/, 'soa'],
  [/impact[-_ ]?assessment|(^|[/_-])aiia([/_.-]|$)/, 'impact-assessment'],
  [/risk[-_ ]?assessment|risk[-_ ]?register/, 'risk-assessment'],
  [/management[-_ ]?review/, 'management-review'],
  [/corrective[-_ ]?action|nonconformit/, 'corrective-action'],
  [/monitoring/, 'monitoring-plan'],
  [/supplier|vendor|third[-_ ]?party/, 'supplier-assessment'],
  [/training[-_ ]?record|competenc/, 'training-record'],
  [/objective/, 'ai-objectives'],
  [/incident/, 'incident'],
  [/audit/, 'audit-report'],
  [/scope/, 'aims-scope'],
  [/roles|raci|responsibilit/, 'roles'],
  [/polic(y|ies)/, 'ai-policy'],
  [/procedure|process/, 'procedure'],
];

/** Id prefixes of the proposed ids, as the example repository writes them. */
const ID_PREFIX: Readonly<Record<string, string>> = {
  'model-card': 'MC', 'dataset-card': 'DS', soa: 'SOA', 'impact-assessment': 'IA', 'risk-assessment': 'RA', 'management-review': 'MR',
  'corrective-action': 'CA', 'monitoring-plan': 'MON', 'supplier-assessment': 'SUP', 'training-record': 'TR', 'ai-objectives': 'OBJ',
  incident: 'INC', 'audit-report': 'AUD', 'aims-scope': 'SCOPE', roles: 'ROLES', 'ai-policy': 'POL', procedure: 'PROC', 'ai-system': 'AIS',
};

export interface AdoptionEdit {
  path: string;
  type: string;
  /** Why this type: the words in the path, or the headings. */
  reason: string;
  /** The lines to insert, and the 0-based line they go before. */
  insert: string[];
  at: number;
  /** The file's first line, shown as context in the diff when the insertion is inside existing frontmatter. */
  context: string | undefined;
}

export interface AdoptionProposal {
  edits: AdoptionEdit[];
  /** The config to create, unless one exists. */
  config: string | undefined;
}

/** By headings: the model-card sections, or an SoA table. */
function typeByContent(document: ParsedDocument): { type: string; reason: string } | undefined {
  const keys = new Set(document.headings.map((heading) => headingKey(heading.text)));
  const sections = Object.entries(SECTION_ALIASES['model-card'] ?? {}).filter(([name, aliases]) => [name, ...aliases].some((alias) => keys.has(headingKey(alias))));
  if (sections.length >= 3) return { type: 'model-card', reason: `its headings cover ${sections.map(([name]) => name).join(', ')}` };
  if (document.tables.some(holdsControlIds)) return { type: 'soa', reason: 'it has a table of Annex A controls' };
  return undefined;
}

export function proposeType(document: ParsedDocument): { type: string; reason: string } | undefined {
  const byContent = typeByContent(document);
  if (byContent?.type === 'soa') return byContent;
  const path = document.path.toLowerCase();
  const named = TYPE_BY_NAME.find(([pattern]) => pattern.test(path));
  if (named) return { type: named[1], reason: `its path names it (${document.path})` };
  return byContent;
}

/** `systems/credit/model-card.md` as model-card → `MC-CREDIT-MODEL-CARD`: unique as paths are, editable afterwards. */
function proposedId(path: string, type: string): string {
  const words = path.replace(/\.(md|markdown)$/i, '').replace(/(^|\/)readme$/i, '').toUpperCase().split(/[^A-Z0-9]+/).filter((word) => word !== '');
  return `${ID_PREFIX[type] ?? 'DOC'}-${words.slice(-3).join('-') || 'DOCUMENT'}`;
}

const yamlString = (text: string): string => JSON.stringify(text);

/** The keys a document of `type` must have, with values to edit; only those it lacks. */
function skeleton(document: ParsedDocument, type: string): string[] {
  const data = document.frontmatter?.data ?? {};
  const title = document.headings.find((heading) => heading.depth === 1)?.text ?? document.path.split('/').pop()?.replace(/\.(md|markdown)$/i, '') ?? document.path;
  const values: Record<string, string> = {
    id: proposedId(document.path, type),
    type,
    title: yamlString(title),
    owner: 'ROLE-AIMS-LEAD',
    status: 'draft',
    version: '"0.1"',
  };
  const schema = builtinSchemas[type] as { required?: readonly string[] } | undefined;
  const required = schema?.required ?? [];
  // Required fields particular to the type (`system`, `roles`, ...) are left for the author, marked so that aimslint points at them.
  const lines = Object.entries(values).filter(([key]) => !Object.hasOwn(data, key)).map(([key, value]) => `${key}: ${value}`);
  for (const key of required) if (!Object.hasOwn(values, key) && !Object.hasOwn(data, key)) lines.push(`# ${key}: required for a ${type}, see schemas/${type}.schema.json`);
  return lines;
}

function editFor(document: ParsedDocument, text: string): AdoptionEdit | undefined {
  const declared = document.frontmatter?.data?.['type'];
  if (typeof declared === 'string' || document.skipped) return undefined;
  const proposal = proposeType(document);
  if (!proposal) return undefined;
  const fields = skeleton(document, proposal.type);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (document.frontmatter) return { path: document.path, ...proposal, insert: fields, at: 1, context: lines[0] };
  return { path: document.path, ...proposal, insert: ['---', ...fields, '---'], at: 0, context: undefined };
}

function configFor(edits: readonly AdoptionEdit[]): string {
  const cardsOnly = edits.length > 0 && edits.every((edit) => edit.type === 'model-card' || edit.type === 'dataset-card');
  return [
    '# Proposed by `aimslint init --adopt`: https://github.com/aimslint/aimslint#adopting-aimslint-on-existing-documents',
    `extends: ["aimslint:${cardsOnly ? 'model-cards' : 'recommended'}"]`,
    '',
  ].join('\n');
}

/** Propose types and frontmatter for the Markdown under `dir`; reads only, writes nothing. */
export async function proposeAdoption(dir: string): Promise<AdoptionProposal> {
  const config = loadConfig({ cwd: dir, paths: [] });
  const edits: AdoptionEdit[] = [];
  for (const file of await discover(config)) {
    const { document, text } = readDocument(file, config.limits);
    const edit = editFor(document, text);
    if (edit) edits.push(edit);
  }
  return { edits, config: config.file === undefined ? configFor(edits) : undefined };
}

/** The edit as a unified diff, as `git diff` shows an insertion. */
export function renderEdit(edit: AdoptionEdit): string {
  const added = edit.insert.map((line) => `+${line}`);
  const header = `--- a/${edit.path}\n+++ b/${edit.path}\n`;
  if (edit.context === undefined) return `${header}@@ -0,0 +1,${edit.insert.length} @@ ${edit.type}: ${edit.reason}\n${added.join('\n')}\n`;
  return `${header}@@ -1,1 +1,${edit.insert.length + 1} @@ ${edit.type}: ${edit.reason}\n ${edit.context}\n${added.join('\n')}\n`;
}

/** The file's new text: the lines inserted, the rest untouched (line endings kept). */
export function applyEdit(text: string, edit: AdoptionEdit): string {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom === '' ? text : text.slice(1);
  if (edit.at === 0) return `${bom}${edit.insert.join(newline)}${newline}${body}`;
  const firstBreak = body.indexOf('\n') + 1;
  return `${bom}${body.slice(0, firstBreak)}${edit.insert.join(newline)}${newline}${body.slice(firstBreak)}`;
}
