/**
 * Safety: frontmatter is data and never code, no key reaches a prototype, no
 * path leaves the repository, link loops end, and no JavaScript config is run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint, loadConfig } from '@aimslint/core';
import { writeRepository } from '../../packages/core/src/testing/rule-tester.js';
import { CLI, FAST_MS, NOW, copyFixture, lintFixture, listFiles, pinned } from './helpers.js';

describe('frontmatter languages other than YAML', () => {
  it('reports ---js, ---javascript and ---coffee and never evaluates them (no file written, no global set)', async () => {
    const cwdBefore = listFiles(process.cwd()).filter((file) => file.includes('PWNED'));
    const { result, files } = await lintFixture('js-frontmatter');
    expect(pinned(result, 'frontmatter/syntax')).toEqual([
      ['frontmatter/syntax', 'aims/policy-coffee.md', 1, 1],
      ['frontmatter/syntax', 'aims/policy-javascript.md', 1, 1],
      ['frontmatter/syntax', 'aims/policy-js.md', 1, 1],
    ]);
    expect(result.files.find((file) => file.path === 'aims/policy-js.md')?.findings[0]?.message).toContain('only YAML frontmatter is accepted and it is never run as code');
    expect(files.filter((file) => file.includes('PWNED'))).toEqual([]);
    expect(listFiles(process.cwd()).filter((file) => file.includes('PWNED'))).toEqual(cwdBefore);
    expect((globalThis as Record<string, unknown>)['__aimslintPwned']).toBeUndefined();
  });
});

describe('prototype pollution', () => {
  const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();

  it('__proto__, constructor and prototype as frontmatter keys, ids, role ids, types and references pollute nothing', async () => {
    const before = prototypeKeys();
    const { result } = await lintFixture('proto');
    expect(prototypeKeys()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.constructor).toBe(Object);
    // The keys are plain data: the document keeps its own type, and `__proto__: {type: soa}` made nothing an SoA.
    const keys = result.index.byPath.get('aims/proto-keys.md');
    expect(keys?.type).toBe('ai-policy');
    expect(Object.getPrototypeOf(keys?.frontmatter?.data)).toBe(Object.prototype);
    expect(result.index.byType.get('soa')).toBeUndefined();
    // `type: constructor` is an unknown type, not Object's constructor function.
    expect(pinned(result, 'schema/type-unknown')).toContainEqual(['schema/type-unknown', 'aims/proto-type.md', 3, 7]);
    // Ids that are not ids are schema findings, at their values.
    expect(pinned(result, 'schema/invalid').some(([, file]) => file === 'aims/roles.md')).toBe(true);
  });

  it('config keys named __proto__ or constructor are refused or kept as plain keys', () => {
    const refused = (config: string): string => {
      const root = writeRepository({ 'aimslint.config.json': config });
      try {
        loadConfig({ cwd: root, paths: [] });
        return 'accepted';
      } catch (error) {
        return (error as Error).message.replace(root, '<root>');
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    };
    const before = prototypeKeys();
    expect(refused('{"limits":{"__proto__":5}}')).toContain('unknown limit "__proto__"');
    expect(refused('{"limits":{"constructor":5}}')).toContain('unknown limit "constructor"');
    expect(refused('{"__proto__":{"polluted":true}}')).toContain('unknown setting "__proto__"');
    expect(refused('{"types":{"__proto__":"missing.json"}}')).toContain('schema for type "__proto__"');
    expect(prototypeKeys()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a rule named constructor in the config is an unknown rule', async () => {
    const root = writeRepository({ 'aimslint.config.json': '{"rules":{"constructor":"off"}}' });
    try {
      await expect(lint({ cwd: root, now: NOW })).rejects.toThrow('unknown rule "constructor"');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('nothing outside the repository root is opened', () => {
  let outside: string;
  let root: string;
  beforeAll(() => {
    outside = mkdtempSync(join(tmpdir(), 'aimslint-outside-'));
    // A FIFO with no writer: opening it for reading blocks forever, so any open would hang the test.
    execFileSync('mkfifo', [join(outside, 'fifo.md')]);
    execFileSync('mkfifo', [join(outside, 'evidence.pdf')]);
    root = writeRepository({
      'aimslint.config.json': '{"governance":["aims"]}',
      'aims/links.md': [
        '---',
        'type: procedure',
        '---',
        '# Links',
        '',
        `[up](../../../${outside.slice(1)}/fifo.md)`,
        '[abs-file](file:///etc/passwd)',
        '[windows](C:\\Windows\\win.ini)',
        '[unc](\\\\server\\share\\x.md)',
        '[through a link](out/fifo.md)',
        '[linked pdf](pdf-link.pdf)',
        '',
      ].join('\n'),
    });
    symlinkSync(join(outside, 'fifo.md'), join(root, 'aims/escape.md'));
    symlinkSync(outside, join(root, 'aims/out'));
    symlinkSync(join(outside, 'evidence.pdf'), join(root, 'aims/pdf-link.pdf'));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('links that leave the root are findings and their targets are never opened', async () => {
    const started = performance.now();
    const result = await lint({ cwd: root, now: NOW });
    expect(performance.now() - started).toBeLessThan(2 * FAST_MS);
    expect(pinned(result, 'link/broken')).toEqual([
      ['link/broken', 'aims/links.md', 6, 1],
      ['link/broken', 'aims/links.md', 7, 1],
      ['link/broken', 'aims/links.md', 8, 1],
      ['link/broken', 'aims/links.md', 9, 1],
      ['link/broken', 'aims/links.md', 10, 1],
      ['link/broken', 'aims/links.md', 11, 1],
    ]);
    const messages = result.files.find((file) => file.path === 'aims/links.md')?.findings.filter((f) => f.ruleId === 'link/broken').map((f) => f.message) ?? [];
    expect(messages.slice(0, 4).every((message) => /outside the repository|`file:` URL|Windows absolute path/.test(message))).toBe(true);
    // Links through symbolic links that leave the root: the target does not exist for aimslint (realpath only, never opened).
    expect(messages.slice(4)).toEqual([
      'This link points at `aims/out/fifo.md`, which does not exist in the repository.',
      'This link points at `aims/pdf-link.pdf`, which does not exist in the repository.',
    ]);
    // A symbolic link to a file outside is listed, flagged and never read.
    expect(pinned(result, 'file/unreadable')).toEqual([['file/unreadable', 'aims/escape.md', 1, 1]]);
    expect(result.files.find((file) => file.path === 'aims/escape.md')?.findings[0]?.message).toContain('outside the repository; it was not read');
  });
});

describe('symbolic link loops end', () => {
  it('a folder linked to itself or its parent, and files linked in a circle', async () => {
    const root = writeRepository({ 'aimslint.config.json': '{}', 'aims/policy.md': '# Policy\n' });
    try {
      symlinkSync('.', join(root, 'aims/self'));
      symlinkSync('..', join(root, 'aims/parent'));
      symlinkSync('b.md', join(root, 'aims/a.md'));
      symlinkSync('a.md', join(root, 'aims/b.md'));
      const started = performance.now();
      const result = await lint({ cwd: root, now: NOW });
      expect(performance.now() - started).toBeLessThan(FAST_MS);
      expect(result.files.map((file) => file.path)).toEqual(['aims/a.md', 'aims/b.md', 'aims/policy.md']);
      expect(pinned(result, 'file/unreadable')).toEqual([['file/unreadable', 'aims/a.md', 1, 1], ['file/unreadable', 'aims/b.md', 1, 1]]);
      expect(result.files[0]?.findings[0]?.message).toBe('This file could not be read: its symbolic links loop.');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('JavaScript config is never loaded', () => {
  for (const name of ['aimslint.config.js', 'aimslint.config.mjs', 'aimslint.config.cjs']) {
    it(`a repository with only ${name}: one line, exit 2, the file never imported`, () => {
      const root = copyFixture('js-config');
      try {
        if (name !== 'aimslint.config.js') execFileSync('mv', [join(root, 'aimslint.config.js'), join(root, name)]);
        const run = spawnSync(process.execPath, [CLI, '--format', 'json'], { cwd: root, encoding: 'utf8', timeout: 10_000 });
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe(`aimslint: ${join(root, name)} is not supported: aimslint never runs JavaScript from a repository; write the settings as aimslint.config.json or aimslint.config.yaml\n`);
        expect(existsSync(join(root, 'PWNED-config'))).toBe(false);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }

  it('--config naming a .js file is refused the same way, and the engine refuses it too', () => {
    const root = copyFixture('js-config');
    try {
      const run = spawnSync(process.execPath, [CLI, '-c', 'aimslint.config.js'], { cwd: root, encoding: 'utf8', timeout: 10_000 });
      expect([run.status, run.stderr.split('\n').length]).toEqual([2, 2]);
      expect(() => loadConfig({ cwd: root, paths: [], configFile: 'aimslint.config.js' })).toThrow('is not supported');
      expect(existsSync(join(root, 'PWNED-config'))).toBe(false);
      expect((globalThis as Record<string, unknown>)['__aimslintConfigRan']).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a JSON or YAML config beside a .js one wins, and the .js one is still not run', async () => {
    const root = copyFixture('js-config');
    try {
      writeFileSync(join(root, 'aimslint.config.json'), '{}');
      mkdirSync(join(root, 'x'));
      const result = await lint({ cwd: root, now: NOW });
      expect(result.configFile).toBe(join(root, 'aimslint.config.json'));
      expect(existsSync(join(root, 'PWNED-config'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
