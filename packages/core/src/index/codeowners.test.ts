import { describe, expect, it } from 'vitest';
import { ownersOf, parseCodeowners, segmentMatches } from './codeowners.js';

const owners = (file: string, path: string) => ownersOf(parseCodeowners('CODEOWNERS', file), path)?.owners;

describe('CODEOWNERS matching (GitHub’s documented examples)', () => {
  it('matches anywhere without a slash, from the root with one, and folders with everything beneath', () => {
    expect(owners('*.js @js', 'src/app/main.js')).toEqual(['@js']);
    expect(owners('apps/ @octocat', 'x/apps/y/z.md')).toEqual(['@octocat']);
    expect(owners('/build/logs/ @doctocat', 'build/logs/a/b.log')).toEqual(['@doctocat']);
    expect(owners('/build/logs/ @doctocat', 'src/build/logs/a.log')).toBeUndefined();
    expect(owners('docs/* docs@example.com', 'docs/getting-started.md')).toEqual(['docs@example.com']);
    expect(owners('docs/* docs@example.com', 'docs/build-app/troubleshooting.md')).toBeUndefined();
    expect(owners('**/logs @octocat', 'deeply/nested/logs/x.txt')).toEqual(['@octocat']);
    expect(owners('/scripts/** @ops', 'scripts/a/b.sh')).toEqual(['@ops']);
  });

  it('lets the last matching line win, and a line without owners leave files unowned', () => {
    const file = '* @everyone\n/aims/ @governance\n/aims/drafts/\n';
    expect(owners(file, 'aims/ai-policy.md')).toEqual(['@governance']);
    expect(owners(file, 'aims/drafts/x.md')).toEqual([]);
    expect(owners(file, 'README.md')).toEqual(['@everyone']);
  });

  it('skips comments, keeps escaped characters and drops trailing comments', () => {
    const parsed = parseCodeowners('CODEOWNERS', '# owners\n\n\\#notes.md @a # a comment\n');
    expect(parsed.rules).toEqual([{ segments: ['**', '#notes.md'], folderOnly: false, owners: ['@a'], line: 3 }]);
  });

  it('matches stars and question marks within a segment in bounded time, however many stars', () => {
    expect(segmentMatches('a*b?d', 'aXXbcd')).toBe(true);
    expect(segmentMatches('a*b?d', 'aXXbd')).toBe(false);
    expect(segmentMatches(`${'*a'.repeat(40)}b`, 'a'.repeat(5000))).toBe(false);
    const deep = `${'**/'.repeat(200)}x.md @deep`;
    expect(owners(deep, `${'f/'.repeat(200)}y.md`)).toBeUndefined();
  });
});
