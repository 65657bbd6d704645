import { describe, expect, it } from 'vitest';
import { builtinSchemas } from '../../schemas/index.js';
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

  it('where unknown keys are allowed, a near miss of a defined key is still a warning', async () => {
    const result = await lintFiles({ [card]: cardWith('model_verison: "2.0"'), 'aimslint.config.json': JSON.stringify({ rules: { 'ref/unresolved': 'off' } }) }, { paths: [card] });
    const findings = result.files.flatMap((file) => file.findings).filter((finding) => finding.ruleId === 'schema/invalid');
    expect(findings.map((finding) => [finding.severity, finding.range.line, finding.message])).toEqual([['warn', 9, '`model_verison` is not a field of a document of type `model-card`. Did you mean `model_version`?']]);
  });

  it('refuses a policy that is not error, warn or allow', async () => {
    await expect(lintFiles({ [policy]: withKey('department'), 'aimslint.config.json': JSON.stringify({ unknownKeys: { 'ai-policy': 'ignore' } }) })).rejects.toThrow('"unknownKeys" must map document types to "error", "warn" or "allow"');
  });
});

/** The README's recipe: copy the built-in model-card schema, relax the id pattern, require an extension field. */
function relaxedModelCardSchema(): string {
  const schema = JSON.parse(JSON.stringify(builtinSchemas['model-card'])) as { properties: Record<string, { pattern?: string }>; required: string[] };
  schema.properties['id'] = { ...schema.properties['id'], pattern: '^[A-Z][A-Z0-9]*(-[A-Za-z0-9.]+)+$' };
  schema.required.push('x-team');
  return JSON.stringify(schema);
}

describe('extending a built-in schema through `types`', () => {
  const cardPath = 'models/alice/README.md';
  const card = (extra: string) => HF_MODEL_CARD.replace('id: MC-TRANSLATE-DE-EN', `id: ALICE-MC-v1.0.0${extra}`);
  const lintCard = async (text: string, withSchema: boolean) => {
    const files: Record<string, string> = { [cardPath]: text, 'aimslint.config.json': JSON.stringify({ ...(withSchema ? { types: { 'model-card': 'schemas/model-card.schema.json' } } : {}), rules: { 'ref/unresolved': 'off' } }) };
    if (withSchema) files['schemas/model-card.schema.json'] = relaxedModelCardSchema();
    const result = await lintFiles(files, { paths: [cardPath] });
    return result.files.flatMap((file) => file.findings).filter((finding) => finding.ruleId === 'schema/invalid').map((finding) => finding.message);
  };

  it('the built-in schema rejects an id such as ALICE-MC-v1.0.0', async () => {
    expect(await lintCard(card('\nx-team: ml-platform'), false)).toEqual([expect.stringContaining('`id` is not in the required form')]);
  });

  it('the copied, relaxed schema accepts it and requires its own field', async () => {
    expect(await lintCard(card('\nx-team: ml-platform'), true)).toEqual([]);
    expect(await lintCard(card(''), true)).toEqual(['`x-team` is missing from the frontmatter: add it.']);
  });
});
