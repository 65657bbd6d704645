/**
 * Inline suppressions, ESLint-style: `<!-- aimslint-disable-next-line <rule>
 * -- <reason> -->`, `<!-- aimslint-disable <rule> -- <reason> -->` ...
 * `<!-- aimslint-enable <rule> -->` in the body, and the same as `# ...`
 * comments in the frontmatter. A suppression needs a reason; one without, or
 * one that suppresses nothing, is itself a finding.
 */
import type { Finding, IndexedDocument, SourceRange } from '../model.js';
import type { Report } from '../rules/types.js';
import { closest } from '../util/suggest.js';

const KINDS: readonly string[] = ['disable', 'enable', 'disable-next-line'];

export interface Directive {
  kind: string;
  /** Rule ids; empty means every rule. */
  rules: string[];
  reason: string | undefined;
  range: SourceRange;
  /** Written as a YAML comment in the frontmatter. */
  inFrontmatter: boolean;
}

/** How a finding was suppressed, in ESLint's `suppressedMessages` shape. */
export interface Suppression {
  /** `directive`: an inline comment; `external`: the suppressions file (baseline). */
  kind: 'directive' | 'external';
  justification: string;
}

export type SuppressedFinding = Finding & { suppressions: Suppression[] };

const YAML_DIRECTIVE = /^(\s*#\s*)(aimslint-[\w-]*.*?)\s*$/;

/** `aimslint-disable a, b -- why` → its parts. */
export function parseDirective(text: string, range: SourceRange, inFrontmatter: boolean): Directive {
  const body = text.replace(/^aimslint-/, '');
  const separator = /\s--(?:\s|$)/.exec(body);
  const head = separator ? body.slice(0, separator.index) : body;
  const reason = separator ? body.slice(separator.index + separator[0].length).trim() : '';
  const [kind = '', ...names] = head.trim().split(/[\s,]+/).filter((part) => part !== '');
  return { kind, rules: names, reason: reason === '' ? undefined : reason, range, inFrontmatter };
}

/** The directives of a document, frontmatter comments first, in line order. */
export function directivesOf(document: IndexedDocument): Directive[] {
  const fromYaml: Directive[] = [];
  const frontmatter = document.frontmatter;
  if (frontmatter) {
    frontmatter.yaml.split('\n').forEach((line, at) => {
      const match = YAML_DIRECTIVE.exec(line.replace(/\r$/, ''));
      if (!match?.[2]) return;
      const lineNumber = frontmatter.yamlStartLine + at;
      const column = (match[1]?.length ?? 0) + 1;
      fromYaml.push(parseDirective(match[2], { line: lineNumber, column, endLine: lineNumber, endColumn: column + match[2].length }, true));
    });
  }
  const fromBody = (document.directives ?? []).map((directive) => parseDirective(directive.text, directive.range, false));
  return [...fromYaml, ...fromBody];
}

/** Lines a directive covers, and whether anything used it. */
interface Scope {
  directive: Directive;
  from: number;
  to: number;
  used: boolean;
}

const covers = (scope: Scope, finding: Finding): boolean =>
  finding.range.line >= scope.from && finding.range.line <= scope.to && (scope.directive.rules.length === 0 || scope.directive.rules.includes(finding.ruleId));

function example(directive: Directive): string {
  const rules = directive.rules.length > 0 ? ` ${directive.rules.join(', ')}` : '';
  const text = `aimslint-${directive.kind}${rules} -- the reason, and who accepted it`;
  return directive.inFrontmatter ? `# ${text}` : `<!-- ${text} -->`;
}

/** A directive's problems with its wording; a directive with any does not suppress. */
function problemsOf(directive: Directive, file: string, ruleIds: readonly string[]): Report[] {
  const at = { file, range: directive.range };
  if (!KINDS.includes(directive.kind)) return [{ messageId: 'unknownKind', data: { kind: directive.kind }, ...at }];
  const unknown = directive.rules.filter((rule) => !ruleIds.includes(rule));
  if (unknown.length > 0) {
    return unknown.map((rule) => {
      const nearest = closest(rule, [...ruleIds]);
      return { messageId: 'unknownRule', data: { rule, kind: directive.kind, suggestion: nearest ? ` Did you mean \`${nearest}\`?` : '' }, ...at };
    });
  }
  if (directive.kind !== 'enable' && directive.reason === undefined) return [{ messageId: 'missingReason', data: { kind: directive.kind, example: example(directive) }, ...at }];
  return [];
}

/** The lines each well-formed disable covers; an enable with nothing open is reported. */
function scopesOf(directives: readonly Directive[], file: string, strays: Report[]): Scope[] {
  const scopes: Scope[] = [];
  const open: Scope[] = [];
  for (const directive of [...directives].sort((a, b) => a.range.line - b.range.line)) {
    if (directive.kind === 'disable-next-line') {
      const line = directive.range.endLine + 1;
      scopes.push({ directive, from: line, to: line, used: false });
    } else if (directive.kind === 'disable') {
      // A block opened in the frontmatter covers the file from its first line, where file-wide findings are reported.
      const scope = { directive, from: directive.inFrontmatter ? 1 : directive.range.line, to: Number.POSITIVE_INFINITY, used: false };
      scopes.push(scope);
      open.push(scope);
    } else {
      const ends = open.filter((scope) => directive.rules.length === 0 || scope.directive.rules.length === 0 || scope.directive.rules.some((rule) => directive.rules.includes(rule)));
      if (ends.length === 0) strays.push({ messageId: 'strayEnable', data: {}, file, range: directive.range });
      for (const scope of ends) {
        scope.to = directive.range.line;
        open.splice(open.indexOf(scope), 1);
      }
    }
  }
  return scopes;
}

export interface SuppressionOutcome {
  kept: Finding[];
  suppressed: SuppressedFinding[];
  /** Problems with the directives themselves, as reports of suppression/invalid. */
  invalid: Report[];
  /** Directives that suppressed nothing, as reports of suppression/unused. */
  unused: Report[];
}

/**
 * Apply a file's directives to its findings. `ruleIds` are every rule aimslint
 * has; `activeIds` those that ran: a directive for a rule that is off is not
 * called unused (nothing could have been found).
 */
export function applyDirectives(findings: readonly Finding[], directives: readonly Directive[], file: string, ruleIds: readonly string[], activeIds: ReadonlySet<string>): SuppressionOutcome {
  const invalid: Report[] = [];
  const wellFormed = directives.filter((directive) => {
    const problems = problemsOf(directive, file, ruleIds);
    invalid.push(...problems);
    return problems.length === 0;
  });
  const scopes = scopesOf(wellFormed, file, invalid).filter((scope) => scope.directive.kind !== 'enable');
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const scope = scopes.find((candidate) => covers(candidate, finding));
    if (!scope) {
      kept.push(finding);
      continue;
    }
    scope.used = true;
    suppressed.push({ ...finding, suppressions: [{ kind: 'directive', justification: scope.directive.reason ?? '' }] });
  }
  const unused = scopes
    .filter((scope) => !scope.used && (scope.directive.rules.length === 0 || scope.directive.rules.some((rule) => activeIds.has(rule))))
    .map((scope): Report => ({
      messageId: 'unused',
      data: {
        kind: scope.directive.kind,
        rules: scope.directive.rules.length === 0 ? 'no rule' : scope.directive.rules.map((rule) => `\`${rule}\``).join(', '),
        where: scope.directive.kind === 'disable-next-line' ? 'on the next line' : 'in the lines it covers',
      },
      file,
      range: scope.directive.range,
    }));
  return { kept, suppressed, invalid, unused };
}
