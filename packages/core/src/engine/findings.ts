import type { Finding, Severity, SeveritySetting } from '../model.js';
import type { RuleSetting } from '../config/types.js';
import { formatMessage, type Report, type Rule } from '../rules/types.js';

export function severityOf(setting: RuleSetting | undefined, fallback: SeveritySetting): SeveritySetting {
  if (setting === undefined) return fallback;
  return Array.isArray(setting) ? setting[0] : setting;
}

export function optionsOf(setting: RuleSetting | undefined): Record<string, unknown> {
  return Array.isArray(setting) ? (setting[1] ?? {}) : {};
}

/** A rule's report, completed into a finding. */
export function toFinding(rule: Rule, report: Report, severity: Severity): Finding {
  const template = rule.messages[report.messageId];
  const finding: Finding = {
    ruleId: rule.id,
    severity: report.severity ?? severity,
    message: template === undefined ? report.messageId : formatMessage(template, report.data),
    file: report.file,
    range: report.range,
  };
  if (report.hint !== undefined) finding.hint = report.hint;
  if (report.related !== undefined && report.related.length > 0) finding.related = report.related;
  const fix = rule.fixable === 'code' && report.fix !== undefined && report.fix.length > 0 ? report.fix : undefined;
  const suggestions = report.suggestions?.filter((suggestion) => suggestion.edits.length > 0);
  if (fix || (suggestions && suggestions.length > 0)) {
    finding.proposed = { ...(fix ? { fix } : {}), ...(suggestions && suggestions.length > 0 ? { suggestions } : {}) };
  }
  return finding;
}

/** Report order: by file and position, then rule; ties keep the order the rule reported them in (a stable sort). */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.range.line - b.range.line || a.range.column - b.range.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
