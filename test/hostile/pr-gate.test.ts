/**
 * The pull-request gate on an attacker's files (issue: "The pull-request gate
 * runs on an attacker's files"). Every input is built here, as a PR author
 * would commit it: a folder made to look like a bare git repository, links
 * to places outside the workspace, a forged cache, hostile globs and
 * schemas. Each case failed on aimslint 0.1.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { deserialize } from 'node:v8';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint, lintFindings, replaceFileAtomically } from '@aimslint/core';
import { readCache, saveCache } from '../../packages/core/src/engine/cache.js';
import { CLI, NOW, REPO, pinned } from './helpers.js';

const ACTION = join(REPO, 'packages/action/dist/index.mjs');
const temporary: string[] = [];
afterAll(() => temporary.forEach((path) => rmSync(path, { recursive: true, force: true })));

function folder(prefix: string): string {
  const path = mkdtempSync(join(tmpdir(), `aimslint-gate-${prefix}-`));
  temporary.push(path);
  return path;
}

function write(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

const HAS_GIT = spawnSync('git', ['--version']).status === 0;

/** git as a test author runs it: identity given, no global config read. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=ci@example.org', '-c', 'user.name=CI', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
}

const ROLES = `---
id: ROLES-001
type: roles
title: AI governance roles
owner: ROLE-AIMS-LEAD
status: draft
version: "1.0"
roles:
  - id: ROLE-AIMS-LEAD
    name: AIMS lead
    holders: [Dana Whitfield]
    responsibilities: [Runs the AI management system]
---
# Roles
`;

const policy = (status: string): string => `---
id: POL-001
type: ai-policy
title: AI policy
owner: ROLE-AIMS-LEAD
status: ${status}
version: "1.0"
---
# AI policy

## Policy review
`;

/** Only the rules these cases look at: the gate's verdict on one typo must not drown in completeness findings. */
const CONFIG = JSON.stringify({ rules: { 'aims/required-document': 'off', 'soa/missing': 'off', 'roles/unstaffed': 'off', 'roles/untrained': 'off' } });

function governanceRepository(root: string, status = 'draft'): void {
  write(root, { 'aimslint.config.json': CONFIG, 'aims/roles.md': ROLES, 'aims/ai-policy.md': policy(status) });
}

function runCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; shell?: string }): SpawnSyncReturns<string> {
  const env = options.env ?? process.env;
  if (options.shell !== undefined) {
    const quoted = [process.execPath, CLI, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
    return spawnSync('bash', ['-c', `${options.shell}; exec ${quoted}`], { cwd: options.cwd, env, encoding: 'utf8', timeout: 120_000 });
  }
  return spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, env, encoding: 'utf8', timeout: 120_000 });
}

/** An empty git index (version 2, no entries), as `git read-tree --empty` writes it. */
function emptyIndex(): Buffer {
  const header = Buffer.concat([Buffer.from('DIRC'), Buffer.from([0, 0, 0, 2, 0, 0, 0, 0])]);
  return Buffer.concat([header, createHash('sha1').update(header).digest()]);
}

/** The files that make `folder` look like a repository to git's discovery, with a config that runs a command. */
function fakeRepository(marker: string): Record<string, string | Buffer> {
  return {
    HEAD: 'ref: refs/heads/main\n',
    config: `[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = .\n\tfsmonitor = "touch ${marker}; false"\n`,
    index: emptyIndex(),
    'objects/info/.keep': '',
    'refs/heads/.keep': '',
  };
}

