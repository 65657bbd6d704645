import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { builtinSchemas } from './index.js';

// ajv-formats is CommonJS; under NodeNext its function sits on `.default`.
const addFormats = addFormatsModule.default;

/**
 * The JSON Schemas of the document types, compiled on first use: a run that
 * sees five types pays for five.
 */
export class SchemaRegistry {
  private readonly ajv: Ajv2020;
  private readonly schemas: Readonly<Record<string, object>>;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(customSchemas: Readonly<Record<string, object>> = {}) {
    this.schemas = { ...builtinSchemas, ...customSchemas };
    this.ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true });
    addFormats(this.ajv);
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

  /** Violations of the type's schema; empty when valid. */
  validate(type: string, data: unknown): ErrorObject[] {
    let validateFn = this.compiled.get(type);
    if (!validateFn) {
      // Own keys only: a document whose `type` is `constructor` must not reach Object's prototype.
      const schema = this.schemaOf(type);
      if (!schema) return [];
      validateFn = this.ajv.compile(schema);
      this.compiled.set(type, validateFn);
    }
    return validateFn(data) ? [] : [...(validateFn.errors ?? [])];
  }
}
