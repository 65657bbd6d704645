import type { ErrorObject } from 'ajv';
import type { ParsedDocument } from '../../model.js';
import { frontmatterRange, keyRange, locate, valueRange } from '../../index/fields.js';
import { closest, SuggestionBudget } from '../../util/suggest.js';
import type { UnknownKeysPolicy } from '../../config/types.js';
import { alwaysAllowedKey, defaultUnknownKeysPolicy } from '../../schemas/unknown-keys.js';
import { OWNER_FIELDS, ownerForm, ownerPolicyOf, type OwnerPolicy } from '../../config/owners.js';
import type { TextEdit } from '../../model.js';
import { defineDocumentRule, type Report } from '../types.js';

/** The quote the frontmatter already uses for text: single only when it never uses double. */
function quoteStyle(document: ParsedDocument): string {
  const yaml = document.frontmatter?.yaml ?? '';
  return /[:[,-][ \t]*'/.test(yaml) && !/[:[,-][ \t]*"/.test(yaml) ? "'" : '"';
}

/** Replace `from` (as written inside `range`) with `to`: one edit, checked against the text when applied. */
function replaceIn(document: ParsedDocument, range: Report['range'], from: string, to: string): TextEdit[] {
  return [{ file: document.path, range, find: from, text: to }];
}

/** `/risks/0/likelihood` → `risks[0].likelihood`: how an author reads a path. */
export function fieldName(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((name, segment) => (/^\d+$/.test(segment) ? `${name}[${segment}]` : name ? `${name}.${segment}` : segment), '');
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `\`${value}\``;
  if (typeof value === 'number') return `the number \`${value}\``;
  if (typeof value === 'boolean') return `\`${value}\` (yes/no)`;
  if (value === null) return 'nothing';
  return Array.isArray(value) ? 'a list' : 'a mapping';
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys and values',
};

function schemaHint(error: ErrorObject): string {
  const parent = error.parentSchema as { examples?: unknown[] } | undefined;
  const example = parent?.examples?.[0];
  return typeof example === 'string' ? ` For example \`${example}\`.` : '';
}

/** Edit-distance cells a document's suggestions may spend: far more than any real schema needs. */
const SUGGESTION_CELLS_PER_DOCUMENT = 5_000_000;

function reportFor(document: ParsedDocument, error: ErrorObject, unknownKeys: UnknownKeysPolicy, budget: SuggestionBudget): Report | undefined {
  const file = document.path;
  const pointer = error.instancePath;
  const field = fieldName(pointer);
  const found = describeValue(error.data);
  switch (error.keyword) {
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      const where = pointer === '' ? frontmatterRange(document) : keyRange(document, pointer);
      const owner = pointer === '' ? 'the frontmatter' : `\`${field}\``;
      // The only conditional requirement of the format: what an approved document must also say.
      if (pointer === '' && missing === 'review_trigger') return { messageId: 'reviewTrigger', data: {}, file, range: valueRange(document, '/review') };
      if (pointer === '' && error.schemaPath.includes('/then/')) {
        return { messageId: 'requiredWhenApproved', data: { key: missing }, file, range: valueRange(document, '/status') };
      }
      return { messageId: 'required', data: { key: missing, owner }, file, range: where };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const params = error.params as { additionalProperty?: string; unevaluatedProperty?: string };
      const extra = String(params.additionalProperty ?? params.unevaluatedProperty);
      if (alwaysAllowedKey(String(document.type), extra, pointer)) return undefined;
      const childPointer = `${pointer}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
      const nearest = closest(extra, Object.keys(schema?.properties ?? {}), budget);
      // Where other keys are allowed, a near miss of a defined one (`model_verison`) is still a likely typo: a warning.
      if (unknownKeys === 'allow' && nearest === undefined) return undefined;
      const range = keyRange(document, childPointer);
      return {
        messageId: 'unknownKey',
        data: { key: extra, where: pointer === '' ? `a document of type \`${document.type}\`` : `\`${field}\``, suggestion: nearest ? ` Did you mean \`${nearest}\`?` : '' },
        file,
        range,
        ...(unknownKeys === 'error' ? {} : { severity: 'warn' as const }),
        ...(nearest ? { suggestions: [{ desc: `Rename \`${extra}\` to \`${nearest}\``, edits: replaceIn(document, range, extra, nearest) }] } : {}),
      };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const nearest = typeof error.data === 'string' ? closest(error.data, allowed, budget) : undefined;
      const range = valueRange(document, pointer);
      return {
        messageId: 'enum',
        data: { field, allowed: allowed.join(', '), found, suggestion: nearest ? ` Did you mean \`${nearest}\`?` : '' },
        file,
        range,
        ...(nearest && typeof error.data === 'string' ? { suggestions: [{ desc: `Change \`${error.data}\` to \`${nearest}\``, edits: replaceIn(document, range, error.data, nearest) }] } : {}),
      };
    }
    case 'type': {
      const expected = String((error.params as { type: string }).type);
      const words = expected.split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');
      const source = locate(document, pointer).source;
      const quote = expected === 'string' && (typeof error.data === 'number' || typeof error.data === 'boolean')
        ? ` Put it in quotes: \`"${source ?? String(error.data)}"\`, or YAML reads it as ${typeof error.data === 'number' ? `the number ${String(error.data)}` : 'true/false'}.`
        : '';
      const range = valueRange(document, pointer);
      // Quoting a number keeps the digits as written (`1.10` stays 1.10, not 1.1): what the author meant.
      const fix = quote !== '' && typeof error.data === 'number' && source !== undefined && /^[-+.\d][\w.+-]*$/.test(source)
        ? replaceIn(document, range, source, `${quoteStyle(document)}${source}${quoteStyle(document)}`)
        : undefined;
      return { messageId: 'type', data: { field, expected: words, found: source !== undefined ? `\`${source}\`` : found, quote }, file, range, ...(fix ? { fix } : {}) };
    }
    case 'format': {
      const format = String((error.params as { format: string }).format);
      const shape = format === 'date' ? 'a real date written YYYY-MM-DD' : format === 'uri' ? 'a full URL' : `a valid ${format}`;
      return { messageId: 'format', data: { field, shape, found }, file, range: valueRange(document, pointer) };
    }
    case 'pattern': {
      const form = PATTERN_FORMS[String((error.params as { pattern: string }).pattern)];
      // An owner written as an e-mail or a team is a choice the config can make, not only a typo: say how.
      const ownerHint = OWNER_FIELDS.includes(field) && typeof error.data === 'string' ? OWNER_FORMS_HINT : '';
      return { messageId: 'pattern', data: { field, found, hint: form ? ` It must be ${form}.${ownerHint}` : schemaHint(error) }, file, range: valueRange(document, pointer) };
    }
    case 'minLength':
    case 'minItems':
      return { messageId: 'empty', data: { field }, file, range: valueRange(document, pointer) };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { messageId: 'range', data: { field, rule: String(error.message), found }, file, range: valueRange(document, pointer) };
    case 'if':
    case 'anyOf':
    case 'oneOf':
    case 'allOf':
      // Their branches already reported the specific problem.
      return undefined;
    default:
      return { messageId: 'other', data: { field: field || 'the frontmatter', rule: String(error.message) }, file, range: valueRange(document, pointer) };
  }
}

