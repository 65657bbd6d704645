#!/usr/bin/env node
/**
 * `pnpm bench`: aimslint against markdownlint-cli2 and remark-cli with
 * remark-lint-frontmatter-schema, side by side, on generated AIMS corpora
 * (default 1,000 and 10,000 documents) or on any folder (`--corpus`).
 * See bench/README.md for what is measured and how to read the table.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { CORPUS_ROOT, SEED, commonSchema, docSizeOf, ensureCorpus, remarkConfig } from './generate.mjs';
import { BENCH_NOW, buildModel } from './lib/model.mjs';
import { renderDocument } from './lib/render.mjs';
import { bestOf, hasGnuTime, measure } from './lib/measure.mjs';
import { evaluateTargets } from './lib/targets.mjs';
import { editorRows } from './lib/editor.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = {
  aimslint: join(ROOT, 'packages/cli/bin/aimslint.js'),
  markdownlint: join(ROOT, 'node_modules/.bin/markdownlint-cli2'),
  remark: join(ROOT, 'node_modules/.bin/remark'),
};
const DEV = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies ?? {};
const MARKDOWNLINT = `markdownlint-cli2 ${DEV['markdownlint-cli2'] ?? ''}`.trim();
const REMARK = `remark-cli ${DEV['remark-cli'] ?? ''} + frontmatter-schema ${DEV['remark-lint-frontmatter-schema'] ?? ''}`.trim();

/**
 * @typedef {object} Row
 * @property {string} tool
 * @property {string} corpus
 * @property {number} size documents in the corpus (0 for start-up rows)
 * @property {number | undefined} files files the tool reported or was given
 * @property {number | undefined} wallS
 * @property {number | undefined} peakMiB
 * @property {string} [note] why there is no measurement
 * @property {number} [expected] files the tool should have reported (generated corpora)
 */

const log = (line) => process.stderr.write(`bench: ${line}\n`);

/** @returns {{ sizes: number[], docSize: ReturnType<typeof docSizeOf>, corpus?: string, runs: number, quick: boolean, timeoutS: number, competitors: boolean }} */
function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      sizes: { type: 'string', default: '1000,10000' }, 'doc-size': { type: 'string', default: 'default' }, corpus: { type: 'string' }, runs: { type: 'string', default: '3' },
      quick: { type: 'boolean', default: false }, timeout: { type: 'string', default: '900' }, 'no-competitors': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 200)) throw new Error(`--sizes takes whole numbers >= 200, got "${values.sizes}"`);
  return { sizes, docSize: docSizeOf(values['doc-size']), corpus: values.corpus, runs: Math.max(1, Number(values.runs)), quick: values.quick, timeoutS: Number(values.timeout), competitors: !values['no-competitors'] };
}

/**
 * @param {string} dir
 * @returns {string[]} Markdown files below dir (not in .git or node_modules), sorted
 */
function markdownFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|markdown)$/.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .filter((path) => !/(^|\/)(\.git|node_modules)\//.test(relative(dir, path)))
    .sort();
}

/** @returns {{ cache: boolean, workers: boolean }} which options this aimslint build has */
function aimslintFeatures() {
  let help;
  try {
    help = execFileSync(process.execPath, [BIN.aimslint, '--help'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`aimslint does not start (run \`pnpm build\` first?): ${String(error.stderr ?? error.message).split('\n').find(Boolean)}`);
  }
  return { cache: help.includes('--cache-location'), workers: help.includes('--workers') };
}

/**
 * Why a run counts as failed: a signal, a timeout, or an exit status outside `ok`.
 * @param {number[]} ok
 */
function failureUnless(ok) {
  return (/** @type {import('./lib/measure.mjs').Measurement} */ m) => {
    if (m.timedOut) return 'timeout';
    if (m.signal) return `crashed (${m.signal})`;
    if (!ok.includes(/** @type {number} */ (m.code))) return `failed (exit ${m.code}: ${readFileSync(m.stderrPath, 'utf8').split('\n').find(Boolean) ?? 'no output'})`;
    if (m.outputBytes === 0 && m.code !== 0) return 'failed (no output)';
    return undefined;
  };
}

/**
 * @param {string} path a file with aimslint's JSON report
 * @returns {number | undefined} files in the report
 */
function reportedFiles(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8')).length;
  } catch {
    return undefined;
  }
}

