import { closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DOCS_BASE_URL,
  FORMAT_CHUNKS,
  RULES,
  UsageError,
  VERSION,
  batched,
  buildReport,
  commandLinePath,
  formatterNames,
  isInside,
  isReallyInside,
  lint,
  lintFindings,
  renderReportCsv,
  prettyJsonChunks,
  renderReportHtmlChunks,
  lintAndFix,
  renderReportMarkdown,
  replaceFileAtomicallyFrom,
  ruleById,
  type LintResult,
  type FindingsResult,
  writeChunks,
  type SeveritySetting,
} from '@aimslint/core';
import { adopt, init, parsePreset } from './init.js';

export interface CliIo {
  cwd: string;
  /** When `write` returns false, the next chunk waits for `drain` (if the stream has `once`). */
  stdout: { write(text: string): unknown; isTTY?: boolean; once?(event: 'drain', listener: () => void): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  /** The parsing-worker entry (the CLI bundle itself); without it, parsing stays on this thread. */
  workerUrl?: URL;
  /** Ends the process when the run's time budget is spent (see lint's `onTimeout`); without it, no budget is kept. */
  onTimeout?: () => void;
}

const HELP = `Usage: aimslint [lint] [paths...] [options]
       aimslint report [paths...] [--format markdown|html|json|csv] [-o file] [--link-base url]
       aimslint explain [rule-id]
       aimslint init [dir] [--preset recommended|model-cards]
       aimslint init --adopt [dir] [--write]
       aimslint lsp --stdio     the language server, for editors (see README: In your editor)

Check ISO/IEC 42001 AIMS documents (Markdown with YAML frontmatter).

Options:
  --format <name>          ${formatterNames().join(', ')} (default: stylish)
  -o, --output-file <path> write the report to a file instead of stdout
  -c, --config <path>      config file (default: aimslint.config.{json,yaml,yml} found upward)
  --max-warnings <n>       exit 1 when there are more than n warnings
  --now <YYYY-MM-DD>       the date review deadlines are judged against (default: today)
  --rule <id>=<severity>   override a rule: off, warn or error (repeatable)
  --cache                  reuse results for unchanged files (stored in .aimslintcache)
  --cache-location <path>  where the cache is stored
  --workers <n|auto>       parsing threads beside the main one (default auto: cores - 1, from 4,000 files)
  --changed-since <ref>    report only files changed since a git ref (and the files they affect)
  --fix                    apply the fixes that keep the meaning, write the files, report what is left
  --fix-dry-run            as --fix, without writing: the JSON format carries each fixed file's \`output\`
  --with-dependents        also report the files whose findings depend on the paths given (links, ids, SoA evidence)
  --link-base <url>        report: prefix for document links (e.g. https://github.com/org/repo/blob/main/)
  --max-run-seconds <n>    stop with exit status 2 after n seconds (default 300; limits.maxRunSeconds may shorten it)
  --suppress-all           accept every current error: count them in aimslint-suppressions.json; only new ones fail
  --suppress-rule <id>     the same for one rule's errors (repeatable)
  --prune-suppressions     drop counts of errors that are fixed from aimslint-suppressions.json
  --suppressions-location <path>  the suppressions file (default: aimslint-suppressions.json in the root)
  --preset <name>          init: recommended (a whole AIMS) or model-cards (model cards only)
  --adopt                  init: propose types and frontmatter for existing Markdown (prints a diff)
  --write                  init --adopt: apply what it proposes
  --timing                 print where the time went (phases and repository rules) to stderr
  --quiet                  report errors only
  --color, --no-color      force colours on or off
  -h, --help               show this help
  -v, --version            show the version
  --                       end of options: every word after it is a path

Exit status: 0 no errors, 1 errors (or too many warnings), 2 aimslint could not run.
`;

const OPTIONS = {
  format: { type: 'string' },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  now: { type: 'string' },
  rule: { type: 'string', multiple: true },
  quiet: { type: 'boolean' },
  cache: { type: 'boolean' },
  'changed-since': { type: 'string' },
  'with-dependents': { type: 'boolean' },
  'link-base': { type: 'string' },
  timing: { type: 'boolean' },
  'max-run-seconds': { type: 'string' },
  preset: { type: 'string' },
  adopt: { type: 'boolean' },
  write: { type: 'boolean' },
  'suppress-all': { type: 'boolean' },
  'suppress-rule': { type: 'string', multiple: true },
  'prune-suppressions': { type: 'boolean' },
  'suppressions-location': { type: 'string' },
  'cache-location': { type: 'string' },
  workers: { type: 'string' },
  fix: { type: 'boolean' },
  stdio: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function parseRuleOverrides(values: readonly string[]): Record<string, SeveritySetting> {
  const overrides: Record<string, SeveritySetting> = {};
  for (const value of values) {
    const match = /^([^=]+)=(off|warn|error)$/.exec(value);
    if (!match?.[1] || !match[2]) throw new UsageError(`--rule takes <rule-id>=<off|warn|error>, got "${value}"`);
    overrides[match[1].trim()] = match[2] as SeveritySetting;
  }
  return overrides;
}

function parseWorkers(value: string | undefined): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  if (!/^\d+$/.test(value)) throw new UsageError(`--workers takes a whole number or "auto", got "${value}"`);
  return Number(value);
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed)) throw new UsageError(`--max-warnings takes a whole number, got "${value}"`);
  return parsed;
}

