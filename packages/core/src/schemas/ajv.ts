import { setFlagsFromString } from 'node:v8';
import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
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

let linearEngineEnabled = false;

/** Printable ASCII with no `\u{…}`, `\p{…}` or `\P{…}`: its meaning is the same with or without the `u` flag. */
const ASCII_WITHOUT_UNICODE_ESCAPES = /^(?:[\x20-\x5b\x5d-\x7e]|\\[^upP])*$/;

/**
 * `pattern`s of a config's own schemas come from the repository, so they may
 * be built to backtrack for hours (`^(a+)+$`). V8's linear-time engine (the
 * `l` flag) runs them in time proportional to the text. That engine refuses
 * the `u` flag here, so an ASCII pattern with no Unicode escapes runs without
 * it (the only difference: `.` sees an astral character as two); a pattern it
 * cannot run at all (lookaround, backreferences, `\p{...}`) keeps the
 * ordinary engine, and the run's time budget (limits.maxRunSeconds) bounds it.
 */
export const linearFirstRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    if (!linearEngineEnabled) {
      setFlagsFromString('--enable-experimental-regexp-engine');
      linearEngineEnabled = true;
    }
    const candidates = ASCII_WITHOUT_UNICODE_ESCAPES.test(pattern) ? [`${flags}l`, `${flags.replace('u', '')}l`] : [`${flags}l`];
    for (const candidate of candidates) {
      try {
        return new RegExp(pattern, candidate);
      } catch {
        // Not runnable in linear time with these flags: try the next, then the ordinary engine.
      }
    }
    return new RegExp(pattern, flags);
  },
  { code: 'new RegExp' },
);

/** The ajv for a config's own schemas: the shared options, with patterns on the linear engine. */
export const newCustomSchemaAjv = (): Ajv2020 => newAjv({ code: { regExp: linearFirstRegExp } });
