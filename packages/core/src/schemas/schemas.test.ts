import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SCHEMA_DIALECT, type JsonSchema, type JsonValue } from './definitions.js';
import { builtinSchemas, documentTypes, renderSchemaFile, schemaFileName } from './index.js';

// ajv-formats is CommonJS: Node's ESM loader hands over module.exports, the
// types describe its `default` export; either way the plugin is one of them.
const addFormats = addFormatsModule.default ?? addFormatsModule;

// strict: true turns schema mistakes (unknown keywords, required keys with no
// property, keywords on the wrong type) into compile errors here, not surprises
// in a user's editor.
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);

function schemaOf(type: string): JsonSchema {
  const schema = builtinSchemas[type];
  if (!schema) throw new Error(`no schema for ${type}`);
  return schema;
}

function validate(type: string, data: unknown): ErrorObject[] {
  // ajv caches compiled schemas by object, so this compiles each type once.
  const validateFn = ajv.compile(schemaOf(type));
  return validateFn(data) ? [] : [...(validateFn.errors ?? [])];
}

function isObject(value: JsonValue | undefined): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema's own example, copied so a test case can change it freely. */
function exampleOf(type: string): Record<string, unknown> {
  const examples = schemaOf(type)['examples'];
  const example = Array.isArray(examples) ? examples[0] : undefined;
  if (!isObject(example)) throw new Error(`${type} has no example`);
  return structuredClone(example) as Record<string, unknown>;
}

/** Fields a type needs under a condition rather than through its `required` list. */
const conditionallyRequired: Readonly<Record<string, readonly string[]>> = { 'dataset-card': ['systems'] };

/** The smallest document the format allows: a draft with only the required fields. */
function minimalDraft(type: string): Record<string, unknown> {
  const example = exampleOf(type);
  const required = schemaOf(type)['required'];
  const keys = [...(Array.isArray(required) ? required : []), ...(conditionallyRequired[type] ?? [])];
  const draft: Record<string, unknown> = {};
  for (const key of keys) {
    if (typeof key === 'string') draft[key] = example[key];
  }
  return { ...draft, status: 'draft' };
}

/** Every `properties` map anywhere in a schema, with where it stands. */
function* propertyMaps(schema: JsonValue, path: string): Generator<[string, JsonSchema]> {
  if (Array.isArray(schema)) {
    for (const [index, item] of schema.entries()) yield* propertyMaps(item, `${path}/${index}`);
    return;
  }
  if (!isObject(schema)) return;
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'examples') continue;
    if (key === 'properties' && isObject(value)) yield [path, value];
    yield* propertyMaps(value, `${path}/${key}`);
  }
}

describe('built-in schemas', () => {
  it('has one schema per document type of the format', () => {
    expect([...documentTypes].sort()).toEqual(
      [
        'aims-scope', 'ai-policy', 'ai-objectives', 'roles', 'ai-system', 'model-card',
        'dataset-card', 'risk-assessment', 'impact-assessment', 'soa', 'procedure',
        'training-record', 'supplier-assessment', 'audit-report', 'management-review',
        'incident', 'corrective-action', 'monitoring-plan',
      ].sort(),
    );
  });

  describe.each(documentTypes)('%s', (type) => {
    const schema = schemaOf(type);

    it('compiles in strict mode and identifies itself', () => {
      expect(() => ajv.compile(schema)).not.toThrow();
      expect(schema['$schema']).toBe(SCHEMA_DIALECT);
      expect(schema['$id']).toBe(`https://aimslint.dev/schemas/v1/${type}.schema.json`);
      expect(schema['title']).toEqual(expect.any(String));
      expect(schema['description']).toEqual(expect.any(String));
    });

    it('accepts its own example', () => {
      const example = exampleOf(type);
      expect(example['type']).toBe(type);
      expect(example['status']).toBe('approved');
      expect(validate(type, example)).toEqual([]);
    });

    it('accepts a draft with only the required fields', () => {
      expect(validate(type, minimalDraft(type))).toEqual([]);
    });

    it('gives every property a title and a description', () => {
      const undocumented = [...propertyMaps(schema, '')].flatMap(([path, properties]) =>
        Object.entries(properties)
          .filter(([, property]) => {
            // Conditions (`if`, and `requires()`'s `true` entries) name fields; they do not define them.
            if (property === true || path.includes('/if')) return false;
            if (!isObject(property)) return true;
            return typeof property['title'] !== 'string' || typeof property['description'] !== 'string';
          })
          .map(([name]) => `${path}/properties/${name}`),
      );
      expect(undocumented).toEqual([]);
    });
  });
});