/**
 * @param {Omit<Row, 'files' | 'wallS' | 'peakMiB'>} what
 * @param {Awaited<ReturnType<typeof bestOf>>} m
 * @param {number | undefined} files
 * @returns {Row}
 */
function toRow(what, m, files) {
  return m.failure ? { ...what, files, wallS: undefined, peakMiB: undefined, note: m.failure } : { ...what, files, wallS: m.wallS, peakMiB: m.peakMiB };
}

/**
 * A document whose body changes on every run, restored afterwards.
 * @param {string} path
 */
function bodyEditor(path) {
  const original = readFileSync(path, 'utf8');
  return {
    change: (/** @type {number} */ i) => writeFileSync(path, `${original}\nReviewed again in benchmark run ${i + 1}; no change of substance.\n`),
    restore: () => writeFileSync(path, original),
  };
}

/**
 * All aimslint rows for one corpus: cold, warm, one changed file, one thread.
 * @param {{ dir: string, name: string, size: number, writable: boolean, generated: boolean, files: string[] }} corpus
 * @param {ReturnType<typeof options>} opts
 * @param {ReturnType<typeof aimslintFeatures>} features
 * @param {string} scratch
 * @returns {Promise<Row[]>}
 */
async function aimslintRows(corpus, opts, features, scratch) {
  const cacheFile = join(scratch, `${corpus.name}.aimslintcache`);
  const cacheArgs = features.cache ? ['--cache', '--cache-location', cacheFile] : [];
  const base = [BIN.aimslint, '.', '--format', 'json', '--now', BENCH_NOW];
  const run = (label, extra) => ({ command: process.execPath, args: [...base, ...extra], cwd: corpus.dir, scratch, label: `${corpus.name}-${label}`, timeoutS: opts.timeoutS });
  const ok = failureUnless([0, 1]);
  const dropCache = () => rmSync(cacheFile, { force: true });
  const what = (tool) => ({ tool, corpus: corpus.name, size: corpus.size, expected: corpus.generated ? corpus.files.length : undefined });
  log(`aimslint cold on ${corpus.name}`);
  const coldRun = await bestOf(run('cold', cacheArgs), opts.runs, ok, dropCache);
  const rows = [toRow(what('aimslint cold'), coldRun, reportedFiles(coldRun.stdoutPath))];
  if (!features.cache) {
    rows.push({ ...what('aimslint warm (cache)'), files: undefined, wallS: undefined, peakMiB: undefined, note: 'skipped: this aimslint has no --cache-location' });
    rows.push({ ...what('aimslint 1 file changed'), files: undefined, wallS: undefined, peakMiB: undefined, note: 'skipped: this aimslint has no --cache-location' });
  } else {
    log(`aimslint warm on ${corpus.name}`);
    await measure(run('prime', cacheArgs));
    const warm = await bestOf(run('warm', cacheArgs), opts.runs, ok);
    rows.push(toRow(what('aimslint warm (cache)'), warm, reportedFiles(warm.stdoutPath)));
    rows.push(corpus.writable ? await changedRow(corpus, opts, run('changed', cacheArgs), what('aimslint 1 file changed'))
      : { ...what('aimslint 1 file changed'), files: undefined, wallS: undefined, peakMiB: undefined, note: 'skipped: --corpus folders are never modified' });
  }
  // `--workers 0`: this thread alone (the main thread parses beside its workers, so `--workers 1` is two threads).
  if (features.workers) {
    log(`aimslint --workers 0 on ${corpus.name}`);
    const single = await bestOf(run('workers0', [...cacheArgs, '--workers', '0']), opts.runs, ok, dropCache);
    rows.push(toRow(what('aimslint --workers 0 cold'), single, reportedFiles(single.stdoutPath)));
  } else {
    rows.push({ ...what('aimslint --workers 0 cold'), files: undefined, wallS: undefined, peakMiB: undefined, note: 'skipped: this aimslint has no --workers' });
  }
  return rows;
}

