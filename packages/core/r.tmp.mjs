import {unified} from 'unified'; import remarkParse from 'remark-parse'; import remarkGfm from 'remark-gfm';
const p = unified().use(remarkParse).use(remarkGfm);
const src = process.argv[2].replace(/\\n/g,'\n');
const t = p.parse(src);
function show(n, d=0){ console.log(' '.repeat(d)+n.type+(n.value?' '+JSON.stringify(n.value):'')+(n.url?' url='+n.url:'')+(n.depth?' d'+n.depth:'')+' @'+n.position.start.line+':'+n.position.start.column); (n.children||[]).forEach(c=>show(c,d+1)); }
show(t);