describe('invalid frontmatter', () => {
  const cases: {
    name: string;
    type: string;
    change: (doc: Record<string, unknown>) => void;
    keyword: string;
    instancePath: string;
    params?: Record<string, unknown>;
  }[] = [
    { name: 'a misspelt status', type: 'ai-policy', change: (d) => { d['status'] = 'aproved'; }, keyword: 'enum', instancePath: '/status' },
    { name: 'a date that does not exist', type: 'ai-policy', change: (d) => { d['approved_on'] = '2026-02-30'; }, keyword: 'format', instancePath: '/approved_on' },
    { name: 'a lower-case id', type: 'ai-policy', change: (d) => { d['id'] = 'pol-1'; }, keyword: 'pattern', instancePath: '/id' },
    { name: 'a version read as a number', type: 'ai-policy', change: (d) => { d['version'] = 1.1; }, keyword: 'type', instancePath: '/version' },
    { name: 'a version with one part', type: 'ai-policy', change: (d) => { d['version'] = '1'; }, keyword: 'pattern', instancePath: '/version' },
    { name: 'an unknown key', type: 'ai-policy', change: (d) => { d['ownr'] = 'ROLE-CEO'; }, keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'ownr' } },
    { name: 'approved without approved_by', type: 'ai-policy', change: (d) => { delete d['approved_by']; }, keyword: 'required', instancePath: '', params: { missingProperty: 'approved_by' } },
    { name: 'approved without next_review', type: 'procedure', change: (d) => { delete d['next_review']; }, keyword: 'required', instancePath: '', params: { missingProperty: 'next_review' } },
    { name: 'a missing owner', type: 'ai-policy', change: (d) => { delete d['owner']; }, keyword: 'required', instancePath: '', params: { missingProperty: 'owner' } },
    { name: 'an owner that is not a role id', type: 'ai-policy', change: (d) => { d['owner'] = 'Sam'; }, keyword: 'pattern', instancePath: '/owner' },
    { name: 'an empty title', type: 'ai-policy', change: (d) => { d['title'] = ''; }, keyword: 'minLength', instancePath: '/title' },
    { name: 'a type that does not match the schema', type: 'ai-policy', change: (d) => { d['type'] = 'soa'; }, keyword: 'const', instancePath: '/type' },
    { name: 'a control id without its number', type: 'ai-policy', change: (d) => { d['controls'] = ['A.2']; }, keyword: 'pattern', instancePath: '/controls/0' },
    { name: 'a clause read as a number', type: 'ai-policy', change: (d) => { d['clauses'] = [5.2]; }, keyword: 'type', instancePath: '/clauses/0' },
    { name: 'a risk likelihood above 5', type: 'risk-assessment', change: (d) => { setIn(d, ['risks', 0, 'likelihood'], 7); }, keyword: 'maximum', instancePath: '/risks/0/likelihood' },
    { name: 'a fractional risk impact', type: 'risk-assessment', change: (d) => { setIn(d, ['risks', 0, 'impact'], 2.5); }, keyword: 'type', instancePath: '/risks/0/impact' },
    { name: 'an unknown treatment', type: 'risk-assessment', change: (d) => { setIn(d, ['risks', 0, 'treatment'], 'ignore'); }, keyword: 'enum', instancePath: '/risks/0/treatment' },
    { name: 'a misspelt key inside a risk', type: 'risk-assessment', change: (d) => { setIn(d, ['risks', 1, 'likelyhood'], 2); }, keyword: 'additionalProperties', instancePath: '/risks/1', params: { additionalProperty: 'likelyhood' } },
    { name: 'an SoA entry without a control', type: 'soa', change: (d) => { setIn(d, ['entries', 0, 'control'], undefined); }, keyword: 'required', instancePath: '/entries/0', params: { missingProperty: 'control' } },
    { name: 'applicable written as "yes"', type: 'soa', change: (d) => { setIn(d, ['entries', 0, 'applicable'], 'yes'); }, keyword: 'type', instancePath: '/entries/0/applicable' },
    { name: 'evidence as a single string', type: 'soa', change: (d) => { setIn(d, ['entries', 0, 'evidence'], 'POL-001'); }, keyword: 'type', instancePath: '/entries/0/evidence' },
    { name: 'an unknown impact area', type: 'impact-assessment', change: (d) => { setIn(d, ['impacts', 0, 'area'], 'planet'); }, keyword: 'enum', instancePath: '/impacts/0/area' },
    { name: 'an unknown life-cycle stage', type: 'ai-system', change: (d) => { d['lifecycle_stage'] = 'live'; }, keyword: 'enum', instancePath: '/lifecycle_stage' },
    { name: 'a role id without the ROLE- prefix', type: 'roles', change: (d) => { setIn(d, ['roles', 0, 'id'], 'CEO-1'); }, keyword: 'pattern', instancePath: '/roles/0/id' },
    { name: 'a training record without completed_on', type: 'training-record', change: (d) => { delete d['completed_on']; }, keyword: 'required', instancePath: '', params: { missingProperty: 'completed_on' } },
    { name: 'a dataset card tied to no system', type: 'dataset-card', change: (d) => { delete d['systems']; }, keyword: 'anyOf', instancePath: '' },
    { name: 'a model card without its system', type: 'model-card', change: (d) => { delete d['system']; }, keyword: 'required', instancePath: '', params: { missingProperty: 'system' } },
  ];

  it.each(cases)('rejects $name ($type)', ({ type, change, keyword, instancePath, params }) => {
    const doc = exampleOf(type);
    change(doc);
    const errors = validate(type, doc);
    expect(errors).toContainEqual(
      expect.objectContaining({ keyword, instancePath, ...(params ? { params: expect.objectContaining(params) } : {}) }),
    );
  });

  it('does not ask a document without a status for a sign-off as well', () => {
    const doc = exampleOf('ai-policy');
    delete doc['status'];
    delete doc['approved_by'];
    expect(validate('ai-policy', doc).map((e) => e.keyword)).toEqual(['required']);
  });
});

