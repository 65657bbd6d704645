import { it } from 'vitest';
import { splitFrontmatter } from '../../packages/core/src/parse/frontmatter.js';
import { parseDocument } from '../../packages/core/src/parse/document.js';
import { idsInFrontmatter } from '../../packages/core/src/discover/changed-files.js';
import { findPlaceholders } from '../../packages/core/src/rules/content/placeholder.js';
const L = { maxAliases: 100, maxDepth: 64 };
function t(name: string, f: () => unknown) {
  if (process.env.P && !name.startsWith(process.env.P)) return;
  const s = performance.now();
  let r: unknown;
  try { r = f(); } catch (e) { r = 'THROW ' + (e as Error).message.slice(0, 100); }
  process.stderr.write([name, Math.round(performance.now() - s), 'ms', JSON.stringify(r)?.slice(0, 200)].join(' ') + '\n');
}
it('probe', () => {
  t('lang spaces 20k', () => splitFrontmatter('---' + ' '.repeat(20000) + '!\na: 1\n---\n', L).problems);
  t('bom lines 20k', () => idsInFrontmatter('\uFEFF---\n'.repeat(20000)));
  t('blank lines 20k', () => idsInFrontmatter('---\n' + '\n'.repeat(20000) + 'x'));
  t('placeholder 1MB', () => findPlaceholders('`a` TODO '.repeat(100000)).length);
  t('deep flow 100k js', () => splitFrontmatter('---\na: ' + '['.repeat(100000) + '\n---\n', L).problems);
  t('deep flow 100k closed', () => splitFrontmatter('---\na: ' + '['.repeat(50000) + ']'.repeat(50000) + '\n---\n', L).problems);
  t('deep block 5k', () => splitFrontmatter('---\n' + Array.from({ length: 5000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' 1\n---\n', L).problems);
  t('deep seq 5k', () => splitFrontmatter('---\na:\n' + Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + '-').join('\n') + ' 1\n---\n', L).problems);
  t('laughs', () => splitFrontmatter('---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n---\n', L).problems);
  t('proto', () => { const r = splitFrontmatter('---\n__proto__: {type: soa, polluted: yes}\nconstructor: {prototype: {polluted: yes}}\nid: X-1\n---\n', L); const d = r.frontmatter!.data!; return [Object.getPrototypeOf(d) === Object.prototype, (d as any).type, ({} as any).polluted, Object.keys(d)]; });
  t('proto careful', () => { const r = splitFrontmatter('---\nx: &a 1\n__proto__: {type: soa, polluted: yes}\nid: X-1\n---\n', L); const d = r.frontmatter!.data!; return [Object.getPrototypeOf(d) === Object.prototype, (d as any).type, ({} as any).polluted, Object.keys(d)]; });
  t('long digits', () => splitFrontmatter('---\na: ' + '1'.repeat(500000) + '_x\nb: ' + '1_'.repeat(200000) + '.e\n---\n', L).problems);
  t('long float', () => splitFrontmatter('---\na: ' + '0.' + '0'.repeat(500000) + 'e+x\n---\n', L).problems);
  t('long quoted', () => splitFrontmatter('---\na: "' + '\\"'.repeat(300000) + '\n---\n', L).problems);
  t('many keys', () => splitFrontmatter('---\n' + Array.from({ length: 50000 }, (_, i) => `k${i}: ${i}`).join('\n') + '\n---\n', L).problems);
  t('dup keys many', () => splitFrontmatter('---\n' + 'a: 1\n'.repeat(50000) + '---\n', L).problems.length);
  t('long line one', () => parseDocument({ path: 'x.md', bytes: Buffer.from('---\nid: A-1\n---\n' + 'x'.repeat(5_000_000)), limits: L }).lineCount);
  t('lone CR', () => parseDocument({ path: 'x.md', bytes: Buffer.from('---\rid: A-1\rtype: [\r---\r# H\r'), limits: L }).problems);
});
