/**
 * The cache's results record must never change an answer: after each kind of
 * edit, a warm run (`lintFindings` with `--cache`) reports exactly what a run
 * without any cache reports, and it skips the index and the repository rules
 * only when the edit cannot change what they see.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lint, lintFindings, type FindingsResult } from '@aimslint/core';
import { TestRepository } from '../packages/core/src/testing/git-history.js';

const NOW = '2026-11-28';
const EXAMPLE = join(import.meta.dirname, '../examples/acme');

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'aimslint-record-'));
  cpSync(EXAMPLE, root, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const cacheLocation = () => join(root, '.aimslintcache');
const warm = (now = NOW) => lintFindings({ cwd: root, now, cache: true, cacheLocation: cacheLocation() });
/** What a run without any cache says: the reference every warm run must equal. */
const uncached = async (now = NOW) => answers(await lint({ cwd: root, now }));
const answers = (result: FindingsResult) => ({ files: result.files, notices: result.notices, errorCount: result.errorCount, warningCount: result.warningCount });
const edit = (path: string, change: (text: string) => string) => writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));
const ruleIds = (result: FindingsResult, path: string) => result.files.find((file) => file.path === path)?.findings.map((finding) => finding.ruleId) ?? [];

describe('the results record', () => {
  it('answers a run in which nothing changed, with the answer of a run without cache', async () => {
    const cold = await warm();
    expect(cold.stats.resultsReused).toBe(false);
    const again = await warm();
    expect(again.stats.resultsReused).toBe(true);
    expect(again.stats.timings['link/broken']).toBeUndefined();
    expect(answers(again)).toEqual(await uncached());
  });

  it('answers the callers that need the index too (reports, fixes, the Action, --with-dependents), with the index built and no repository rule run', async () => {
    await warm();
    const reported = await lint({ cwd: root, now: NOW, cache: true, cacheLocation: cacheLocation() });
    expect(reported.stats.resultsReused).toBe(true);
    expect(reported.index.byPath.has('aims/soa.md')).toBe(true);
    expect(answers(reported)).toEqual(await uncached());
    const hook = { cwd: root, now: NOW, paths: ['aims/ai-policy.md'], withDependents: true };
    const staged = await lintFindings({ ...hook, cache: true, cacheLocation: cacheLocation() });
    expect(staged.stats.resultsReused).toBe(true);
    expect(staged.files.map((file) => file.path)).toContain('aims/soa.md');
    expect(answers(staged)).toEqual(answers(await lintFindings(hook)));
  });

  it('answers when only prose changed, redoing the findings of that document alone', async () => {
    await warm();
    edit('procedures/human-oversight.md', (text) => `${text}\nTODO: name the deputy reviewer.\n`);
    const after = await warm();
    expect(after.stats.resultsReused).toBe(true);
    expect(ruleIds(after, 'procedures/human-oversight.md')).toContain('content/placeholder');
    expect(answers(after)).toEqual(await uncached());
  });

  it('applies a suppression comment added in prose', async () => {
    // A blank line for the comment to take later: lines below keep their numbers, so the document's surface stays the same.
    edit('procedures/human-oversight.md', (text) => text.replace('## Principle', '## Principle\n\n\nTODO: name the deputy reviewer.'));
    await warm();
    expect(ruleIds(await warm(), 'procedures/human-oversight.md')).toContain('content/placeholder');
    edit('procedures/human-oversight.md', (text) => text.replace('\n\nTODO: name', '\n<!-- aimslint-disable-next-line content/placeholder -- tracked in CA-2026-009 -->\nTODO: name'));
    const after = await warm();
    expect(after.stats.resultsReused).toBe(true);
    expect(ruleIds(after, 'procedures/human-oversight.md')).not.toContain('content/placeholder');
    expect(answers(after)).toEqual(await uncached());
  });

  it('takes the full path when a heading the SoA cites is renamed, and reports the broken link', async () => {
    await warm();
    edit('aims/ai-policy.md', (text) => text.replace(/^## Principles$/m, '## Guiding principles'));
    const after = await warm();
    expect(after.stats.resultsReused).toBe(false);
    expect(ruleIds(after, 'aims/soa.md')).toContain('soa/evidence-broken');
    expect(answers(after)).toEqual(await uncached());
    // The record written by that run answers the next one.
    expect((await warm()).stats.resultsReused).toBe(true);
  });

  it('takes the full path when a document is added, deleted, or an id changes', async () => {
    await warm();
    rmSync(join(root, 'procedures/monitoring-plan.md'));
    const deleted = await warm();
    expect(deleted.stats.resultsReused).toBe(false);
    expect(answers(deleted)).toEqual(await uncached());
    edit('aims/roles.md', (text) => text.replace(/^id: (.*)$/m, 'id: $1-2027'));
    const renamed = await warm();
    expect(renamed.stats.resultsReused).toBe(false);
    expect(answers(renamed)).toEqual(await uncached());
  });

  it('takes the full path on another date or another config', async () => {
    await warm();
    const later = await warm('2027-06-30');
    expect(later.stats.resultsReused).toBe(false);
    expect(answers(later)).toEqual(await uncached('2027-06-30'));
    appendFileSync(join(root, 'aimslint.config.yaml'), '\nrules:\n  review/overdue: off\n');
    const reconfigured = await warm('2027-06-30');
    expect(reconfigured.stats.resultsReused).toBe(false);
    expect(answers(reconfigured)).toEqual(await uncached('2027-06-30'));
  });

  it('takes the full path when a linked file that is not a document appears', async () => {
    edit('procedures/data-quality.md', (text) => `${text}\nThe [profiling report](../evidence/profiling-2026.pdf) is kept with the dataset.\n`);
    await warm();
    expect(ruleIds(await warm(), 'procedures/data-quality.md')).toContain('link/broken');
    cpSync(join(root, 'README.md'), join(root, 'evidence/profiling-2026.pdf'));
    const after = await warm();
    expect(after.stats.resultsReused).toBe(false);
    expect(ruleIds(after, 'procedures/data-quality.md')).not.toContain('link/broken');
    expect(answers(after)).toEqual(await uncached());
  });

  it('survives a damaged cache: the outcomes it cannot read are parsed again, and the next rewrite leaves them out', async () => {
    await warm();
    const bytes = readFileSync(cacheLocation());
    // Scribble over the middle of the first step's outcomes.
    bytes.fill(0x41, 4 + 2000, 4 + 2064);
    writeFileSync(cacheLocation(), bytes);
    edit('aims/ai-policy.md', (text) => text.replace(/^## Principles$/m, '## Guiding principles'));
    const after = await warm();
    expect(after.stats.resultsReused).toBe(false);
    expect(answers(after)).toEqual(await uncached());
    const healed = await warm();
    expect(healed.stats.resultsReused).toBe(true);
    expect(answers(healed)).toEqual(await uncached());
  });

  it('writes nothing on a warm run in which nothing changed, even with a file that is parsed every time (too large to read)', async () => {
    appendFileSync(join(root, 'aimslint.config.yaml'), '\nlimits:\n  maxFileBytes: 20000\n');
    writeFileSync(join(root, 'procedures/archive.md'), `# Archive\n\n${'Old minutes. '.repeat(2000)}\n`);
    await warm();
    const before = readFileSync(cacheLocation());
    const again = await warm();
    expect(again.stats.resultsReused).toBe(true);
    expect(readFileSync(cacheLocation())).toEqual(before);
    expect(answers(again)).toEqual(await uncached());
  });
});

describe('the results record and git history', () => {
  let repository: TestRepository;
  beforeEach(() => {
    repository = TestRepository.create();
    cpSync(EXAMPLE, repository.root, { recursive: true });
    writeFileSync(join(repository.root, '.gitignore'), '.aimslintcache\n');
    repository.commit('The AIMS as approved');
  });
  afterEach(() => repository.dispose());
  const run = () => lintFindings({ cwd: repository.root, now: NOW, cache: true });

  it('answers only for the commit it was made at: another commit takes the full path', async () => {
    await run();
    expect((await run()).stats.resultsReused).toBe(true);
    repository.git('-c', 'user.name=Test Author', '-c', 'user.email=author@example.com', '-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', 'An empty commit');
    expect((await run()).stats.resultsReused).toBe(false);
    expect((await run()).stats.resultsReused).toBe(true);
  });

  it('takes the full path for a prose edit of an approved document: its body is compared with the approved version', async () => {
    await run();
    const path = join(repository.root, 'procedures/human-oversight.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('## Principle\n', '## Principle\n\nEvery decline is reviewed by a second credit officer.\n'));
    const after = await run();
    expect(after.stats.resultsReused).toBe(false);
    expect(ruleIds(after, 'procedures/human-oversight.md')).toContain('doc-control/changed-after-approval');
    expect(answers(after)).toEqual(answers(await lint({ cwd: repository.root, now: NOW })));
  });
});
