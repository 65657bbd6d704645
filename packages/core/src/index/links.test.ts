import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryPathOf } from './links.js';

/** What links resolved to before the one-pass join: Node's own normalising, the oracle. */
function byNode(fromPath: string, pathPart: string): string | { outside: string } {
  const joined = pathPart.startsWith('/') ? posix.normalize(pathPart.slice(1)) : posix.normalize(posix.join(posix.dirname(fromPath), pathPart));
  return joined === '..' || joined.startsWith('../') ? { outside: 'it leads outside the repository' } : joined.replace(/\/$/, '') || '.';
}

describe('repositoryPathOf', () => {
  const from = ['aims/soa.md', 'README.md', 'units/claims/systems/model-card.md'];
  const targets = [
    'ai-policy.md', './ai-policy.md', '../aims/ai-policy.md', '../../evidence/report.pdf', 'sub/dir/', './', '.', '..', '../..', '../../../..',
    '/aims/roles.md', '/', 'a//b.md', 'a/./b/../c.md', 'a/..', 'x/../../y.md', '.hidden/file.md', '...', 'a/.../b.md',
  ];
  for (const fromPath of from) {
    it(`resolves relative links from ${fromPath} as posix.normalize does`, () => {
      for (const target of targets) {
        const resolved = repositoryPathOf(fromPath, target);
        const expected = byNode(fromPath, target);
        expect(resolved === null || 'outside' in resolved ? resolved : resolved.path, target).toEqual(expected);
      }
    });
  }

  it('reads a link that becomes `//...` once decoded as leading to another server, not as a path', () => {
    for (const url of ['\\/..', '\\/aims/roles.md', '/%2Faims/roles.md']) expect(repositoryPathOf('aims/soa.md', url), url).toHaveProperty('outside');
  });

  it('keeps the anchor, decoded, and reads external and local-file links as such', () => {
    expect(repositoryPathOf('aims/soa.md', 'ai-policy.md#principles%20and%20scope')).toEqual({ path: 'aims/ai-policy.md', anchor: 'principles and scope' });
    expect(repositoryPathOf('aims/soa.md', 'https://example.com/a.md')).toBeNull();
    expect(repositoryPathOf('aims/soa.md', '//cdn.example.com/a.md')).toBeNull();
    expect(repositoryPathOf('aims/soa.md', 'file:///etc/passwd')).toHaveProperty('outside');
  });
});
