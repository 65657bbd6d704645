import type { Finding, Severity } from '../../model.js';
import { defineRepositoryRule } from '../types.js';

export const TOO_MANY_FINDINGS = 'file/too-many-findings';

/**
 * The engine writes this finding itself when it caps a file's findings at
 * `limits.maxFindingsPerFile` (see `capFindings`); the rule exists so that the
 * id can be explained, configured and listed in SARIF.
 */
export default defineRepositoryRule({
  id: TOO_MANY_FINDINGS,
  defaultSeverity: 'warn',
  description: 'A file with more findings than `limits.maxFindingsPerFile`: the rest are not shown, and this says how many.',
  serves: ['7.5.3'],
  messages: { problem: '{{problem}}' },
  check: () => [],
});

/**
 * Keep `findings` (already sorted) within `max`, errors before warnings so a
 * cut never hides an error behind warnings, adding one finding that says how
 * many were left out, at the first one left out. `severity` null (the rule is
 * off) drops the rest silently. Counts of errors are taken before the cut.
 */
export function capFindings(findings: Finding[], max: number, severity: Severity | null = 'warn'): Finding[] {
  if (findings.length <= max) return findings;
  const errorsFirst = [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity !== 'error')];
  const keptSet = new Set(errorsFirst.slice(0, max));
  const kept = findings.filter((finding) => keptSet.has(finding));
  const first = findings.find((finding) => !keptSet.has(finding));
  if (severity === null || first === undefined) return kept;
  kept.push({
    ruleId: TOO_MANY_FINDINGS,
    severity,
    message: `${findings.length - max} more findings in this file are not shown (\`limits.maxFindingsPerFile\` is ${max}).`,
    file: first.file,
    range: first.range,
  });
  return kept;
}
