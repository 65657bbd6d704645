import { describe, expect, it } from 'vitest';
import { HF_MODEL_CARD } from '../../testing/adoption-fixtures.js';
import { lintFiles } from '../../testing/lint-files.js';
import { md, testRule } from '../../testing/rule-tester.js';
import rule from './invalid.js';

const card = 'models/translate-de-en/README.md';
const policy = 'aims/ai-policy.md';

const withKey = (key: string) => md`
  ---
  id: POL-001
  type: ai-policy
  title: AI policy
  owner: ROLE-AIMS-LEAD
  status: draft
  version: "1.0"
  ${key}: yes
  ---
  # AI policy
`;

/** The Hugging Face card with one more top-level key after `system`. */
const cardWith = (line: string) => HF_MODEL_CARD.replace('system: AIS-TRANSLATE\n', `system: AIS-TRANSLATE\n${line}\n`);

testRule(rule, {
  valid: [
    { name: 'Hugging Face Hub metadata in a model card, `datasets` naming a Hub dataset', files: { [card]: HF_MODEL_CARD } },
    { name: "a template kit's own key in a model card (allowed by default)", files: { [card]: cardWith('template_version: 3') } },
    { name: 'Hub metadata is never a finding, even when the card type is strict', config: { unknownKeys: { 'model-card': 'error' } }, files: { [card]: HF_MODEL_CARD } },
    { name: 'an `x-` key is always allowed, also in a policy', files: { [policy]: withKey('x-sharepoint-id') } },
    { name: 'unknown keys allowed in policies by the config', config: { unknownKeys: { 'ai-policy': 'allow' } }, files: { [policy]: withKey('department') } },
  ],
  invalid: [
    {
      name: 'an unknown key in a policy is an error by default',
      files: { [policy]: withKey('department') },
      errors: [{ file: policy, line: 8, column: 1, endColumn: 11, message: '`department` is not a field of a document of type `ai-policy`.' }],
    },
    {
      name: "a card's own key when the config makes model cards strict",
      config: { unknownKeys: { 'model-card': 'error' } },
      files: { [card]: cardWith('template_version: 3') },
      errors: [{ file: card, line: 9, column: 1, message: '`template_version` is not a field of a document of type `model-card`.' }],
    },
  ],
});

describe('unknownKeys: warn', () => {
  it('reports an unknown key as a warning even though schema/invalid is an error', async () => {
    const result = await lintFiles({ [policy]: withKey('department'), 'aimslint.config.json': JSON.stringify({ unknownKeys: { 'ai-policy': 'warn' }, rules: { 'ref/unresolved': 'off' } }) }, { paths: [policy] });
    const findings = result.files.flatMap((file) => file.findings).filter((finding) => finding.ruleId === 'schema/invalid');
    expect(findings.map((finding) => [finding.severity, finding.range.line, finding.message])).toEqual([['warn', 8, '`department` is not a field of a document of type `ai-policy`.']]);
  });

  it('refuses a policy that is not error, warn or allow', async () => {
    await expect(lintFiles({ [policy]: withKey('department'), 'aimslint.config.json': JSON.stringify({ unknownKeys: { 'ai-policy': 'ignore' } }) })).rejects.toThrow('"unknownKeys" must map document types to "error", "warn" or "allow"');
  });
});
