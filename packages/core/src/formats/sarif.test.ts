import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { at, lintResultOf, ruleFor } from '../testing/lint-result.js';
import type { Finding } from '../model.js';
import { rootUri, sarif } from './sarif.js';

const OPTIONS = { color: false, docsBaseUrl: 'https://example.test/docs/rules', toolVersion: '1.2.3' };

/** The official 2.1.0 schema as an npm package ships it: a user's clone has no shared folder. */
function sarifSchemaValidator() {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  // The schema's `language` pattern has a stray `]` that only non-Unicode regular expressions accept.
  // CommonJS under NodeNext: the class is the `default` export, as with ajv-formats.
  const ajv = new Ajv.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

const evidenceMissing: Finding = { ruleId: 'soa/evidence-missing', severity: 'error', message: 'A.7.5 is applicable but lists no evidence', file: 'aims/soa.md', range: at(41, 5, 23) };
const duplicate: Finding = {
  ruleId: 'id/duplicate',
  severity: 'warn',
  message: 'POL-001 is defined twice',
  file: 'aims/policy copy #2.md',
  range: { line: 2, column: 5, endLine: 3, endColumn: 1 },
  related: [{ file: 'aims/ai-policy.md', range: at(2, 5, 12), message: 'first defined here' }],
};

interface SarifLog {
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; helpUri: string; defaultConfiguration: { level: string }; properties: { tags: string[] } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
      relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } }; message: { text: string } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

const render = (findings: Finding[], paths = ['aims/soa.md', 'aims/policy copy #2.md', 'aims/clean.md']): SarifLog =>
  JSON.parse(sarif(lintResultOf({ root: '/work/repo', paths, findings }), OPTIONS)) as SarifLog;

describe('sarif formatter', () => {
  const validate = sarifSchemaValidator();

  it('validates against the official SARIF 2.1.0 schema, with and without findings', () => {
    for (const findings of [[evidenceMissing, duplicate], []]) {
      const log: unknown = JSON.parse(sarif(lintResultOf({ root: '/work/repo', paths: ['aims/soa.md'], findings }), OPTIONS));
      expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    }
  });

  it('describes every enabled rule with its docs link, level and the clauses it serves', () => {
    const result = lintResultOf({ paths: ['a.md'], findings: [], rules: [{ rule: ruleFor('example/stand-in', ['6.1.3', 'A.6.2.8']), severity: 'warn', options: {} }] });
    const [rule] = (JSON.parse(sarif(result, OPTIONS)) as SarifLog).runs[0]!.tool.driver.rules;
    expect(rule).toMatchObject({
      id: 'example/stand-in',
      helpUri: 'https://example.test/docs/rules/example/stand-in.md',
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['iso42001', 'example', '6.1.3', 'A.6.2.8'] },
    });
  });

  it('places results relative to %SRCROOT%, the root as a file URI with a trailing slash', () => {
    const log = render([evidenceMissing, duplicate]);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'aimslint', version: '1.2.3' });
    expect(run.originalUriBaseIds['%SRCROOT%']).toEqual({ uri: 'file:///work/repo/' });
    const [first, second] = run.results;
    expect(first).toMatchObject({
      ruleId: 'soa/evidence-missing',
      level: 'error',
      message: { text: 'A.7.5 is applicable but lists no evidence' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'aims/soa.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 41, startColumn: 5, endLine: 41, endColumn: 23 } } }],
    });
    expect(run.tool.driver.rules[first!.ruleIndex!]!.id).toBe('soa/evidence-missing');
    expect(second!.level).toBe('warning');
    expect(second!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('aims/policy%20copy%20%232.md');
    expect(second!.relatedLocations).toMatchObject([{ physicalLocation: { artifactLocation: { uri: 'aims/ai-policy.md' } }, message: { text: 'first defined here' } }]);
  });

  it('keeps fingerprints when a finding moves to another line, and tells identical findings apart', () => {
    const moved = { ...evidenceMissing, range: at(50, 1) };
    const [before] = render([evidenceMissing]).runs[0]!.results;
    const [after] = render([moved]).runs[0]!.results;
    expect(after!.partialFingerprints).toEqual(before!.partialFingerprints);
    const [one, two] = render([evidenceMissing, moved]).runs[0]!.results;
    expect(one!.partialFingerprints).not.toEqual(two!.partialFingerprints);
  });

  it('gives a root that already ends in a slash only one', () => {
    expect(rootUri('/')).toBe('file:///');
  });
});