describe('frontmatter as YAML reads it', () => {
  // The values reach the schema through the `yaml` parser, so check the cases
  // where YAML's own typing decides the outcome.
  const base = [
    'id: POL-001',
    'type: ai-policy',
    'title: AI policy',
    'owner: ROLE-AI-GOV-LEAD',
    'status: draft',
  ];

  it('rejects an unquoted 1.10, which YAML reads as the number 1.1', () => {
    const errors = validate('ai-policy', parseYaml([...base, 'version: 1.10'].join('\n')));
    expect(errors).toContainEqual(expect.objectContaining({ keyword: 'type', instancePath: '/version' }));
  });

  it('accepts a quoted "1.10", unquoted dates and quoted clauses', () => {
    const yaml = [...base, 'version: "1.10"', 'effective_on: 2026-02-28', 'clauses: ["5.2"]'].join('\n');
    expect(validate('ai-policy', parseYaml(yaml))).toEqual([]);
  });

  it('accepts the Statement of Applicability exactly as the format shows it', () => {
    const yaml = [
      'id: SOA-001',
      'type: soa',
      'title: Statement of Applicability',
      'owner: ROLE-AI-GOV-LEAD',
      'status: draft',
      'version: "0.1"',
      'entries:',
      '  - control: A.2.2',
      '    applicable: true',
      '    implementation: Board-approved AI policy, reviewed yearly.',
      '    evidence: ["../policies/ai-policy.md#policy-review", POL-001]',
      '  - control: A.10.4',
      '    applicable: false',
      '    justification: We offer no AI system to customers.',
    ].join('\n');
    expect(validate('soa', parseYaml(yaml))).toEqual([]);
  });
});

describe('generated files in schemas/', () => {
  const dir = new URL('../../../../schemas/', import.meta.url);
  const stale = 'schemas/ is out of date: run pnpm build && node scripts/generate-schemas.mjs';

  it('holds exactly one file per document type', () => {
    const files = readdirSync(dir).filter((name) => name.endsWith('.schema.json')).sort();
    expect(files, stale).toEqual(documentTypes.map(schemaFileName).sort());
  });

  it.each(documentTypes)('%s matches the TypeScript definition', (type) => {
    const text = readFileSync(new URL(schemaFileName(type), dir), 'utf8');
    expect(text, stale).toBe(renderSchemaFile(schemaOf(type)));
  });
});

/** Sets (or, with undefined, deletes) a value inside nested arrays and objects. */
function setIn(doc: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let target: unknown = doc;
  for (const step of path.slice(0, -1)) {
    target = (target as Record<string | number, unknown>)[step];
  }
  const last = path[path.length - 1];
  if (last === undefined) throw new Error('empty path');
  const container = target as Record<string | number, unknown>;
  if (value === undefined) delete container[last];
  else container[last] = value;
}