/** ESLint's TIMING, for the phases and the repository rules that took longest. */
function timingTable(result: FindingsResult): string {
  const rows = Object.entries(result.stats.timings).sort((a, b) => b[1] - a[1]).slice(0, 12);
  const width = Math.max(...rows.map(([name]) => name.length), 5);
  const lines = rows.map(([name, ms]) => `${name.padEnd(width)}  ${ms.toFixed(1).padStart(8)} ms`);
  const { files, fromCache, workers, resultsReused } = result.stats;
  const reused = resultsReused ? ', repository results from the cache' : '';
  return `${lines.join('\n')}\n${'total'.padEnd(width)}  ${result.durationMs.toFixed(1).padStart(8)} ms  (${files} files, ${fromCache} from cache, ${workers} worker threads${reused})\n`;
}

/** Only errors: for --quiet. */
function withoutWarnings(result: FindingsResult): FindingsResult {
  const files = result.files.map((file) => ({ ...file, findings: file.findings.filter((f) => f.severity === 'error'), warningCount: 0 }));
  return { ...result, files, warningCount: 0 };
}

/**
 * A device, FIFO or socket, or a link to one (`-o /dev/stdout`, `/dev/null`):
 * written to in place, never renamed over.
 */
function isSpecialFile(path: string): boolean {
  try {
    const stat = statSync(path);
    return !stat.isFile() && !stat.isDirectory();
  } catch {
    return false;
  }
}

/** A device or FIFO is written in place, chunk by chunk. */
function writeInPlace(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    writeChunks(fd, chunks);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write atomically: a reader never sees half a report, a failure leaves
 * nothing behind. The text may come in chunks, none of which is held longer
 * than it takes to write it.
 */
export function writeFileAtomic(path: string, text: string | Iterable<string>): void {
  // A string is iterable too, one character at a time: hand it over whole.
  const chunks = typeof text === 'string' ? [text] : text;
  if (isSpecialFile(path)) {
    try {
      writeInPlace(path, chunks);
      return;
    } catch (error) {
      throw new UsageError(`cannot write ${path}: ${(error as Error).message}`);
    }
  }
  try {
    // As ESLint does: `-o reports/aimslint.json` makes the folder.
    mkdirSync(dirname(path), { recursive: true });
    replaceFileAtomicallyFrom(path, chunks);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot write ${path}: ${code === 'ENOSPC' ? 'the disk is full (ENOSPC)' : code === 'EACCES' ? 'permission denied (EACCES)' : (error as Error).message}`);
  }}

function explain(ruleId: string | undefined): string {
  if (ruleId === undefined) {
    const width = Math.max(...RULES.map((rule) => rule.id.length));
    return `${RULES.map((rule) => `${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(5)}  ${rule.description}`).join('\n')}\n`;
  }
  const rule = ruleById(ruleId);
  if (!rule) throw new UsageError(`unknown rule "${ruleId}"; \`aimslint explain\` lists the rules`);
  return [
    rule.id,
    '',
    rule.description,
    '',
    `default severity: ${rule.defaultSeverity}`,
    `kind:             ${rule.kind === 'document' ? 'document rule (checks one file)' : 'repository rule (checks across documents)'}`,
    `serves:           ${rule.serves.join(', ')}`,
    `docs:             ${DOCS_BASE_URL}/${rule.id}.md`,
    '',
  ].join('\n');
}

function useColor(values: { color?: boolean | undefined; 'no-color'?: boolean | undefined }, io: CliIo): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return io.stdout.isTTY === true;
}

const REPORT_RENDERERS: Readonly<Record<string, (result: LintResult, linkBase: string | undefined) => Iterable<string>>> = {
  markdown: (result, linkBase) => [renderReportMarkdown(buildReport(result), linkBase === undefined ? {} : { linkBase })],
  html: (result, linkBase) => renderReportHtmlChunks(buildReport(result), linkBase === undefined ? {} : { linkBase }),
  json: (result) => prettyJsonChunks(buildReport(result)),
  csv: (result) => [renderReportCsv(buildReport(result))],
};

