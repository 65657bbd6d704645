import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ignore from 'ignore';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.js';
import { expandBraces, GitignoreRules, globMatcher } from './glob.js';

// The regex-based libraries are the oracle for what the bounded matcher must agree with on ordinary patterns.
const PATHS = [
  'README.md', 'aims/ai-policy.md', 'aims/soa.md', 'aims/drafts/old.md', 'drafts/x.md', 'systems/credit/model-card.md',
  'systems/credit/README.markdown', '.github/workflows/ci.yml', 'docs/.hidden.md', 'a/b/c/d/e.md', 'node.md', 'x[1].md',
  'datasets/loans/README.md', 'aims/ai policy.md', 'build/out/report.md', 'src/build/x.md',
];
const GLOBS = [
  '**/*.md', '**/*.markdown', '*.md', 'aims/**', 'aims/*.md', 'drafts/**', '**/drafts/**', 'systems/**/model-card.md',
  'datasets/**/README.md', '**/README.{md,markdown}', 'a/**/e.md', 'a/*/c/**', '?ocs/**', 'aims/[a-c]*.md', 'aims/[^a]*.md',
  '**', 'x\\[1\\].md', '**/build/**', 'aims/ai policy.md',
];

describe('globMatcher', () => {
  it.each(GLOBS)('agrees with picomatch (dot: true) on %s', (glob) => {
    const ours = globMatcher([glob]);
    const theirs = picomatch(glob, { dot: true });
    expect(PATHS.filter(ours)).toEqual(PATHS.filter((path) => theirs(path)));
  });

  it('matches nothing without globs, anything any glob matches with several', () => {
    expect(globMatcher([])('aims/soa.md')).toBe(false);
    expect(globMatcher(['drafts/**', 'aims/*.md'])('aims/soa.md')).toBe(true);
  });

  it('expands alternatives, nested and bounded', () => {
    expect(expandBraces('a/{b,c{d,e}}/*.md')).toEqual(['a/b/*.md', 'a/cd/*.md', 'a/ce/*.md']);
    expect(expandBraces('{x}')).toEqual(['{x}']);
    expect(expandBraces('{a,b}'.repeat(20))).toHaveLength(256);
  });
});

const GITIGNORES = [
  'drafts/', '/build', 'build/', '*.markdown', '!aims/drafts/old.md\naims/drafts/', 'aims/**\n!aims/soa.md', '**/drafts', 'a/**/e.md',
  '# comment\n\n*.md\n!README.md', 'docs/*', '\\#literal', 'src/**/x.md', 'x[1].md', 'aims/ai\\ policy.md', 'aims/ai policy.md   ', 'aims/[!a]*.md',
];

describe('GitignoreRules', () => {
  it.each(GITIGNORES)('agrees with the ignore package on %j', (text) => {
    const ours = new GitignoreRules(text);
    const theirs = ignore().add(text);
    // The walker asks about each folder before it enters it, so a file counts as ignored when it or any parent folder is.
    const oursIgnores = (path: string): boolean => {
      const names = path.split('/');
      for (let i = 1; i < names.length; i++) if (ours.decide(names.slice(0, i).join('/'), true)) return true;
      return ours.decide(path, false) === true;
    };
    expect(PATHS.filter(oursIgnores)).toEqual(PATHS.filter((path) => theirs.ignores(path)));
  });
});

describe('bounded time on hostile patterns', () => {
  it('a glob of many stars fails fast on a long name that nearly matches', () => {
    const started = performance.now();
    expect(globMatcher(['*a'.repeat(40) + 'b'])('a'.repeat(5000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a reversed range matches nothing, as in git, instead of throwing', () => {
    expect(globMatcher(['docs/[z-a]*.md'])('docs/a.md')).toBe(false);
    expect(new GitignoreRules('[z-a]*.md\n*.log').decide('x.log', false)).toBe(true);
  });

  it('braces nested thousands deep are kept as written past a few levels, without exhausting the stack', () => {
    const deep = `${'{a,'.repeat(6000)}b${'}'.repeat(6000)}`;
    expect(() => globMatcher([deep])('a')).not.toThrow();
    expect(expandBraces('{a,{b,{c,d}}}')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a 40,000-character segment with a star is matched, not compiled into a too-large expression', () => {
    const long = `${'x'.repeat(40_000)}*`;
    expect(globMatcher([`aims/${long}`])(`aims/${'x'.repeat(40_000)}.md`)).toBe(true);
    expect(globMatcher([`aims/${long}y`])('aims/x.md')).toBe(false);
  });

  it('a .gitignore line of many ** segments fails fast on a deep path', () => {
    const rules = new GitignoreRules(`${Array(200).fill('**/a').join('/')}/x`);
    const started = performance.now();
    expect(rules.decide(`${Array(2000).fill('a').join('/')}/y`, false)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('config globs', () => {
  it('a negated glob ("!drafts/**", as globby takes it) is a clear usage error, not a glob that matches nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'aimslint-globs-'));
    try {
      writeFileSync(join(root, 'aimslint.config.json'), JSON.stringify({ include: ['**/*.md', '!drafts/**'] }));
      expect(() => loadConfig({ cwd: root, paths: [] })).toThrow('"include" has "!drafts/**"; aimslint globs are not negated with "!": list what to leave out under "exclude"');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
