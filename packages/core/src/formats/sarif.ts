import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { ActiveRule, FindingsResult } from '../engine/lint.js';
import type { Finding, RelatedLocation, Severity, SourceRange } from '../model.js';
import type { SuppressedFinding } from '../engine/suppressions.js';
import { LazyArray, prettyJsonChunks } from '../util/chunks.js';
import { joined, pathFor, type ChunkFormatter, type FormatOptions } from './types.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/aimslint/aimslint';
/** Every location is relative to this base, so the report does not depend on where the repository was checked out. */
const SRCROOT = '%SRCROOT%';
/** Versioned, so a future change of the hashed fields starts new fingerprints instead of silently mixing them. */
const FINGERPRINT_KEY = 'aimslintFindingHash/v1';

const levelOf = (severity: Severity): 'error' | 'warning' => (severity === 'error' ? 'error' : 'warning');

function region(range: SourceRange) {
  // The schema demands positive numbers; a finding never carries less than 1, this keeps a slip from invalidating the whole report.
  const atLeastOne = (n: number) => Math.max(1, n);
  return { startLine: atLeastOne(range.line), startColumn: atLeastOne(range.column), endLine: atLeastOne(range.endLine), endColumn: atLeastOne(range.endColumn) };
}

/** A repository-relative path as a relative URI reference: `#`, `?` and spaces in names must not change its meaning. */
const relativeUri = (file: string): string => file.split('/').map(encodeURIComponent).join('/');

function physicalLocation(file: string, range: SourceRange) {
  return { artifactLocation: { uri: relativeUri(file), uriBaseId: SRCROOT }, region: region(range) };
}

function relatedLocations(related: readonly RelatedLocation[], pathOf: (file: string) => string) {
  return related.map((location, id) => ({ id, physicalLocation: physicalLocation(pathOf(location.file), location.range), message: { text: location.message } }));
}

function ruleDescriptor({ rule, severity }: ActiveRule, docsBaseUrl: string) {
  const area = rule.id.split('/')[0] ?? rule.id;
  const serves = rule.serves.length > 0 ? ` Serves ISO/IEC 42001 ${rule.serves.join(', ')}.` : '';
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description}${serves}` },
    helpUri: `${docsBaseUrl}/${rule.id}.md`,
    defaultConfiguration: { level: levelOf(severity) },
    properties: { tags: ['iso42001', area, ...rule.serves] },
  };
}

/**
 * Code scanning matches alerts across runs by fingerprint. Lines move when a
 * document is edited, so the hash leaves them out; the occurrence number keeps
 * two identical findings in one file apart.
 */
function fingerprinter(): (finding: Finding) => string {
  const seen = new Map<string, number>();
  return (finding) => {
    const key = [finding.ruleId, finding.file, finding.message].join('\u0000');
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return `${createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex')}:${occurrence}`;
  };
}

/** The file URI of the repository root, with the trailing slash SARIF requires of a base. */
export function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** SARIF's suppression kinds: a comment in the file, or the suppressions file beside it. */
const SARIF_SUPPRESSION_KIND = { directive: 'inSource', external: 'external' } as const;

/**
 * The results, made one at a time. Findings come grouped by file and the
 * fingerprint's key holds the file, so occurrences are counted per file: the
 * same numbers as counting over the run, without a map of every finding. A
 * file's suppressed findings come after its others, so the fingerprints of
 * the others do not move.
 */
function* results(files: FindingsResult['files'], ruleIndexOf: ReadonlyMap<string, number>, pathOf: (file: string) => string) {
  for (const file of files) {
    const fingerprintOf = fingerprinter();
    const findings: Iterable<Finding | SuppressedFinding> = file.suppressed?.length ? [...file.findings, ...file.suppressed] : file.findings;
    for (const finding of findings) {
      const ruleIndex = ruleIndexOf.get(finding.ruleId);
      yield {
        ruleId: finding.ruleId,
        ...(ruleIndex === undefined ? {} : { ruleIndex }),
        level: levelOf(finding.severity),
        message: { text: finding.message },
        locations: [{ physicalLocation: physicalLocation(pathOf(finding.file), finding.range) }],
        ...(finding.related && finding.related.length > 0 ? { relatedLocations: relatedLocations(finding.related, pathOf) } : {}),
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf(finding) },
        ...('suppressions' in finding ? { suppressions: finding.suppressions.map(({ kind, justification }) => ({ kind: SARIF_SUPPRESSION_KIND[kind], justification })) } : {}),
      };
    }
  }
}

/** SARIF 2.1.0 with one run, as GitHub code scanning accepts it; written one result at a time. */
export const sarifChunks: ChunkFormatter = (result, options: FormatOptions) => {
  const ruleIndexOf = new Map(result.rules.map(({ rule }, index) => [rule.id, index]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'aimslint',
          version: options.toolVersion,
          semanticVersion: options.toolVersion,
          informationUri: INFORMATION_URI,
          rules: result.rules.map((active) => ruleDescriptor(active, options.docsBaseUrl)),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: rootUri(options.pathBase ?? result.root) } },
      // Our columns count UTF-16 code units, as editors and GitHub do.
      columnKind: 'utf16CodeUnits',
      results: new LazyArray(results(result.files, ruleIndexOf, (file) => pathFor(result, options, file))),
    }],
  };
  return prettyJsonChunks(log);
};

export const sarif = joined(sarifChunks);
