import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// CommonJS; under NodeNext its function sits on `.default`.
const addFormats = addFormatsModule.default;

/** One set of ajv options for the run-time registry and the build-time validators, so both judge alike. */
export const AJV_OPTIONS: Options = { allErrors: true, strict: false, allowUnionTypes: true, verbose: true };

/** The export name of a type's validator in the generated module (`risk-assessment` → `risk_assessment`). */
export const validatorName = (type: string): string => type.replace(/-/g, '_');

export function newAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, ...options });
  addFormats(ajv);
  return ajv;
}
