/**
 * The language server over stdio, driven by a JSON-RPC client as an editor
 * drives it: diagnostics on open and on every change (also for the documents
 * an edit breaks elsewhere, cleared when fixed), completion, hover, go to
 * definition and quick fixes. Runs the committed CLI bundle.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const BIN = fileURLToPath(new URL('../../bin/aimslint.js', import.meta.url));
const ACME = fileURLToPath(new URL('../../../../examples/acme/', import.meta.url));

interface Diagnostic { range: { start: { line: number; character: number } }; code: string; source: string; message: string }
interface Published { uri: string; diagnostics: Diagnostic[] }

let root = '';
let server: ChildProcess;
let rpc: MessageConnection;
const latest = new Map<string, Diagnostic[]>();
/** Each returns true once satisfied; the others wait for the next notification. */
let waiters: (() => boolean)[] = [];
const messages: { type: number; message: string }[] = [];

/** Wait for a `window/showMessage` that satisfies `test`. */
function messageThat(test: (message: { type: number; message: string }) => boolean): Promise<{ type: number; message: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no such message:`)), 15_000);
    const check = (): boolean => {
      const found = messages.find(test);
      if (!found) return false;
      clearTimeout(timer);
      resolve(found);
      return true;
    };
    if (!check()) waiters.push(check);
  });
}

const uri = (path: string) => pathToFileURL(join(root, path)).href;

/** Wait until the diagnostics of `path` satisfy `test` (they arrive asynchronously, after each change). */
function diagnosticsOf(path: string, test: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no such diagnostics for ${path}: ${JSON.stringify(latest.get(uri(path)))}`)), 15_000);
    const check = (): boolean => {
      const current = latest.get(uri(path));
      if (current === undefined || !test(current)) return false;
      clearTimeout(timer);
      resolve(current);
      return true;
    };
    if (!check()) waiters.push(check);
  });
}

let version = 1;
function change(path: string, text: string): Promise<void> {
  return rpc.sendNotification('textDocument/didChange', { textDocument: { uri: uri(path), version: ++version }, contentChanges: [{ text }] });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'aimslint-lsp-'));
  cpSync(ACME, root, { recursive: true });
  server = spawn(process.execPath, [BIN, 'lsp', '--stdio', '--now', '2026-11-28'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  rpc = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  rpc.onNotification('textDocument/publishDiagnostics', (params: Published) => {
    latest.set(params.uri, params.diagnostics);
    waiters = waiters.filter((waiter) => !waiter());
  });
  rpc.onRequest('client/registerCapability', () => null);
  rpc.onNotification('window/showMessage', (params: { type: number; message: string }) => {
    messages.push(params);
    waiters = waiters.filter((waiter) => !waiter());
  });
  rpc.listen();
  await rpc.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'acme' }] });
  await rpc.sendNotification('initialized', {});
});

afterAll(async () => {
  await rpc.sendRequest('shutdown').catch(() => undefined);
  await rpc.sendNotification('exit').catch(() => undefined);
  rpc.dispose();
  server.kill();
  rmSync(root, { recursive: true, force: true });
});