describe.skipIf(!HAS_GIT)('git runs hardened on an explicit repository', () => {
  it('a folder made to look like a repository (core.fsmonitor = <command>) never runs its command: cache and changed-since', () => {
    const workspace = folder('fsmonitor');
    const marker = join(folder('marker'), 'PWNED');
    write(workspace, { 'README.md': '# Company handbook\n' });
    git(workspace, 'init', '-q');
    governanceRepository(join(workspace, 'docs'));
    git(workspace, 'add', '.');
    git(workspace, 'commit', '-qm', 'AIMS documents');
    // The pull request: docs/ gains HEAD, config, index, objects/ and refs/ beside aimslint.config.json.
    write(join(workspace, 'docs'), fakeRepository(marker));
    git(workspace, 'add', '.');
    git(workspace, 'commit', '-qm', 'innocent-looking files');

    const docs = join(workspace, 'docs');
    const cached = runCli(['--cache', '--now', NOW, '--format', 'json'], { cwd: docs });
    const changed = runCli(['--changed-since', 'HEAD~1', '--now', NOW, '--format', 'json'], { cwd: docs });

    expect(existsSync(marker)).toBe(false);
    expect([cached.status, changed.status]).toEqual([0, 0]);
    // git answered from the real repository, so changed-since saw the commit's files.
    expect(changed.stderr).toBe('');
  });

  it('the Action with working-directory on that folder never runs the command either', () => {
    const workspace = folder('fsmonitor-action');
    const marker = join(folder('marker'), 'PWNED');
    git(workspace, 'init', '-q');
    governanceRepository(join(workspace, 'docs'));
    write(join(workspace, 'docs'), fakeRepository(marker));
    git(workspace, 'add', '.');
    git(workspace, 'commit', '-qm', 'PR');
    const run = runAction(workspace, { 'working-directory': 'docs', cache: 'true', now: NOW });
    expect(existsSync(marker)).toBe(false);
    expect(run.status).toBe(0);
  });
});

function runAction(workspace: string, inputs: Record<string, string>): SpawnSyncReturns<string> {
  const files = folder('runner');
  for (const name of ['output', 'summary']) writeFileSync(join(files, name), '');
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(INPUT_|GITHUB_)/.test(name)));
  return spawnSync(process.execPath, [ACTION], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...env,
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: join(files, 'output'),
      GITHUB_STEP_SUMMARY: join(files, 'summary'),
    },
  });
}

