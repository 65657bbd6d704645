/**
 * The editor rows: `aimslint lsp --stdio` driven as an editor drives it, over
 * a minimal JSON-RPC client (Content-Length framing; no dependency). Measures
 * the time from a change sent to the diagnostics received: for an edit of
 * prose (only the edited document's findings change), for a frontmatter
 * value mistyped (a status no schema knows: the rules that read statuses run
 * again) and for a renamed heading that an SoA row cites, until the
 * diagnostics of every dependent have arrived: the SoA's, and those of each
 * document that links the heading.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/** @param {import('node:child_process').ChildProcess} child */
function rpcClient(child) {
  let buffer = Buffer.alloc(0);
  let nextId = 1;
  /** @type {Map<number, (result: unknown) => void>} */
  const pending = new Map();
  /** @type {((message: any) => void)[]} */
  const listeners = [];
  /** @type {Map<string, any[]>} the latest diagnostics of each document */
  const latest = new Map();
  child.stdout?.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (message.id !== undefined && message.method === undefined) pending.get(message.id)?.(message.result);
      else if (message.id !== undefined) send({ jsonrpc: '2.0', id: message.id, result: null });
      else {
        if (message.method === 'textDocument/publishDiagnostics') latest.set(message.params.uri, message.params.diagnostics);
        for (const listener of [...listeners]) listener(message);
      }
    }
  });
  const send = (/** @type {object} */ message) => {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    child.stdin?.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin?.write(body);
  };
  return {
    request: (/** @type {string} */ method, /** @type {unknown} */ params) => new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      send({ jsonrpc: '2.0', id, method, params });
    }),
    notify: (/** @type {string} */ method, /** @type {unknown} */ params) => send({ jsonrpc: '2.0', method, params }),
    /** The next diagnostics for `uri` that satisfy `test`. */
    diagnostics: (/** @type {string} */ uri, /** @type {(d: any[]) => boolean} */ test) => new Promise((resolve) => {
      const listener = (/** @type {any} */ message) => {
        if (message.method !== 'textDocument/publishDiagnostics' || message.params.uri !== uri || !test(message.params.diagnostics)) return;
        listeners.splice(listeners.indexOf(listener), 1);
        resolve(message.params.diagnostics);
      };
      listeners.push(listener);
    }),
    /** Once the latest diagnostics of every one of `uris` satisfy `test` (those sent before count too). */
    all: (/** @type {string[]} */ uris, /** @type {(d: any[]) => boolean} */ test) => new Promise((resolve) => {
      const waiting = new Set(uris.filter((uri) => !test(latest.get(uri) ?? [])));
      if (waiting.size === 0) return resolve(undefined);
      const listener = (/** @type {any} */ message) => {
        if (message.method !== 'textDocument/publishDiagnostics' || !waiting.has(message.params.uri) || !test(message.params.diagnostics)) return;
        waiting.delete(message.params.uri);
        if (waiting.size > 0) return;
        listeners.splice(listeners.indexOf(listener), 1);
        resolve(undefined);
      };
      listeners.push(listener);
    }),
  };
}

/** @param {number} pid */
function peakMiB(pid) {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return kb / 1024;
  } catch {
    return undefined;
  }
}

/** @param {string} dir */
function markdownFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .filter((path) => !/(^|\/)(\.git|node_modules)\//.test(relative(dir, path)));
}

const median = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * @param {{ dir: string, name: string, size: number, generated: boolean }} corpus
 * @param {{ bin: string, now: string, edits: number }} options
 * @returns {Promise<import('../run.mjs').Row[]>}
 */
