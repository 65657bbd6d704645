import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DOCS_BASE_URL,
  FORMATTERS,
  RULES,
  UsageError,
  VERSION,
  buildReport,
  commandLinePath,
  formatterNames,
  lint,
  renderReportHtml,
  renderReportMarkdown,
  replaceFileAtomically,
  ruleById,
  type LintResult,
  type SeveritySetting,
} from '@aimslint/core';

export interface CliIo {
  cwd: string;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  /** The parsing-worker entry (the CLI bundle itself); without it, parsing stays on this thread. */
  workerUrl?: URL;
}

const HELP = `Usage: aimslint [lint] [paths...] [options]
       aimslint report [paths...] [--format markdown|html|json] [-o file] [--link-base url]
       aimslint explain [rule-id]

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
  --workers <n|auto>       parsing threads (default auto: the cores, for big repositories)
  --changed-since <ref>    report only files changed since a git ref (and the files they affect)
  --with-dependents        also report the files whose findings depend on the paths given (links, ids, SoA evidence)
  --link-base <url>        report: prefix for document links (e.g. https://github.com/org/repo/blob/main/)
  --timing                 print where the time went (phases and repository rules) to stderr
  --quiet                  report errors only
  --color, --no-color      force colours on or off
  -h, --help               show this help
  -v, --version            show the version

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
  'cache-location': { type: 'string' },
  workers: { type: 'string' },
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
function timingTable(result: LintResult): string {
  const rows = Object.entries(result.stats.timings).sort((a, b) => b[1] - a[1]).slice(0, 12);
  const width = Math.max(...rows.map(([name]) => name.length), 5);
  const lines = rows.map(([name, ms]) => `${name.padEnd(width)}  ${ms.toFixed(1).padStart(8)} ms`);
  const { files, fromCache, workers } = result.stats;
  return `${lines.join('\n')}\n${'total'.padEnd(width)}  ${result.durationMs.toFixed(1).padStart(8)} ms  (${files} files, ${fromCache} from cache, ${workers} worker threads)\n`;
}

/** Only errors: for --quiet. */
function withoutWarnings(result: LintResult): LintResult {
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

/** Write atomically: a reader never sees half a report, a failure leaves nothing behind. */
export function writeFileAtomic(path: string, text: string): void {
  if (isSpecialFile(path)) {
    try {
      writeFileSync(path, text);
      return;
    } catch (error) {
      throw new UsageError(`cannot write ${path}: ${(error as Error).message}`);
    }
  }
  try {
    // As ESLint does: `-o reports/aimslint.json` makes the folder.
    mkdirSync(dirname(path), { recursive: true });
    replaceFileAtomically(path, text);
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

const REPORT_RENDERERS: Readonly<Record<string, (result: LintResult, linkBase: string | undefined) => string>> = {
  markdown: (result, linkBase) => renderReportMarkdown(buildReport(result), linkBase === undefined ? {} : { linkBase }),
  html: (result, linkBase) => renderReportHtml(buildReport(result), linkBase === undefined ? {} : { linkBase }),
  json: (result) => `${JSON.stringify(buildReport(result), null, 2)}\n`,
};

function writeOutput(io: CliIo, outputFile: string | undefined, text: string): void {
  // Opening /dev/stdout fails (ENXIO) when it is a socket, as under many process managers: write to the stream itself.
  if (outputFile === undefined || outputFile === '-' || outputFile === '/dev/stdout') io.stdout.write(text);
  else writeFileAtomic(resolve(io.cwd, outputFile), text);
}

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

function lintRepository(values: Values, paths: string[], io: CliIo): Promise<LintResult> {
  return lint({
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
  });
}

/** `aimslint report`: the state of the AIMS for people. It does not gate, so it exits 0 whatever it shows. */
async function report(values: Values, paths: string[], io: CliIo): Promise<number> {
  const formatName = values.format ?? 'markdown';
  const render = REPORT_RENDERERS[formatName];
  if (!render) throw new UsageError(`unknown report format "${formatName}"; choose one of ${Object.keys(REPORT_RENDERERS).join(', ')}`);
  const result = await lintRepository(values, paths, io);
  for (const notice of result.notices) io.stderr.write(`aimslint: ${notice}\n`);
  writeOutput(io, values['output-file'], render(result, values['link-base']));
  return 0;
}

async function lintCommand(values: Values, paths: string[], io: CliIo): Promise<number> {
  const formatName = values.format ?? 'stylish';
  const formatter = FORMATTERS[formatName];
  if (!formatter) throw new UsageError(`unknown format "${formatName}"; choose one of ${formatterNames().join(', ')}`);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  const linted = await lintRepository(values, paths, io);
  for (const notice of linted.notices) io.stderr.write(`aimslint: ${notice}\n`);
  if (values.timing) io.stderr.write(timingTable(linted));
  const result = values.quiet ? withoutWarnings(linted) : linted;
  const outputFile = values['output-file'];
  writeOutput(io, outputFile, formatter(result, { color: outputFile === undefined && useColor(values, io), docsBaseUrl: DOCS_BASE_URL, toolVersion: VERSION, pathBase: io.cwd }));
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
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  // After `--` every word is a path, even `report` or `--output-file=README.md` (the pre-commit hook ends its options so).
  const terminator = parsed.tokens.find((token) => token.kind === 'option-terminator')?.index ?? Infinity;
  const firstPositional = parsed.tokens.find((token) => token.kind === 'positional')?.index ?? Infinity;
  const command = firstPositional < terminator ? positionals[0] : undefined;
  const rest = positionals.slice(1);
  switch (command) {
    case 'explain':
      io.stdout.write(explain(rest[0]));
      return 0;
    case 'report':
      return report(values, rest, io);
    case 'lint':
      return lintCommand(values, rest, io);
    default:
      return lintCommand(values, positionals, io);
  }
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
