import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { it } from 'vitest';
import { unified } from 'unified'; import remarkParse from 'remark-parse'; import remarkGfm from 'remark-gfm';
import { scanMarkdown } from './markdown.js';
it('scratch', () => {
  const dir = '/work/shared/corpora/hf-dataset-cards';
  const bodies: string[] = [];
  for (const d of readdirSync(dir)) { const f = `${dir}/${d}/README.md`; if (!existsSync(f)) continue; bodies.push(readFileSync(f, 'utf8').replace(/\r\n?/g, '\n')); }
  const total = bodies.reduce((a, b) => a + b.length, 0);
  let t = performance.now(); for (const b of bodies) unified().use(remarkParse).parse(b); console.log('remark-parse', performance.now() - t);
  const p = unified().use(remarkParse).use(remarkGfm);
  t = performance.now(); for (const b of bodies) p.parse(b); console.log('remark+gfm', performance.now() - t);
  for (let r = 0; r < 3; r++) { t = performance.now(); for (const b of bodies) scanMarkdown(b, 1); const ms = performance.now() - t; console.log('ours', ms, (total / 1e6) / (ms / 1000), 'MB/s', total); }
});
