import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { builtinSchemas } from './index.js';
import { newCustomSchemaAjv, validatorName } from './ajv.js';
import * as precompiled from './validators.generated.js';

/** The built-in types' validators, compiled at build time (see standalone.ts). */
const PRECOMPILED = precompiled as unknown as Readonly<Record<string, ValidateFunction | undefined>>;

/**
 * The JSON Schemas of the document types. Built-in types use validators
 * compiled at build time; a config's own types are compiled on first use, so
 * a run pays only for the types it sees.
 */
export class SchemaRegistry {
  private ajv: Ajv2020 | undefined;
  private readonly schemas: Readonly<Record<string, object>>;
  private readonly custom: ReadonlySet<string>;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(customSchemas: Readonly<Record<string, object>> = {}) {
    this.schemas = { ...builtinSchemas, ...customSchemas };
    this.custom = new Set(Object.keys(customSchemas));
  }

  has(type: string): boolean {
    return Object.hasOwn(this.schemas, type);
  }

  types(): string[] {
    return Object.keys(this.schemas).sort();
  }

  /** The schema object of a type, for messages that quote its enums and patterns. */
  schemaOf(type: string): object | undefined {
    return this.has(type) ? this.schemas[type] : undefined;
  }

  private validatorOf(type: string): ValidateFunction | undefined {
    // Own keys only: a document whose `type` is `constructor` must not reach Object's prototype.
    const schema = this.schemaOf(type);
    if (!schema) return undefined;
    let validateFn = this.compiled.get(type);
    if (!validateFn) {
      const ready = this.custom.has(type) ? undefined : PRECOMPILED[validatorName(type)];
      validateFn = ready ?? (this.ajv ??= newCustomSchemaAjv()).compile(schema);
      this.compiled.set(type, validateFn);
    }
    return validateFn;
  }

  /** Violations of the type's schema; empty when valid. */
  validate(type: string, data: unknown): ErrorObject[] {
    const validateFn = this.validatorOf(type);
    if (!validateFn || validateFn(data)) return [];
    return [...(validateFn.errors ?? [])];
  }
}
