import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { at, lintResultOf } from '../testing/lint-result.js';
import { escapeXml, junit } from './junit.js';

const OPTIONS = { color: false, docsBaseUrl: 'https://example.test/docs/rules', toolVersion: '1.2.3' };

interface Parsed {
  testsuites: {
    '@_tests': string;
    '@_failures': string;
    testsuite: { '@_name': string; '@_tests': string; '@_failures': string; testcase: { '@_name': string; failure?: { '@_type': string; '@_message': string; '#text': string } }[] }[];
  };
}

const parse = (xml: string): Parsed =>
  new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase', processEntities: true }).parse(xml) as Parsed;

describe('junit formatter', () => {
  const hostile = 'Value <"aproved"> & \'draft\' ]]> \u0001 bell';
  const result = lintResultOf({
    paths: ['aims/a&b.md', 'aims/clean.md'],
    findings: [
      { ruleId: 'schema/invalid', severity: 'error', message: hostile, file: 'aims/a&b.md', range: at(4, 9) },
      { ruleId: 'review/overdue', severity: 'warn', message: 'next_review 2020-01-01 has passed', file: 'aims/a&b.md', range: at(9, 14) },
    ],
  });
  const xml = junit(result, OPTIONS);

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('has a suite per file, a failing case per finding and one passing case for a clean file', () => {
    const { testsuites } = parse(xml);
    expect(testsuites['@_tests']).toBe('3');
    expect(testsuites['@_failures']).toBe('2');
    const [withFindings, clean] = testsuites.testsuite;
    expect(withFindings!['@_name']).toBe('aims/a&b.md');
    expect(withFindings!.testcase.map((testcase) => testcase.failure?.['@_type'])).toEqual(['error', 'warning']);
    expect(withFindings!.testcase[0]!['@_name']).toBe('aims/a&b.md:4:9 schema/invalid');
    expect(clean!.testcase).toHaveLength(1);
    expect(clean!.testcase[0]!.failure).toBeUndefined();
  });

  it('carries hostile text through escaped, replacing what XML cannot hold', () => {
    const failure = parse(xml).testsuites.testsuite[0]!.testcase[0]!.failure!;
    expect(failure['@_message']).toBe(hostile.replace('\u0001', '\uFFFD'));
    expect(failure['#text']).toContain(hostile.replace('\u0001', '\uFFFD'));
  });

  it('escapes the five XML specials and line breaks', () => {
    expect(escapeXml('<a href="x">&\'\n')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#10;');
  });
});
