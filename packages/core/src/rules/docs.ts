import type { Rule } from './types.js';

const KIND_WORDS = {
  document: 'document rule: checks each file on its own (cached, parallel)',
  repository: 'repository rule: checks across documents (always run on the whole repository)',
} as const;

/** A rule's documentation page, from its metadata: what it finds, why, and what it says. */
export function renderRuleDoc(rule: Rule): string {
  const messages = Object.entries(rule.messages).map(([id, template]) => `- \`${id}\`: ${template}`);
  return [
    `# ${rule.id}`,
    '',
    rule.description,
    '',
    `- Default severity: **${rule.defaultSeverity}**`,
    `- Kind: ${KIND_WORDS[rule.kind]}`,
    `- Serves: ${rule.serves.join(', ')} (ISO/IEC 42001:2023 clauses and Annex A controls)`,
    ...(rule.fixable ? ['- Fixable: `aimslint --fix` corrects some of its findings without changing their meaning (`--fix-dry-run` shows how)'] : []),
    `- Turn it off or down: \`rules: { "${rule.id}": "off" }\` in the config, or \`--rule ${rule.id}=warn\``,
    `- Examples of what it reports and what it accepts: the test file beside the rule, \`packages/core/src/rules/${rule.id}.test.ts\` (or the test of its area)`,
    '',
    '## Messages',
    '',
    'Placeholders in `{{braces}}` are filled with the ids, paths and values of the finding.',
    '',
    ...messages,
    '',
  ].join('\n');
}

/** The table of all rules. */
export function renderRuleIndex(rules: readonly Rule[]): string {
  const rows = rules.map((rule) => `| [\`${rule.id}\`](${rule.id}.md) | ${rule.defaultSeverity} | ${rule.kind} | ${rule.description.replace(/\|/g, '\\|')} | ${rule.serves.join(', ')} |`);
  return [
    '# Rules',
    '',
    'Generated from the rules themselves by `node scripts/generate-rule-docs.mjs`; `aimslint explain <rule-id>` prints the same.',
    '',
    '| rule | default | kind | finds | serves |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