export async function editorRows(corpus, options) {
  const what = (tool) => ({ tool, corpus: corpus.name, size: corpus.size });
  const policyPath = join(corpus.dir, 'aims/ai-policy.md');
  const soaUri = pathToFileURL(join(corpus.dir, 'aims/soa.md')).href;
  let policy;
  try {
    policy = readFileSync(policyPath, 'utf8');
  } catch {
    return [{ ...what('aimslint lsp: edit to diagnostics'), files: undefined, wallS: undefined, peakMiB: undefined, note: 'skipped: no aims/ai-policy.md' }];
  }
  const heading = /^## (Principles)$/m.exec(policy);
  const uri = pathToFileURL(policyPath).href;
  // Every document that links the heading: its diagnostics change with the SoA's.
  const linking = heading ? markdownFiles(corpus.dir).filter((path) => path !== policyPath && readFileSync(path, 'utf8').includes('ai-policy.md#principles')).map((path) => pathToFileURL(path).href) : [];
  const child = spawn(process.execPath, [options.bin, 'lsp', '--stdio', '--now', options.now], { cwd: corpus.dir, stdio: ['pipe', 'pipe', 'ignore'] });
  const rpc = rpcClient(child);
  try {
    const started = performance.now();
    await rpc.request('initialize', { processId: process.pid, rootUri: pathToFileURL(corpus.dir).href, capabilities: {} });
    rpc.notify('initialized', {});
    const opened = rpc.diagnostics(uri, () => true);
    rpc.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: policy } });
    await opened;
    const openS = (performance.now() - started) / 1000;
    let version = 1;
    /** Send a change and time it until the diagnostics of `target` (one or more documents) satisfy `test`. */
    const timed = async (text, target, test) => {
      const arrived = Array.isArray(target) ? rpc.all(target, test) : rpc.diagnostics(target, test);
      const sent = performance.now();
      rpc.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
      await arrived;
      return (performance.now() - sent) / 1000;
    };
    const placeholder = (d) => d.some((x) => x.code === 'content/placeholder');
    const prose = [];
    const frontmatter = [];
    const dependents = [];
    const invalidStatus = (d) => d.some((x) => x.code === 'schema/invalid' && x.message.includes('aproved'));
    for (let i = 0; i < options.edits; i++) {
      // A placeholder typed at the end of the first line of a paragraph, then removed: only this document's findings change.
      prose.push(await timed(policy.replace(/\n## Purpose\n\n([^\n]*)/, '\n## Purpose\n\n$1 TBD'), uri, placeholder));
      prose.push(await timed(policy, uri, (d) => !placeholder(d)));
      if (policy.includes('\nstatus: approved\n')) {
        frontmatter.push(await timed(policy.replace('\nstatus: approved\n', '\nstatus: aproved\n'), uri, invalidStatus));
        frontmatter.push(await timed(policy, uri, (d) => !invalidStatus(d)));
      }
      if (heading) {
        const broken = (d) => d.some((x) => (x.code === 'soa/evidence-broken' || x.code === 'link/broken') && x.message.includes('#principles'));
        dependents.push(await timed(policy.replace('## Principles', '## Principles we follow'), [soaUri, ...linking], broken));
        dependents.push(await timed(policy, [soaUri, ...linking], (d) => !broken(d)));
      }
    }
    const peak = peakMiB(child.pid ?? 0);
    return [
      { ...what('aimslint lsp: start to first diagnostics'), files: corpus.size, wallS: openS, peakMiB: undefined },
      { ...what('aimslint lsp: edit to diagnostics (prose)'), files: 1, wallS: median(prose), peakMiB: peak },
      frontmatter.length > 0
        ? { ...what('aimslint lsp: edit to diagnostics (frontmatter value)'), files: 1, wallS: median(frontmatter), peakMiB: peak }
        : { ...what('aimslint lsp: edit to diagnostics (frontmatter value)'), files: undefined, wallS: undefined, peakMiB: undefined, note: 'skipped: no approved status' },
      heading
        ? { ...what('aimslint lsp: edit to diagnostics (heading an SoA cites)'), files: 2 + linking.length, wallS: median(dependents), peakMiB: peak }
        : { ...what('aimslint lsp: edit to diagnostics (heading an SoA cites)'), files: undefined, wallS: undefined, peakMiB: undefined, note: 'skipped: no cited heading' },
    ];
  } finally {
    child.kill();
  }
}