describe('writes never follow a link the repository planted', () => {
  it('the Action replaces a committed link at sarif-file instead of writing through it', () => {
    const workspace = folder('sarif-link');
    const outside = join(folder('outside'), 'authorized_keys');
    writeFileSync(outside, 'ssh-ed25519 AAAA... runner\n');
    governanceRepository(workspace);
    mkdirSync(join(workspace, 'reports'));
    symlinkSync(outside, join(workspace, 'reports/aimslint.sarif'));
    const run = runAction(workspace, { 'sarif-file': 'reports/aimslint.sarif', now: NOW, cache: 'false' });
    expect(run.status).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe('ssh-ed25519 AAAA... runner\n');
    expect(lstatSync(join(workspace, 'reports/aimslint.sarif')).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(join(workspace, 'reports/aimslint.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('the Action refuses a sarif-file whose folder is a committed link out of the workspace', () => {
    const workspace = folder('sarif-folder-link');
    const outside = folder('outside');
    governanceRepository(workspace);
    symlinkSync(outside, join(workspace, 'reports'));
    const run = runAction(workspace, { 'sarif-file': 'reports/aimslint.sarif', now: NOW, cache: 'false' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('leads outside the workspace');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('-o into a committed folder link out of the working folder is refused; outside a named path is the caller\'s choice', () => {
    const workspace = folder('o-link');
    const outside = folder('outside');
    governanceRepository(workspace);
    symlinkSync(outside, join(workspace, 'reports'));
    const refused = runCli(['--format', 'json', '-o', 'reports/aimslint.json', '--now', NOW], { cwd: workspace });
    expect([refused.status, refused.stderr]).toEqual([2, `aimslint: cannot write reports/aimslint.json: a symbolic link on the way leads outside ${workspace}\n`]);
    expect(readdirSync(outside)).toEqual([]);
    const chosen = runCli(['--format', 'json', '-o', join(outside, 'aimslint.json'), '--now', NOW], { cwd: workspace });
    expect(chosen.status).toBe(0);
    expect(readdirSync(outside)).toEqual(['aimslint.json']);
  });

  it('a temporary file name cannot be guessed: a link planted at the pid-based name is not written through', () => {
    const root = folder('tmp-name');
    const outside = join(folder('outside'), 'target');
    writeFileSync(outside, 'untouched\n');
    symlinkSync(outside, join(root, `.report.json.${process.pid}.tmp`));
    replaceFileAtomically(join(root, 'report.json'), '{}\n');
    expect(readFileSync(outside, 'utf8')).toBe('untouched\n');
    expect(readFileSync(join(root, 'report.json'), 'utf8')).toBe('{}\n');
    expect(readdirSync(root).sort()).toEqual([`.report.json.${process.pid}.tmp`, 'report.json']);
  });

  it('a cache planted as a link is neither read nor written through, on a full write or an appended delta', async () => {
    const root = folder('cache-link');
    const outside = join(folder('outside'), 'victim');
    writeFileSync(outside, 'untouched\n');
    governanceRepository(root);
    symlinkSync(outside, join(root, '.aimslintcache'));
    await lint({ cwd: root, now: NOW, cache: true });
    expect(readFileSync(outside, 'utf8')).toBe('untouched\n');
    expect(lstatSync(join(root, '.aimslintcache')).isFile()).toBe(true);
    // Now a delta would be appended: swap a link in again between two runs.
    write(root, { 'aims/extra.md': policy('draft').replace('POL-001', 'POL-002') });
    await lint({ cwd: root, now: NOW, cache: true });
    rmSync(join(root, '.aimslintcache'));
    symlinkSync(outside, join(root, '.aimslintcache'));
    write(root, { 'aims/extra.md': policy('draft').replace('POL-001', 'POL-003') });
    await lint({ cwd: root, now: NOW, cache: true });
    expect(readFileSync(outside, 'utf8')).toBe('untouched\n');
  });
});

/** Rewrite the cache so every outcome and the results record say "no findings", whatever the files say: what a PR author can commit. */
async function forgeCache(root: string): Promise<void> {
  const cacheFile = join(root, '.aimslintcache');
  await lint({ cwd: root, now: NOW, cache: true });
  const bytes = readFileSync(cacheFile);
  // The step's second frame holds the key; the first, the outcomes.
  const rest = 4 + bytes.readUInt32BE(0);
  const { key } = deserialize(bytes.subarray(rest + 4, rest + 4 + bytes.readUInt32BE(rest))) as { key: string };
  const stored = readCache(cacheFile, key);
  const parsed = new Map([...stored.outcomes()].map(([path, outcome]) => [path, { ...outcome, findings: [] }]));
  const run = stored.run && { ...stored.run, files: new Map([...stored.run.files].map(([path, file]) => [path, { ...file, document: [], repository: [] }])) };
  stored.release();
  rmSync(cacheFile);
  saveCache(cacheFile, key, readCache(cacheFile, key), { stamps: new Map(stored.stamps), parsed, run });
}

describe.skipIf(!HAS_GIT)('a cache git cannot vouch for is not trusted (fail closed)', () => {
  it('a committed, forged cache does not hide a finding when git is missing from PATH', async () => {
    const root = folder('forged-no-git');
    governanceRepository(root);
    write(root, { 'aims/ai-policy.md': policy('aproved') });
    git(root, 'init', '-q');
    await forgeCache(root);
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'PR with a cache');
    const run = runCli(['--cache', '--format', 'json', '--now', NOW], { cwd: root, env: { ...process.env, PATH: '/nonexistent' } });
    expect(run.stderr).toContain('git could not say whether it is committed');
    const findings = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    const policyFindings = findings.find((file) => file.filePath.endsWith('ai-policy.md'))?.messages.map((m) => [m.ruleId, m.line, m.column]);
    expect(policyFindings).toEqual([['schema/invalid', 6, 9]]);
    expect(run.status).toBe(1);
  });

  it('a committed cache whose results record says nothing is wrong is refused when git says it is tracked', async () => {
    const root = folder('forged-record');
    governanceRepository(root);
    write(root, { 'aims/ai-policy.md': policy('aproved') });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'The AIMS');
    await forgeCache(root);
    // Untracked, the cache is the user's own and is trusted: the forgery would work.
    const trusted = await lintFindings({ cwd: root, now: NOW, cache: true });
    expect([trusted.stats.resultsReused, trusted.errorCount]).toEqual([true, 0]);
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'PR with a cache whose record is emptied');
    const run = runCli(['--cache', '--format', 'json', '--now', NOW, '--timing'], { cwd: root });
    expect(run.stderr).toContain('it is committed to git');
    expect(run.stderr).not.toContain('repository results from the cache');
    const findings = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(findings.find((file) => file.filePath.endsWith('ai-policy.md'))?.messages.map((m) => m.ruleId)).toEqual(['schema/invalid']);
    expect(run.status).toBe(1);
  });
});

describe('bounded time on hostile repository files', () => {
  it('.gitignore committed as a link to /dev/zero is passed over with a notice, not read', async () => {
    const root = folder('gitignore-zero');
    governanceRepository(root);
    symlinkSync('/dev/zero', join(root, '.gitignore'));
    const result = await lint({ cwd: root, now: NOW });
    expect(result.notices).toContain('.gitignore was not used: it is a symbolic link, which git does not follow either');
    expect(result.files.map((file) => file.path)).toEqual(['aims/ai-policy.md', 'aims/roles.md']);
  });

  it('exponential .gitignore lines and include globs finish at once, with git\'s answers', async () => {
    const root = folder('globs');
    governanceRepository(root);
    const deep = Array(40).fill('a').join('/');
    write(root, {
      '.gitignore': `${Array(14).fill('**/a').join('/')}/x\n`,
      [`${deep}/y.md`]: '# notes\n',
      [`aims/${'a'.repeat(60)}.md`]: '# notes\n',
      'aimslint.config.json': JSON.stringify({ ...JSON.parse(CONFIG), include: ['**/*.md', `${'*a'.repeat(16)}b`] }),
    });
    const started = performance.now();
    const result = await lint({ cwd: root, now: NOW });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(result.files.map((file) => file.path)).toContain(`${deep}/y.md`);
  });

  it('4.8 MB of frontmatter with one anchor is one clear finding, not a minute and gigabytes', async () => {
    const root = folder('big-frontmatter');
    governanceRepository(root);
    const notes = '  - "a fairly long note line that repeats to make the frontmatter big"\n'.repeat(68_000);
    write(root, {
      'aimslint.config.json': JSON.stringify({ ...JSON.parse(CONFIG), limits: { maxFileBytes: 10_000_000 } }),
      'aims/notes.md': `---\nid: NOTE-001\ntype: procedure\ntitle: &t Notes\nowner: ROLE-AIMS-LEAD\nstatus: draft\nversion: "1.0"\nnotes:\n${notes}again: *t\n---\n# Notes\n`,
    });
    const result = await lint({ cwd: root, now: NOW });
    expect(pinned(result, 'frontmatter/syntax')).toEqual([['frontmatter/syntax', 'aims/notes.md', 1, 1]]);
    expect(result.files.find((file) => file.path === 'aims/notes.md')?.findings[0]?.message).toMatch(/^The frontmatter is 47\d\d KB and is not plain YAML/);
  });

  it('a schema pattern built to backtrack runs on the linear engine: a finding, at once', async () => {
    const root = folder('redos-linear');
    governanceRepository(root);
    write(root, {
      'aimslint.config.json': JSON.stringify({ ...JSON.parse(CONFIG), types: { 'vendor-note': 'schemas/vendor-note.json' } }),
      'schemas/vendor-note.json': JSON.stringify({ type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+$' } } }),
      'aims/vendor.md': `---\nid: VN-001\ntype: vendor-note\ncode: ${'a'.repeat(50)}b\n---\n# Vendor\n`,
    });
    const result = await lint({ cwd: root, now: NOW });
    expect(pinned(result, 'schema/invalid')).toEqual([['schema/invalid', 'aims/vendor.md', 4, 7]]);
  });

  it('a pattern the linear engine cannot run is stopped by the time budget: exit 2 and one line', () => {
    const root = folder('redos-budget');
    governanceRepository(root);
    write(root, {
      'aimslint.config.json': JSON.stringify({ ...JSON.parse(CONFIG), types: { 'vendor-note': 'schemas/vendor-note.json' }, limits: { maxRunSeconds: 2 } }),
      'schemas/vendor-note.json': JSON.stringify({ type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+\\1$' } } }),
      'aims/vendor.md': `---\nid: VN-001\ntype: vendor-note\ncode: ${'a'.repeat(60)}b\n---\n# Vendor\n`,
    });
    const run = runCli(['--now', NOW], { cwd: root });
    expect([run.status, run.stderr]).toEqual([2, "aimslint: stopped after 2 s, the run's time budget (limits.maxRunSeconds); a document or schema may be built to slow aimslint down\n"]);
    expect(run.stdout).toBe('');
  });

  it('--max-run-seconds and the Action\'s timeout input set the budget', () => {
    const root = folder('budget-inputs');
    governanceRepository(root);
    write(root, {
      'aimslint.config.json': JSON.stringify({ ...JSON.parse(CONFIG), types: { 'vendor-note': 'schemas/vendor-note.json' } }),
      'schemas/vendor-note.json': JSON.stringify({ type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+\\1$' } } }),
      'aims/vendor.md': `---\nid: VN-001\ntype: vendor-note\ncode: ${'a'.repeat(60)}b\n---\n# Vendor\n`,
    });
    const cli = runCli(['--now', NOW, '--max-run-seconds', '1'], { cwd: root });
    expect([cli.status, cli.stderr]).toEqual([2, "aimslint: stopped after 1 s, the run's time budget (limits.maxRunSeconds); a document or schema may be built to slow aimslint down\n"]);
    const action = runAction(root, { timeout: '1', now: NOW, cache: 'false' });
    expect(action.status).toBe(2);
    expect(action.stderr).toContain('aimslint: stopped after 1 s');
  });
});

describe('files outside the repository are never read through links', () => {
  it('a custom schema linked to a file outside is refused without quoting it', () => {
    const root = folder('schema-link');
    const secret = join(folder('outside'), 'secret.json');
    writeFileSync(secret, JSON.stringify({ AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI' }));
    governanceRepository(root);
    write(root, { 'aimslint.config.json': JSON.stringify({ ...JSON.parse(CONFIG), types: { note: 'schemas/note.json' } }) });
    mkdirSync(join(root, 'schemas'));
    symlinkSync(secret, join(root, 'schemas/note.json'));
    const run = runCli(['--now', NOW], { cwd: root });
    expect([run.status, run.stderr]).toEqual([2, 'aimslint: schema for type "note" (schemas/note.json) cannot be read: it is a link to a place outside the repository\n']);
  });

  it('a config linked to /proc/self/environ is refused before a byte is read', () => {
    const root = folder('config-environ');
    write(root, { 'aims/roles.md': ROLES });
    symlinkSync('/proc/self/environ', join(root, 'aimslint.config.yaml'));
    const run = runCli(['--now', NOW], { cwd: root, env: { ...process.env, AIMSLINT_CANARY: 'canary-value-1234' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`aimslint: cannot read config ${join(root, 'aimslint.config.yaml')}: it is a link to a place outside the repository\n`);
  });
});

describe('smaller cases', () => {
  it.skipIf(!HAS_GIT)('400 deleted files under ulimit -n 1024: git calls run a few at a time, no EMFILE', () => {
    const root = folder('deletions');
    governanceRepository(root);
    const many = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`aims/notes/note-${i}.md`, policy('draft').replace('POL-001', `NOTE-${i}`)]));
    write(root, many);
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'notes');
    rmSync(join(root, 'aims/notes'), { recursive: true });
    const run = runCli(['--changed-since', 'HEAD', '--now', NOW], { cwd: root, shell: 'ulimit -n 1024' });
    expect([run.status, run.stderr]).toEqual([0, '']);
  });

  it('a same-size edit with the modification time put back is not a cache hit', async () => {
    const root = folder('same-size');
    governanceRepository(root);
    const file = join(root, 'aims/ai-policy.md');
    const clean = await lint({ cwd: root, now: NOW, cache: true });
    expect(pinned(clean, 'schema/invalid')).toEqual([]);
    const { mtime, atime, size } = statSync(file);
    writeFileSync(file, policy('drafx'));
    expect(statSync(file).size).toBe(size);
    utimesSync(file, atime, mtime);
    const edited = await lint({ cwd: root, now: NOW, cache: true });
    expect(pinned(edited, 'schema/invalid')).toEqual([['schema/invalid', 'aims/ai-policy.md', 6, 9]]);
  });

  it.each([
    ['an unresolvable $ref', { type: 'object', properties: { owner: { $ref: '#/$defs/nowhere' } } }, /cannot be used: can't resolve reference #\/\$defs\/nowhere/],
    ['$async', { $async: true, type: 'object' }, /is asynchronous \(\$async\); frontmatter schemas must be synchronous/],
  ])('a custom schema with %s is one clear line, exit 2, no stack', (_name, schema, message) => {
    const root = folder('schema-errors');
    governanceRepository(root);
    write(root, { 'aimslint.config.json': JSON.stringify({ ...JSON.parse(CONFIG), types: { note: 'schemas/note.json' } }), 'schemas/note.json': JSON.stringify(schema) });
    const run = runCli(['--now', NOW], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