const SYSTEM_FIELDS = new Set(['system', 'systems']);

/** The requirement that a document names its AI system. */
const requiresSystem = (error: ErrorObject): boolean =>
  error.keyword === 'required' && error.instancePath === '' && SYSTEM_FIELDS.has(String((error.params as { missingProperty: string }).missingProperty));

const OWNER_FORMS_HINT = ' To accept e-mail addresses or team names instead, set `owners: {accept: [role, email, team], teams: [...]}` in the config.';

/** What each pattern of the format means, in the words a policy author uses. */
const PATTERN_FORMS: Readonly<Record<string, string>> = {
  '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$': 'an upper-case id in parts joined by hyphens, such as `POL-001` or `MC-CREDIT-SCORING`',
  '^ROLE-[A-Z0-9]+(-[A-Z0-9]+)*$': 'a role id defined in the roles document, such as `ROLE-AIMS-LEAD`',
  '^\\d+\\.\\d+(\\.\\d+)?$': 'a version such as `"1.0"` or `"2.3.1"`, in quotes',
  '^A\\.\\d+\\.\\d+(\\.\\d+)?$': 'an Annex A control id such as `A.6.2.4`',
  '^\\d+(\\.\\d+)*$': 'a clause number such as `"6.1.2"`, in quotes',
};

/**
 * ajv reports each branch of an `anyOf` (`system` or `systems`) as its own
 * missing key; the author needs one sentence: add one of them.
 */
