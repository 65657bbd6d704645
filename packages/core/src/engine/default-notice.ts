import type { RepoIndex } from '../index/repo-index.js';
import { plural } from '../util/words.js';

/**
 * Without a config aimslint decides on its own which files are governance
 * documents: those whose frontmatter names a `type`. That choice must not be
 * silent, or a policy without `type` passes unseen: one line says what was
 * chosen and how to choose otherwise.
 */
export function defaultGovernanceNotice(index: RepoIndex): string {
  const governed = index.governed.length;
  return `no aimslint.config.yaml: ${plural(governed, 'file')} with a frontmatter \`type\` ${governed === 1 ? 'was' : 'were'} checked as governance documents, of ${plural(index.documents.length, 'Markdown file')}; to require frontmatter in your AIMS folders, add aimslint.config.yaml with \`governance: [aims]\``;
}
