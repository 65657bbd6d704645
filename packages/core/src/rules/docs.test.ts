import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRuleDoc, renderRuleIndex } from './docs.js';
import { RULES } from './index.js';

const DOCS = new URL('../../../../docs/rules/', import.meta.url);

describe('rule documentation', () => {
  it('every rule has an id, a severity, a description, what it serves and message templates', () => {
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z-]+\/[a-z-]+$/);
      expect(['error', 'warn']).toContain(rule.defaultSeverity);
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.serves.length).toBeGreaterThan(0);
      expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    }
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
  });

  it('the committed pages are what the rules say (run node scripts/generate-rule-docs.mjs after pnpm build)', () => {
    for (const rule of RULES) expect(readFileSync(new URL(`${rule.id}.md`, DOCS), 'utf8')).toBe(renderRuleDoc(rule));
    expect(readFileSync(new URL('README.md', DOCS), 'utf8')).toBe(renderRuleIndex(RULES));
  });
});
