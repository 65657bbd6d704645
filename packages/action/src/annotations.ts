import { isRootCause, type Finding, type FindingsResult } from '@aimslint/core';

/** GitHub shows at most this many error and this many warning annotations per step. */
export const ANNOTATIONS_PER_LEVEL = 10;

/**
 * A document aimslint could not read, parse or type comes first: fixing it
 * may clear other findings. Then SoA and evidence problems, what an auditor
 * asks about first; the rest follow in file order.
 */
const importance = (finding: Finding): number => (finding.severity === 'error' ? 0 : 3) + (isRootCause(finding) ? 0 : finding.ruleId.startsWith('soa/') ? 1 : 2);

/** Every finding, most important first: errors before warnings, root causes then SoA problems first within each. */
export function findingsByImportance(result: FindingsResult): Finding[] {
  // Array.prototype.sort is stable: equal importance keeps the engine's file and line order.
  return result.files.flatMap((file) => file.findings).sort((a, b) => importance(a) - importance(b));
}

export interface AnnotationPlan {
  /** At most ANNOTATIONS_PER_LEVEL of each severity, in order of importance. */
  shown: Finding[];
  hiddenErrors: number;
  hiddenWarnings: number;
}

/** Choose the annotations ourselves rather than let GitHub drop whatever comes after the tenth. */
export function planAnnotations(result: FindingsResult): AnnotationPlan {
  const ordered = findingsByImportance(result);
  const errors = ordered.filter((finding) => finding.severity === 'error');
  const warnings = ordered.filter((finding) => finding.severity === 'warn');
  return {
    shown: [...errors.slice(0, ANNOTATIONS_PER_LEVEL), ...warnings.slice(0, ANNOTATIONS_PER_LEVEL)],
    hiddenErrors: Math.max(0, errors.length - ANNOTATIONS_PER_LEVEL),
    hiddenWarnings: Math.max(0, warnings.length - ANNOTATIONS_PER_LEVEL),
  };
}