function mergeAlternatives(document: ParsedDocument, errors: ErrorObject[]): { reports: Report[]; rest: ErrorObject[] } {
  const reports: Report[] = [];
  let rest = errors;
  for (const choice of errors.filter((error) => error.keyword === 'anyOf')) {
    const branch = `${choice.schemaPath}/`;
    const missing = rest.filter((error) => error.keyword === 'required' && error.schemaPath.startsWith(branch));
    if (missing.length < 2) continue;
    const keys = missing.map((error) => `\`${String((error.params as { missingProperty: string }).missingProperty)}\``);
    rest = rest.filter((error) => !missing.includes(error));
    const range = choice.instancePath === '' ? frontmatterRange(document) : keyRange(document, choice.instancePath);
    reports.push({ messageId: 'requiredOneOf', data: { keys: keys.join(' or ') }, file: document.path, range });
  }
  return { reports, rest };
}

/** The policy for unknown keys in a type: the rule's `unknownKeys` option (from the config's `unknownKeys`), else the type's default. */
function unknownKeysPolicy(options: Record<string, unknown>, type: string): UnknownKeysPolicy {
  const configured = options['unknownKeys'];
  if (typeof configured === 'object' && configured !== null && Object.hasOwn(configured, type)) {
    const policy = (configured as Record<string, unknown>)[type];
    if (policy === 'error' || policy === 'warn' || policy === 'allow') return policy;
  }
  return defaultUnknownKeysPolicy(type);
}

/** An owner or approver written as the config allows (an e-mail, a team): not a role id, and not the schema's to reject. */
function isAcceptedOwner(error: ErrorObject, owners: OwnerPolicy): boolean {
  if (error.keyword !== 'pattern' || typeof error.data !== 'string') return false;
  const field = error.instancePath.slice(1);
  return OWNER_FIELDS.includes(field) && ownerForm(error.data, owners) !== 'rejected';
}

function reportKey(report: Report): string {
  return `${report.range.line}:${report.range.column}:${report.messageId}:${JSON.stringify(report.data)}`;
}

export default defineDocumentRule({
  id: 'schema/invalid',
  defaultSeverity: 'error',
  description: "A frontmatter value that breaks its document type's JSON Schema: one finding per problem, at the key or value.",
  serves: ['7.5.2'],
  fixable: 'code',
  messages: {
    required: '`{{key}}` is missing from {{owner}}: add it.',
    requiredWhenApproved: '`{{key}}` is missing: an approved document must also say `approved_by`, `approved_on`, `last_reviewed` and `next_review`.',
    requiredOneOf: 'Add {{keys}}: this document needs one of them.',
    reviewTrigger: '`review: event-driven` needs `review_trigger`: say which events start a review, such as a new model version, an incident or a change in the law.',
    unknownKey: '`{{key}}` is not a field of {{where}}.{{suggestion}}',
    enum: '`{{field}}` must be one of {{allowed}}; found {{found}}.{{suggestion}}',
    type: '`{{field}}` must be {{expected}}; found {{found}}.{{quote}}',
    format: '`{{field}}` must be {{shape}}; found {{found}}.',
    pattern: '`{{field}}` is not in the required form; found {{found}}.{{hint}}',
    empty: '`{{field}}` must not be empty.',
    range: '`{{field}}` {{rule}}; found {{found}}.',
    other: '`{{field}}` {{rule}}.',
  },
  check(document, { schemas, options }) {
    const data = document.frontmatter?.data;
    if (!data || document.type === undefined || !schemas.has(document.type)) return [];
    // A type assigned by the config (`assign`) counts as written: the file need not repeat it.
    const validated = data['type'] === undefined ? { ...data, type: document.type } : data;
    // A repository that keeps no AI system inventory (the `aimslint:model-cards` preset) has nothing for a card's `system` to name.
    const errors = schemas.validate(document.type, validated).filter((error) => options['inventory'] !== false || !requiresSystem(error));
    const { reports, rest } = mergeAlternatives(document, errors);
    const unknownKeys = unknownKeysPolicy(options, document.type);
    const owners = ownerPolicyOf(options);
    const seen = new Set<string>();
    // One budget for the document's suggestions: thousands of unknown keys against a schema of
    // thousands of properties (both the repository's) stay linear.
    const budget = new SuggestionBudget(SUGGESTION_CELLS_PER_DOCUMENT);
    return [...reports, ...rest.filter((error) => !isAcceptedOwner(error, owners)).flatMap((error) => {
      const report = reportFor(document, error, unknownKeys, budget);
      if (!report || seen.has(reportKey(report))) return [];
      seen.add(reportKey(report));
      return [report];
    })];
  },
});
