import type { Finding } from '../model.js';

/**
 * Rules whose finding means aimslint could not read, parse or type a
 * document. Everything that document would have told the index is unknown,
 * so these are the findings to fix first: the repository rules stay quiet
 * about what depends on them (index/unknowable.ts), and the outputs list
 * them first.
 */
export const ROOT_CAUSE_RULES: ReadonlySet<string> = new Set([
  'file/encoding',
  'file/unreadable',
  'file/too-large',
  'frontmatter/missing',
  'frontmatter/syntax',
  'schema/type-unknown',
  'schema/type-missing',
]);

export const isRootCause = (finding: Pick<Finding, 'ruleId'>): boolean => ROOT_CAUSE_RULES.has(finding.ruleId);