describe('aimslint lsp --stdio', () => {
  const policy = 'aims/ai-policy.md';
  const original = () => readFileSync(join(root, policy), 'utf8');

  it('publishes diagnostics on open, on every change (unsaved text wins), and clears them when fixed', async () => {
    await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(policy), languageId: 'markdown', version, text: original() } });
    expect(await diagnosticsOf(policy, () => true)).toEqual([]);
    await change(policy, original().replace('status: approved', 'status: aproved'));
    const broken = await diagnosticsOf(policy, (list) => list.length > 0);
    expect(broken.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.source])).toContainEqual(['schema/invalid', 6, 9, 'aimslint']);
    expect(broken.find((d) => d.code === 'schema/invalid')?.message).toContain('Did you mean `approved`?');
    await change(policy, original());
    expect(await diagnosticsOf(policy, (list) => list.length === 0)).toEqual([]);
  });

  it('a renamed heading breaks the SoA row that cites it, and the fix clears it there', async () => {
    await change(policy, original().replace('## Policy review', '## Reviewing this policy'));
    const soa = await diagnosticsOf('aims/soa.md', (list) => list.some((d) => d.code === 'soa/evidence-broken'));
    expect(soa.find((d) => d.code === 'soa/evidence-broken')?.message).toContain('#policy-review');
    await change(policy, original());
    expect(await diagnosticsOf('aims/soa.md', (list) => list.length === 0)).toEqual([]);
  });

  it('completes enum values, role ids, document ids and controls with titles', async () => {
    const text = original();
    const lines = text.split('\n');
    const at = (prefix: string) => ({ line: lines.findIndex((line) => line.startsWith(prefix)), character: prefix.length });
    const labels = async (position: { line: number; character: number }) =>
      ((await rpc.sendRequest('textDocument/completion', { textDocument: { uri: uri(policy) }, position })) as { label: string; detail?: string }[]);
    expect((await labels(at('status: '))).map((item) => item.label)).toEqual(['draft', 'in-review', 'approved', 'retired']);
    expect((await labels(at('owner: '))).map((item) => item.label)).toContain('ROLE-AIMS-MANAGER');
    expect((await labels(at('related: ['))).map((item) => item.label)).toContain('SCOPE-001');
    expect(await labels(at('controls: ['))).toContainEqual(expect.objectContaining({ label: 'A.6.2.4', detail: expect.any(String) }));
    expect((await labels(at('type: '))).map((item) => item.label)).toContain('ai-policy');
  });

  it('hovers a control (title, SoA state) and an id (title, type, status)', async () => {
    const lines = original().split('\n');
    const controls = lines.findIndex((line) => line.startsWith('controls:'));
    const related = lines.findIndex((line) => line.startsWith('related:'));
    const hoverAt = async (line: number, character: number) =>
      ((await rpc.sendRequest('textDocument/hover', { textDocument: { uri: uri(policy) }, position: { line, character } })) as { contents: { value: string } } | null)?.contents.value;
    const control = await hoverAt(controls, (lines[controls] ?? '').indexOf('A.2.3') + 1);
    expect(control).toMatch(/^\*\*A\.2\.3\*\* .+\n\n- aims\/soa\.md: \*\*applicable\*\*/);
    expect(await hoverAt(related, (lines[related] ?? '').indexOf('SCOPE-001') + 2)).toMatch(/^\*\*SCOPE-001\*\* .+\n\nType `aims-scope`, status `approved`, aims\/.+\.md$/);
  });

  it('goes to the definition of an id and to a linked heading', async () => {
    const lines = original().split('\n');
    const related = lines.findIndex((line) => line.startsWith('related:'));
    const target = (await rpc.sendRequest('textDocument/definition', { textDocument: { uri: uri(policy) }, position: { line: related, character: (lines[related] ?? '').indexOf('ROLES-001') + 1 } })) as { uri: string; range: { start: { line: number } } };
    expect(target.uri).toBe(uri('aims/roles.md'));
    expect(target.range.start.line).toBe(1);
    const row = lines.findIndex((line) => line.includes('scope.md#systems-in-scope'));
    const heading = (await rpc.sendRequest('textDocument/definition', { textDocument: { uri: uri(policy) }, position: { line: row, character: (lines[row] ?? '').indexOf('scope.md#') + 2 } })) as { uri: string; range: { start: { line: number } } };
    expect(heading.uri).toBe(uri('aims/scope.md'));
    const scopeLines = readFileSync(join(root, 'aims/scope.md'), 'utf8').split('\n');
    expect(scopeLines[heading.range.start.line]).toMatch(/^#+ Systems in scope/i);
  });

  it('a document added outside the editor (a watched-file change) joins the index', async () => {
    const added = readFileSync(join(root, policy), 'utf8').replace('id: POL-001', 'id: POL-002').replace('title: Acme Lending AI Policy', 'title: Acme Lending AI Policy for suppliers');
    writeFileSync(join(root, 'aims/supplier-policy.md'), added);
    await rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('aims/supplier-policy.md'), type: 1 }] });
    const lines = original().split('\n');
    const position = { line: lines.findIndex((line) => line.startsWith('related: [')), character: 'related: ['.length };
    const labels = async () => ((await rpc.sendRequest('textDocument/completion', { textDocument: { uri: uri(policy) }, position })) as { label: string }[]).map((item) => item.label);
    // The notification is handled asynchronously: ask until the index has it.
    for (let tries = 0; tries < 100 && !(await labels()).includes('POL-002'); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await labels()).toContain('POL-002');
  });

  interface Location { uri: string; range: { start: { line: number; character: number } } }
  const places = (locations: Location[]) => locations.map((location) => `${location.uri.slice(uri('').length + 1)}:${location.range.start.line + 1}:${location.range.start.character + 1}`);

  it('finds the references of a role id from where it is used: its definition and every document it owns', async () => {
    const lines = original().split('\n');
    const owner = lines.findIndex((line) => line.startsWith('owner: ROLE-AIMS-MANAGER'));
    const ask = (includeDeclaration: boolean) => rpc.sendRequest('textDocument/references', { textDocument: { uri: uri(policy) }, position: { line: owner, character: 'owner: ROLE'.length }, context: { includeDeclaration } }) as Promise<Location[]>;
    const found = places(await ask(true));
    const roles = readFileSync(join(root, 'aims/roles.md'), 'utf8').split('\n');
    const definition = `aims/roles.md:${roles.findIndex((line) => line.includes('- id: ROLE-AIMS-MANAGER')) + 1}:${(roles.find((line) => line.includes('- id: ROLE-AIMS-MANAGER')) ?? '').indexOf('ROLE') + 1}`;
    expect(found).toContain(definition);
    expect(found).toContain(`aims/ai-policy.md:${owner + 1}:8`);
    // Every document whose frontmatter names the role, nothing else.
    const naming = execSync('grep -rl "ROLE-AIMS-MANAGER" --include=*.md .', { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean).map((path) => path.slice(2)).sort();
    expect([...new Set(found.map((place) => place.split(':')[0]))].sort()).toEqual(naming);
    expect(places(await ask(false))).not.toContain(definition);
  });

  it('finds the links to a heading from the heading, and to a file and anchor from a link', async () => {
    const lines = original().split('\n');
    const heading = lines.findIndex((line) => line === '## Policy review');
    const fromHeading = places((await rpc.sendRequest('textDocument/references', { textDocument: { uri: uri(policy) }, position: { line: heading, character: 4 }, context: { includeDeclaration: false } })) as Location[]);
    const soa = readFileSync(join(root, 'aims/soa.md'), 'utf8').split('\n');
    const row = soa.findIndex((line) => line.startsWith('| A.2.4 |'));
    const entry = soa.findIndex((line) => line.includes('evidence: [ai-policy.md#policy-review'));
    expect(fromHeading).toEqual([`aims/soa.md:${entry + 1}:${(soa[entry] ?? '').indexOf('ai-policy.md') + 1}`, `aims/soa.md:${row + 1}:${(soa[row] ?? '').indexOf('[Policy review]') + 1}`]);
    const link = lines.findIndex((line) => line.includes('(scope.md#systems-in-scope)'));
    const fromLink = places((await rpc.sendRequest('textDocument/references', { textDocument: { uri: uri(policy) }, position: { line: link, character: (lines[link] ?? '').indexOf('scope.md#') + 3 }, context: { includeDeclaration: false } })) as Location[]);
    expect(fromLink).toContain(`aims/ai-policy.md:${link + 1}:${(lines[link] ?? '').indexOf('[AIMS scope]') + 1}`);
  });

  it('gives document links to repository files, at the linked heading\'s line', async () => {
    const soaText = readFileSync(join(root, 'aims/soa.md'), 'utf8');
    await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('aims/soa.md'), languageId: 'markdown', version: 1, text: soaText } });
    const links = (await rpc.sendRequest('textDocument/documentLink', { textDocument: { uri: uri('aims/soa.md') } })) as { range: { start: { line: number; character: number } }; target: string }[];
    const soa = soaText.split('\n');
    const row = soa.findIndex((line) => line.startsWith('| A.2.4 |'));
    const policyLines = original().split('\n');
    const at = (line: number, text: string) => links.find((link) => link.range.start.line === line && link.range.start.character === (soa[line] ?? '').indexOf(text))?.target;
    expect(at(row, '[Policy review]')).toBe(`${uri(policy)}#L${policyLines.indexOf('## Policy review') + 1}`);
    const entry = soa.findIndex((line) => line.includes('evidence: [ai-policy.md#policy-review'));
    expect(at(entry, 'ai-policy.md')).toBe(`${uri(policy)}#L${policyLines.indexOf('## Policy review') + 1}`);
    const management = readFileSync(join(root, 'audits/management-review-2026.md'), 'utf8').split('\n');
    expect(at(row, '[Management review]')).toBe(`${uri('audits/management-review-2026.md')}#L${management.findIndex((line) => /^#+ Review of the AI policy/i.test(line)) + 1}`);
    // External links are the editor's own business: none is given.
    expect(links.every((link) => link.target.startsWith('file:'))).toBe(true);
    await rpc.sendNotification('textDocument/didClose', { textDocument: { uri: uri('aims/soa.md') } });
  });

  it('offers the fix and the suggestions as quick fixes', async () => {
    await change(policy, original().replace('version: "3.0"', 'version: 3.0').replace('status: approved', 'status: aproved'));
    await diagnosticsOf(policy, (list) => list.length >= 2);
    const actions = (await rpc.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(policy) }, range: { start: { line: 0, character: 0 }, end: { line: 15, character: 0 } }, context: { diagnostics: [] } })) as { title: string; isPreferred?: boolean; edit: { changes: Record<string, { range: { start: { line: number; character: number } }; newText: string }[]> } }[];
    const byText = actions.map((action) => [action.title, action.isPreferred ?? false, action.edit.changes[uri(policy)]?.[0]?.newText, action.edit.changes[uri(policy)]?.[0]?.range.start]);
    expect(byText).toContainEqual([expect.stringMatching(/^Fix: /), true, '"3.0"', { line: 6, character: 9 }]);
    expect(byText).toContainEqual(['Change `aproved` to `approved`', false, 'approved', { line: 5, character: 8 }]);
    await change(policy, original());
  });

  it('reloads when the config changes; a broken config is shown as an error and the last good one stays', async () => {
    const config = join(root, 'aimslint.config.yaml');
    const good = readFileSync(config, 'utf8');
    const watched = () => rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('aimslint.config.yaml'), type: 2 }] });
    const placeholder = (list: Diagnostic[]) => list.some((d) => d.code === 'content/placeholder');
    await change(policy, original().replace('## Commitments\n', '## Commitments\n\nTBD.\n'));
    await diagnosticsOf(policy, placeholder);
    writeFileSync(config, `${good}rules:\n  content/placeholder: off\n`);
    await watched();
    expect(await diagnosticsOf(policy, (list) => !placeholder(list))).toEqual([]);
    writeFileSync(config, `${good}rules: [content/placeholder\n`);
    await watched();
    const error = await messageThat((message) => message.type === 1);
    expect(error.message).toMatch(/^aimslint: the settings could not be loaded, so the previous ones stay in use until this is fixed: .*aimslint\.config\.yaml/);
    // Still linting, with the last good settings: the placeholder stays off, a new mistake shows.
    await change(policy, original().replace('## Commitments\n', '## Commitments\n\nTBD.\n').replace('version: "3.0"', 'version: 3.0'));
    const stillOff = await diagnosticsOf(policy, (list) => list.length > 0);
    expect(stillOff.length).toBeGreaterThan(0);
    expect(placeholder(stillOff)).toBe(false);
    writeFileSync(config, good);
    await watched();
    // An approved document's placeholder is reported again (a draft's never is).
    await change(policy, original().replace('## Commitments\n', '## Commitments\n\nTBD.\n'));
    await diagnosticsOf(policy, placeholder);
    await change(policy, original());
    expect(await diagnosticsOf(policy, (list) => list.length === 0)).toEqual([]);
  });
});
