/**
 * The pieces every document type's JSON Schema is built from. Each rule of the
 * document format's "Fields every document has" is written once here, so "a
 * version is a string" or "approved needs a sign-off" cannot drift between the
 * eighteen types. The per-type files in `./types/` only add what
 * is particular to their type.
 *
 * Fragments are spread inline rather than shared through `$ref`/`$defs`: every
 * generated file then stands alone (editors resolve nothing over the network)
 * and each property keeps its own title and description.
 */

/** Any JSON value, as it appears in a schema file. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonSchema;

/** A JSON Schema (or a fragment of one) as a plain JSON object. */
export type JsonSchema = { readonly [keyword: string]: JsonValue };

export const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** Where the schemas are published; `$id` is this plus the schema's file name. */
const SCHEMA_ID_BASE = 'https://aimslint.dev/schemas/v1/';

/** The file a type's schema is published as, in `schemas/` and under `$id`. */
export function schemaFileName(type: string): string {
  return `${type}.schema.json`;
}

// ---------------------------------------------------------------------------
// Value shapes (no title or description: each use says what the value means).

export const documentId = {
  type: 'string',
  pattern: '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$',
} as const satisfies JsonSchema;

export const roleId = {
  type: 'string',
  pattern: '^ROLE-[A-Z0-9]+(-[A-Z0-9]+)*$',
} as const satisfies JsonSchema;

/**
 * A string on purpose: YAML reads an unquoted `1.10` as the number 1.1, which
 * would silently become version "1.1". Requiring a string makes that an error
 * the author sees, with the fix (quote it) obvious.
 */
export const version = {
  type: 'string',
  pattern: '^\\d+\\.\\d+(\\.\\d+)?$',
} as const satisfies JsonSchema;

/** ajv-formats' `date` checks the calendar too, so 2026-02-30 fails. */
export const date = { type: 'string', format: 'date' } as const satisfies JsonSchema;

export const status = {
  type: 'string',
  enum: ['draft', 'in-review', 'approved', 'retired'],
} as const satisfies JsonSchema;

/**
 * Shape only: whether the id is one of the edition's 38 controls is the
 * `soa/control-unknown` rule's job, which can name the catalog and the line.
 */
export const controlId = {
  type: 'string',
  pattern: '^A\\.\\d+\\.\\d+(\\.\\d+)?$',
} as const satisfies JsonSchema;

/** Clause numbers such as "6.1.2"; a YAML number (6.1) fails on type. */
export const clauseId = {
  type: 'string',
  pattern: '^\\d+(\\.\\d+)*$',
} as const satisfies JsonSchema;

export const text = { type: 'string', minLength: 1 } as const satisfies JsonSchema;

export const textList = { type: 'array', items: text } as const satisfies JsonSchema;

export const documentIdList = { type: 'array', items: documentId } as const satisfies JsonSchema;

export const roleIdList = { type: 'array', items: roleId } as const satisfies JsonSchema;

/**
 * What a document may list in `controls`: an Annex A control, or an item of a
 * framework beside it (`NIST-AI-RMF:GOVERN-1.1`, `EU-AI-ACT:Art.9`,
 * `EU-AI-ACT:Annex.IV`). Shape only, as for `controlId`.
 */
export const evidencedControlId = {
  type: 'string',
  pattern: '^(A\\.\\d+\\.\\d+(\\.\\d+)?|NIST-AI-RMF:(GOVERN|MAP|MEASURE|MANAGE)-\\d+\\.\\d+|EU-AI-ACT:(Art\\.\\d+|Annex\\.[IVX]+))$',
} as const satisfies JsonSchema;

export const controlIdList = { type: 'array', items: evidencedControlId } as const satisfies JsonSchema;

export const clauseIdList = { type: 'array', items: clauseId } as const satisfies JsonSchema;

export const severity = {
  type: 'string',
  enum: ['low', 'medium', 'high'],
} as const satisfies JsonSchema;

/** A value shape with the words an editor shows on hover and in completion. */
export function field(shape: JsonSchema, title: string, description: string): JsonSchema {
  return { title, description, ...shape };
}

/**
 * A closed object: unknown keys inside list items (`likelyhood`) are caught
 * just as they are at the top level.
 */
export function closedObject(
  properties: Readonly<Record<string, JsonSchema>>,
  required: readonly string[] = [],
): JsonSchema {
  return {
    type: 'object',
    ...(required.length > 0 ? { required } : {}),
    properties,
    additionalProperties: false,
  };
}

// ---------------------------------------------------------------------------
// Fields every document has.

const commonRequired = ['id', 'type', 'title', 'owner', 'status', 'version'] as const;