/**
 * Warm cache, one document's body changed before each run, restored at the end.
 * @param {{ dir: string, files: string[] }} corpus
 * @param {ReturnType<typeof options>} opts
 * @param {Parameters<typeof measure>[0]} run
 * @param {Omit<Row, 'files' | 'wallS' | 'peakMiB'>} what
 * @returns {Promise<Row>}
 */
async function changedRow(corpus, opts, run, what) {
  const target = corpus.files[Math.floor(corpus.files.length / 2)];
  const editor = bodyEditor(target);
  const restoreOnInterrupt = () => { editor.restore(); process.exit(130); };
  process.once('SIGINT', restoreOnInterrupt);
  try {
    log(`aimslint with ${relative(corpus.dir, target)} changed`);
    const m = await bestOf(run, opts.runs, failureUnless([0, 1]), editor.change);
    return toRow(what, m, reportedFiles(m.stdoutPath));
  } finally {
    editor.restore();
    process.removeListener('SIGINT', restoreOnInterrupt);
  }
}

/**
 * The remark config to use: the corpus's own, else a permissive common schema for every file.
 * @param {string} dir
 * @returns {string[]} extra remark arguments
 */
function remarkArgs(dir) {
  if (readdirSync(dir).some((name) => name.startsWith('.remarkrc'))) return [];
  const folder = join(CORPUS_ROOT, '.external');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'common.schema.json'), `${JSON.stringify(commonSchema(), null, 2)}\n`);
  const rc = join(folder, '.remarkrc.mjs');
  writeFileSync(rc, remarkConfig({ [relative(dir, join(folder, 'common.schema.json'))]: ['**/*.md'] }));
  return ['--rc-path', rc];
}

/**
 * markdownlint-cli2 and remark-cli on one corpus, one run each.
 * @param {{ dir: string, name: string, size: number, files: string[] }} corpus
 * @param {ReturnType<typeof options>} opts
 * @param {string} scratch
 * @returns {Promise<Row[]>}
 */
async function competitorRows(corpus, opts, scratch) {
  const what = (tool) => ({ tool, corpus: corpus.name, size: corpus.size });
  const skip = opts.quick && corpus.size >= 100_000 ? 'skipped (--quick)' : !opts.competitors ? 'skipped (--no-competitors)' : undefined;
  if (skip) return [MARKDOWNLINT, REMARK].map((tool) => ({ ...what(tool), files: undefined, wallS: undefined, peakMiB: undefined, note: skip }));
  const run = (label, command, args) => ({ command, args, cwd: corpus.dir, scratch, label: `${corpus.name}-${label}`, timeoutS: opts.timeoutS });
  log(`${MARKDOWNLINT} on ${corpus.name}`);
  const ml = await bestOf(run('markdownlint', BIN.markdownlint, ['**/*.md']), 1, failureUnless([0, 1]));
  const linted = /Linting: (\d+) file/.exec(readFileSync(ml.stdoutPath, 'utf8'))?.[1];
  log(`${REMARK} on ${corpus.name}`);
  const rm = await bestOf(run('remark', BIN.remark, ['.', '--no-stdout', '--quiet', ...remarkArgs(corpus.dir)]), 1, failureUnless([0, 1]));
  return [toRow(what(MARKDOWNLINT), ml, linted ? Number(linted) : corpus.files.length), toRow(what(REMARK), rm, corpus.files.length)];
}

/**
 * Start-up cost: `aimslint --version`, and a repository of one document.
 * @param {ReturnType<typeof options>} opts
 * @param {string} scratch
 * @returns {Promise<Row[]>}
 */
async function startupRows(opts, scratch) {
  const repo = join(scratch, 'one-file');
  mkdirSync(join(repo, '.git'), { recursive: true });
  const model = buildModel(200, SEED);
  writeFileSync(join(repo, 'ai-policy.md'), renderDocument(/** @type {any} */ (model.byId.get('POL-001')), model.byId, SEED));
  const run = (label, args) => ({ command: process.execPath, args: [BIN.aimslint, ...args], cwd: repo, scratch, label, timeoutS: 60 });
  const version = await bestOf(run('version', ['--version']), Math.max(opts.runs, 5), failureUnless([0]));
  const one = await bestOf(run('one-file', ['.', '--format', 'json', '--now', BENCH_NOW]), Math.max(opts.runs, 5), failureUnless([0, 1]));
  return [
    toRow({ tool: 'aimslint --version', corpus: '-', size: 0 }, version, 0),
    toRow({ tool: 'aimslint one-file repository', corpus: 'one-file', size: 1 }, one, reportedFiles(one.stdoutPath)),
  ];
}