/** Chunks to a stream, gathered into pieces; a full pipe is waited for, not buffered without bound. */
async function writeStream(stream: CliIo['stdout'], chunks: Iterable<string>): Promise<void> {
  for (const piece of batched(chunks)) {
    if (stream.write(piece) === false && stream.once) await new Promise<void>((drained) => stream.once?.('drain', drained));
  }
}

async function writeOutput(io: CliIo, outputFile: string | undefined, chunks: Iterable<string>): Promise<void> {
  // Opening /dev/stdout fails (ENXIO) when it is a socket, as under many process managers: write to the stream itself.
  if (outputFile === undefined || outputFile === '-' || outputFile === '/dev/stdout') await writeStream(io.stdout, chunks);
  else writeFileAtomic(checkedOutputPath(io.cwd, outputFile), chunks);
}

/**
 * A report path inside the working folder must stay there once links are
 * resolved: a checkout can commit `reports -> /home/runner/.ssh`, and the
 * workflow that names `-o reports/aimslint.sarif` did not mean that. A path
 * named outside the folder is the caller's own choice.
 */
function checkedOutputPath(cwd: string, outputFile: string): string {
  const path = resolve(cwd, outputFile);
  if (isInside(cwd, path) && !isReallyInside(cwd, dirname(path))) throw new UsageError(`cannot write ${outputFile}: a symbolic link on the way leads outside ${cwd}`);
  return path;
}

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

/** What `--suppress-all`, `--suppress-rule` and `--prune-suppressions` ask of the suppressions file. */
function suppressionsUpdate(values: Values): { suppress?: 'all' | string[]; prune?: boolean } | undefined {
  const rules = values['suppress-rule'] ?? [];
  for (const id of rules) if (!ruleById(id)) throw new UsageError(`--suppress-rule: unknown rule "${id}"; \`aimslint explain\` lists the rules`);
  const suppress = values['suppress-all'] ? 'all' : rules.length > 0 ? rules : undefined;
  if (suppress === undefined && !values['prune-suppressions']) return undefined;
  return { ...(suppress === undefined ? {} : { suppress }), ...(values['prune-suppressions'] ? { prune: true } : {}) };
}

function lintOptions(values: Values, paths: string[], io: CliIo): Parameters<typeof lint>[0] {
  const update = suppressionsUpdate(values);
  return {
    ...(update === undefined ? {} : { suppressionsUpdate: update }),
    ...(values['suppressions-location'] === undefined ? {} : { suppressionsLocation: values['suppressions-location'] }),
    cwd: io.cwd,
    paths: paths.map((path) => commandLinePath(io.cwd, path)),
    configFile: values.config,
    ruleOverrides: parseRuleOverrides(values.rule ?? []),
    now: values.now,
    cache: values.cache === true || values['cache-location'] !== undefined,
    cacheLocation: values['cache-location'],
    workers: io.workerUrl === undefined ? 0 : parseWorkers(values.workers),
    workerUrl: io.workerUrl,
    changedSince: values['changed-since'],
    withDependents: values['with-dependents'] === true,
    maxRunSeconds: parseMaxRunSeconds(values['max-run-seconds']),
    onTimeout: io.onTimeout,
  };
}

function lintRepository(values: Values, paths: string[], io: CliIo): Promise<LintResult> {
  return lint(lintOptions(values, paths, io));
}

/** Lint (a gate needs the findings, not the index), or with --fix/--fix-dry-run fix and report what is left (ESLint's semantics). */
async function lintOrFix(values: Values, paths: string[], io: CliIo): Promise<FindingsResult> {
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together: choose one');
  if (!values.fix && !values['fix-dry-run']) return lintFindings(lintOptions(values, paths, io));
  return (await lintAndFix(lintOptions(values, paths, io), { write: values.fix === true })).result;
}

function parseMaxRunSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!/^\d+$/.test(value) || seconds < 1) throw new UsageError(`--max-run-seconds must be a whole number of seconds, at least 1, got "${value}"`);
  return seconds;
}

/** `aimslint report`: the state of the AIMS for people. It does not gate, so it exits 0 whatever it shows. */
async function report(values: Values, paths: string[], io: CliIo): Promise<number> {
  const formatName = values.format ?? 'markdown';
  const render = REPORT_RENDERERS[formatName];
  if (!render) throw new UsageError(`unknown report format "${formatName}"; choose one of ${Object.keys(REPORT_RENDERERS).join(', ')}`);
  const result = await lintRepository(values, paths, io);
  for (const notice of result.notices) io.stderr.write(`aimslint: ${notice}\n`);
  await writeOutput(io, values['output-file'], render(result, values['link-base']));
  return 0;
}