function identityProperties(type: string): Record<string, JsonSchema> {
  return {
    id: field(
      documentId,
      'Document id',
      'A short, stable, upper-case id that other documents use to point at this one, such as POL-001 or MC-CREDIT-SCORE. It must be unique in the repository; keep it when the title changes.',
    ),
    type: field(
      { const: type },
      'Document type',
      `Always "${type}" for this kind of document. The type decides which fields are expected and which checks run.`,
    ),
    title: field(text, 'Title', 'The human-readable name of the document, as it should appear in reports.'),
    owner: field(
      roleId,
      'Owner',
      'The role (ROLE-...) accountable for keeping this document correct and current. Name a role from your roles document rather than a person, so ownership survives staff changes.',
    ),
    status: field(
      status,
      'Status',
      'Where the document is in its life: draft while being written, in-review while awaiting sign-off, approved once signed off (only approved documents count as evidence), retired when no longer in force.',
    ),
    version: field(
      version,
      'Version',
      'The document\'s version as MAJOR.MINOR or MAJOR.MINOR.PATCH. Quote it ("1.10"), because YAML would otherwise read 1.10 as the number 1.1.',
    ),
    approved_by: field(
      roleId,
      'Approved by',
      'The role (ROLE-...) that signed this version off. Required once the status is approved.',
    ),
    approved_on: field(date, 'Approved on', 'The date (YYYY-MM-DD) this version was approved. Required once the status is approved.'),
    last_reviewed: field(
      date,
      'Last reviewed',
      'The date (YYYY-MM-DD) the document was last checked for being still accurate and fit for purpose. Required once the status is approved.',
    ),
    next_review: field(
      date,
      'Next review',
      'The date (YYYY-MM-DD) by which the next review is due. Required once the status is approved, unless reviews are event-driven; a date in the past is reported as an overdue review.',
    ),
    review: field(
      { type: 'string', enum: ['scheduled', 'event-driven'] },
      'Review',
      'How reviews are planned: scheduled (the default: by `next_review`) or event-driven (when something happens, said in `review_trigger`, with no fixed date).',
    ),
    review_trigger: field(
      text,
      'Review trigger',
      'For event-driven reviews: the events that start a review, such as a new model version, an incident or a change in the law. Required with `review: event-driven`.',
    ),
    controls: field(
      controlIdList,
      'Annex A controls',
      'The Annex A controls (A.2.2 ... A.10.4) this document implements or serves as evidence for. The Statement of Applicability expects its evidence to list the control here. Items of other frameworks may be listed too: NIST AI RMF subcategories (NIST-AI-RMF:GOVERN-1.1) and EU AI Act obligations (EU-AI-ACT:Art.9, EU-AI-ACT:Annex.IV).',
    ),
    clauses: field(
      clauseIdList,
      'Clauses',
      'The management-system clauses this document addresses, such as "6.1.2". Quote them so YAML keeps them as text.',
    ),
    related: field(documentIdList, 'Related documents', 'Ids of other governance documents a reader of this one should also know about.'),
  };
}

/**
 * Optional fields that real organisations put on controlled documents. They
 * are listed (not left open) so that a misspelt key is still reported.
 */
const generalProperties: Readonly<Record<string, JsonSchema>> = {
  description: field(text, 'Description', 'A few sentences on what the document covers and who it is for.'),
  summary: field(text, 'Summary', 'A one-paragraph digest for readers who will not open the whole document.'),
  tags: field(textList, 'Tags', 'Free keywords for searching and grouping documents, such as a business unit or a product line.'),
  references: field(
    textList,
    'External references',
    'Sources outside this repository that the document relies on: laws, regulations, standards, contracts or web pages. Use related for documents inside the repository.',
  ),
  classification: field(
    text,
    'Classification',
    'How the document may be shared under your information classification scheme, such as internal or confidential.',
  ),
  effective_on: field(date, 'Effective on', 'The date (YYYY-MM-DD) from which this version applies, when that differs from the approval date.'),
};

/**
 * `required` for use inside a condition (if/then, anyOf). ajv's strict mode
 * only accepts a required key that a `properties` beside it (or one already
 * evaluated) declares, and it evaluates conditions before the top-level
 * `properties`; the `true` entries declare the keys without restating their
 * shapes, which the top-level `properties` already give.
 */
export function requires(...keys: readonly string[]): JsonSchema {
  return { properties: Object.fromEntries(keys.map((key) => [key, true])), required: keys };
}

/**
 * An approved document must say who signed it off and when, and when it is
 * next looked at; drafts may leave these out while they are being written.
 * Requiring `status` in the condition keeps a document that lacks a status
 * from also being told it lacks a sign-off.
 */
const approvedNeedsSignOff: JsonSchema = {
  if: { properties: { status: { const: 'approved' } }, required: ['status'] },
  then: requires('approved_by', 'approved_on', 'last_reviewed'),
};

/** An approved document's next review is a date, unless its reviews are event-driven. */
const approvedNeedsNextReview: JsonSchema = {
  if: { properties: { status: { const: 'approved' }, review: { not: { const: 'event-driven' } } }, required: ['status'] },
  then: requires('next_review'),
};

/** Event-driven reviews say what starts one. */
const eventDrivenNeedsTrigger: JsonSchema = {
  if: { properties: { review: { const: 'event-driven' } }, required: ['review'] },
  then: requires('review_trigger'),
};

export interface DocumentTypeDefinition {
  type: string;
  title: string;
  description: string;
  /** Fields particular to this type; they must not redefine a common field. */
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  /** Further whole-document conditions, such as "system or systems". */
  constraints?: readonly JsonSchema[];
  /** One realistic, complete frontmatter; it is also a test case. */
  example: JsonSchema;
}

/** A document type's complete schema: the common fields plus its own. */
export function documentSchema(definition: DocumentTypeDefinition): JsonSchema {
  const identity = identityProperties(definition.type);
  const own = definition.properties ?? {};
  for (const key of Object.keys(own)) {
    // A silent override would change a rule of the format for one type only.
    if (key in identity || key in generalProperties) {
      throw new Error(`schema for ${definition.type} redefines the common field "${key}"`);
    }
  }
  return {
    $schema: SCHEMA_DIALECT,
    $id: `${SCHEMA_ID_BASE}${schemaFileName(definition.type)}`,
    title: definition.title,
    description: definition.description,
    type: 'object',
    required: [...commonRequired, ...(definition.required ?? [])],
    properties: { ...identity, ...own, ...generalProperties },
    allOf: [approvedNeedsSignOff, approvedNeedsNextReview, eventDrivenNeedsTrigger, ...(definition.constraints ?? [])],
    additionalProperties: false,
    examples: [definition.example],
  };
}