/**
 * @param {number | undefined} value
 * @param {number} digits
 */
const fmt = (value, digits) => (value === undefined ? '-' : value.toFixed(digits));

/**
 * @param {Row[]} rows
 * @returns {string} the Markdown table
 */
function table(rows) {
  const cold = new Map(rows.filter((r) => r.tool === 'aimslint cold' && r.wallS).map((r) => [r.corpus, r.wallS]));
  const lines = rows.map((r) => {
    const base = cold.get(r.corpus);
    const ratio = r.wallS !== undefined && base ? `${(r.wallS / base).toFixed(2)}x` : '-';
    const rate = r.wallS && r.files ? Math.round(r.files / r.wallS).toLocaleString('en-US') : '-';
    const files = r.files === undefined ? '-' : `${r.files.toLocaleString('en-US')}${r.expected !== undefined && r.files !== r.expected ? ` of ${r.expected.toLocaleString('en-US')}!` : ''}`;
    return `| ${r.tool} | ${r.corpus} | ${files} | ${r.note ?? fmt(r.wallS, 2)} | ${rate} | ${fmt(r.peakMiB, 0)} | ${ratio} |`;
  });
  return ['| tool | corpus | files | wall s | files/s | peak MiB | vs aimslint cold |', '|---|---|--:|--:|--:|--:|--:|', ...lines].join('\n');
}

/**
 * The corpora to run on: generated sizes, or one given folder.
 * @param {ReturnType<typeof options>} opts
 */
function corpora(opts) {
  if (opts.corpus) {
    const dir = resolve(process.env.INIT_CWD ?? process.cwd(), opts.corpus);
    if (!existsSync(dir)) throw new Error(`--corpus: no folder ${dir}`);
    const files = markdownFiles(dir);
    return [{ dir, name: basename(dir), size: files.length, writable: false, generated: false, files }];
  }
  return opts.sizes.map((n) => {
    const dir = ensureCorpus(n, { log, docSize: opts.docSize });
    const name = `${n / 1000}k${opts.docSize === 'default' ? '' : `-${opts.docSize}`}`;
    return { dir, name, size: n, writable: true, generated: true, files: markdownFiles(dir) };
  });
}

async function main() {
  const opts = options();
  const features = aimslintFeatures();
  const scratch = mkdtempSync(join(tmpdir(), 'aimslint-bench-'));
  const notes = [];
  if (!hasGnuTime()) notes.push('GNU time is missing (`apt-get install -y time`): peak memory was polled from /proc VmHWM of the direct child only.');
  if (!features.cache) notes.push('aimslint has no --cache/--cache-location yet: warm and changed-file rows skipped.');
  if (!features.workers) notes.push('aimslint has no --workers yet: the one-worker row is skipped.');
  try {
    const rows = await startupRows(opts, scratch);
    for (const corpus of corpora(opts)) {
      rows.push(...await aimslintRows(corpus, opts, features, scratch));
      rows.push(...await editorRows(corpus, { bin: BIN.aimslint, now: BENCH_NOW, edits: opts.quick ? 2 : 5 }));
      rows.push(...await competitorRows(corpus, opts, scratch));
    }
    if (rows.some((r) => r.expected !== undefined && r.files !== undefined && r.files !== r.expected)) {
      notes.push('a row marked "of N!" reported fewer files than the corpus holds: aimslint skipped documents, so its time is not comparable.');
    }
    process.stdout.write(`\n${table(rows)}\n\n${evaluateTargets(rows).join('\n')}\n`);
    if (notes.length) process.stdout.write(`\n${notes.map((n) => `Note: ${n}`).join('\n')}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.message}\n`);
  process.exit(2);
});
