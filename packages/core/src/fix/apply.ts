import type { Fix } from '../model.js';

/**
 * Apply fixes to one file's text as ESLint does: in order of position, a fix
 * that overlaps or touches one already applied waits for the next pass (its
 * finding is then looked at afresh). The same fix proposed by several
 * findings is applied once.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { output: string; applied: number } {
  const unique = new Map<string, Fix>();
  for (const fix of fixes) unique.set(`${fix.range[0]}:${fix.range[1]}:${fix.text}`, fix);
  const sorted = [...unique.values()].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let lastEnd = -1;
  let applied = 0;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start <= lastEnd || start < 0 || end > text.length) continue;
    output += text.slice(Math.max(lastEnd, 0), start) + fix.text;
    lastEnd = end;
    applied++;
  }
  return { output: output + text.slice(Math.max(lastEnd, 0)), applied };
}
