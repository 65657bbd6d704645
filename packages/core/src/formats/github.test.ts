import { describe, expect, it } from 'vitest';
import { at, lintResultOf } from '../testing/lint-result.js';
import type { Finding } from '../model.js';
import { escapeData, escapeProperty, github, workflowCommand } from './github.js';

const OPTIONS = { color: false, docsBaseUrl: 'https://example.test/docs/rules', toolVersion: '1.2.3' };
const finding = (overrides: Partial<Finding>): Finding => ({ ruleId: 'link/broken', severity: 'error', message: 'broken', file: 'docs/a.md', range: at(3, 7, 12), ...overrides });

describe('github formatter', () => {
  it('writes one workflow command per finding, with the rule id as title', () => {
    const result = lintResultOf({ paths: ['docs/a.md', 'docs/b.md'], findings: [finding({}), finding({ file: 'docs/b.md', severity: 'warn', ruleId: 'soa/evidence-backlink', message: 'no backlink' })] });
    expect(github(result, OPTIONS)).toBe([
      '::error file=docs/a.md,line=3,endLine=3,col=7,endColumn=12,title=link/broken::broken',
      '::warning file=docs/b.md,line=3,endLine=3,col=7,endColumn=12,title=soa/evidence-backlink::no backlink',
      '',
    ].join('\n'));
  });

  it('prints nothing when there is nothing to say', () => {
    expect(github(lintResultOf({ paths: ['docs/a.md'], findings: [] }), OPTIONS)).toBe('');
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const command = workflowCommand(finding({ file: 'docs/x,y:z.md', message: 'line one\nline two: 50%, really' }));
    expect(command).toBe('::error file=docs/x%2Cy%3Az.md,line=3,endLine=3,col=7,endColumn=12,title=link/broken::line one%0Aline two: 50%25, really');
  });

  it('leaves columns out of a range that spans lines', () => {
    expect(workflowCommand(finding({ range: { line: 2, column: 4, endLine: 5, endColumn: 1 } }))).toBe('::error file=docs/a.md,line=2,endLine=5,title=link/broken::broken');
  });
});

describe('paths for a job that runs elsewhere than the aimslint root', () => {
  it('are relative to pathBase, so annotations land when the AIMS is in a subfolder', () => {
    const result = lintResultOf({ root: '/work/repo/governance', paths: ['aims/soa.md'], findings: [{ ruleId: 'soa/missing', severity: 'error', message: 'm', file: 'aims/soa.md', range: at(1, 1) }] });
    expect(github(result, { color: false, docsBaseUrl: '', toolVersion: '1', pathBase: '/work/repo' })).toContain('file=governance/aims/soa.md,');
    expect(github(result, { color: false, docsBaseUrl: '', toolVersion: '1' })).toContain('file=aims/soa.md,');
  });
});