async function lintCommand(values: Values, paths: string[], io: CliIo): Promise<number> {
  const formatName = values.format ?? 'stylish';
  const formatter = FORMAT_CHUNKS[formatName];
  if (!formatter) throw new UsageError(`unknown format "${formatName}"; choose one of ${formatterNames().join(', ')}`);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  const linted = await lintOrFix(values, paths, io);
  for (const notice of linted.notices) io.stderr.write(`aimslint: ${notice}\n`);
  if (values.timing) io.stderr.write(timingTable(linted));
  const result = values.quiet ? withoutWarnings(linted) : linted;
  const outputFile = values['output-file'];
  await writeOutput(io, outputFile, formatter(result, { color: outputFile === undefined && useColor(values, io), docsBaseUrl: DOCS_BASE_URL, toolVersion: VERSION, pathBase: io.cwd }));
  const tooManyWarnings = maxWarnings !== undefined && result.warningCount > maxWarnings;
  if (tooManyWarnings) io.stderr.write(`aimslint: ${result.warningCount} warnings, more than --max-warnings ${maxWarnings}\n`);
  return result.errorCount > 0 || tooManyWarnings ? 1 : 0;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    // Node's own wording suggests `--` tricks; say what is wrong in ours.
    const unknown = /Unknown option '([^']+)'/.exec((error as Error).message)?.[1];
    throw new UsageError(unknown ? `unknown option ${unknown}; see aimslint --help` : `${(error as Error).message.split('\n')[0]} (see aimslint --help)`);
  }
  const { values, positionals, tokens } = parsed;
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  // After `--` every word is a path (the pre-commit hook passes file names there): `report` too, and `--output-file=x`.
  const terminator = tokens.find((token) => token.kind === 'option-terminator')?.index ?? argv.length;
  const first = tokens.find((token) => token.kind === 'positional');
  const command = first !== undefined && first.index < terminator ? positionals[0] : undefined;
  const rest = positionals.slice(1);
  switch (command) {
    case 'explain':
      io.stdout.write(explain(rest[0]));
      return 0;
    case 'report':
      refuseInitOptions(values, 'report');
      return report(values, rest, io);
    case 'init': {
      if (rest.length > 1) throw new UsageError('aimslint init takes one folder');
      if (values.adopt) {
        const adopted = await adopt(io.cwd, rest[0], values.write === true);
        if (!values.write) {
          io.stdout.write(adopted.diff === '' ? 'Nothing to adopt: every Markdown file names its type, or none looks like a governance document.\n' : `${adopted.diff}\nRun \`aimslint init --adopt --write\` to apply this.\n`);
          return 0;
        }
        io.stdout.write(`Wrote ${adopted.written.length} files${adopted.written.map((path) => `\n  ${path}`).join('')}\n`);
        for (const path of adopted.skipped) io.stderr.write(`aimslint: ${path} is a symbolic link; left as it is\n`);
        return 0;
      }
      const written = init(io.cwd, rest[0], parsePreset(values.preset));
      io.stdout.write(`Wrote ${written.length} files:\n${written.map((path) => `  ${path}\n`).join('')}Run \`aimslint${rest[0] === undefined ? '' : ` ${rest[0]}`}\` to check them.\n`);
      return 0;
    }
    case 'lsp': {
      if (!values.stdio) throw new UsageError('the language server talks over standard input and output: run `aimslint lsp --stdio`');
      // Loaded only here: a lint run never pays for the server's code.
      const { startServer } = await import('./lsp/server.js');
      return startServer({ ...(values.now === undefined ? {} : { now: values.now }), ...(io.workerUrl === undefined ? {} : { workerUrl: io.workerUrl }) });
    }
    case 'lint':
      refuseInitOptions(values, 'lint');
      return lintCommand(values, rest, io);
    default:
      refuseInitOptions(values, 'lint');
      return lintCommand(values, positionals, io);
  }
}

/** `aimslint --preset model-cards` must not lint as if the preset applied: say where a preset goes. */
function refuseInitOptions(values: Values, command: string): void {
  const given = (['preset', 'adopt', 'write'] as const).find((name) => values[name] !== undefined);
  if (given === undefined) return;
  const lintWith = given === 'preset' ? `; to ${command} with a preset, put \`extends: aimslint:${values.preset ?? 'recommended'}\` in aimslint.config.yaml` : '';
  throw new UsageError(`--${given} is an option of \`aimslint init\`${lintWith}`);
}

/** The command: returns the exit status, never exits the process itself. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`aimslint: ${error.message}\n`);
    } else {
      io.stderr.write(`aimslint: internal error: ${(error as Error).stack ?? String(error)}\n`);
    }
    return 2;
  }
}
