import { describe, expect, it } from 'vitest';
import { HF_MODEL_CARD } from '../../testing/adoption-fixtures.js';
import { md, testRule } from '../../testing/rule-tester.js';
import rule, { headingKey } from './section-missing.js';

const card = (body: string) => `---\nid: MC-CREDIT\ntype: model-card\ntitle: Credit model\n---\n${body}`;
const ALL = md`
  # Credit scoring model

  ## Intended use
  ## Limitations
  ## Training data
  ## Evaluation
  ## Human oversight
`;

testRule(rule, {
  valid: [
    { name: 'all five sections', files: { 'mc.md': card(ALL) } },
    { name: 'headings match case-insensitively, setext too', files: { 'mc.md': card(ALL.replace('## Intended use', 'INTENDED USE\n------------')) } },
    { name: 'other types need no model-card sections', files: { 'p.md': '---\nid: POL-001\ntype: ai-policy\n---\n# Policy\n' } },
    { name: "the Hugging Face template's headings (Uses; Bias, Risks, and Limitations; ### Training Data under ## Training Details)", files: { 'README.md': HF_MODEL_CARD } },
    {
      name: 'numbered headings with punctuation and plurals',
      files: { 'mc.md': card('# Credit model\n\n## 1. Intended Uses\n## 2) Limitations:\n## 3.1 Training Data\n## IV. Evaluation\n## 5 Human Oversight\n') },
    },
    {
      name: "OpenAI's system-card names (Model Use, Data) and Docker's (Intended uses)",
      files: { 'mc.md': card('# Card\n\n## Model Use\n## Known limitations\n## Data\n## Evaluation results\n## Human oversight\n'), 'docker.md': card('# Card\n\n## Intended uses\n## Limitations\n## Training\n## Performance\n## Human review\n') },
    },
    {
      name: "a sub-heading under a level-2 parent that is not another required section",
      files: { 'mc.md': card('# Card\n\n## Model details\n### Intended use\n## Limitations\n## Training data\n## Evaluation\n## Human oversight\n') },
    },
    {
      name: 'aliases from the config, as a map of section to names',
      config: { rules: { 'model-card/section-missing': ['error', { sections: { 'model-card': { 'Intended use': ['What it is for'], Limitations: [] } } }] } },
      files: { 'mc.md': card('# Card\n\n## What it is for\n## Limitations\n') },
    },
    {
      name: 'a list of sections where an item is [name, ...aliases]',
      config: { rules: { 'model-card/section-missing': ['error', { sections: { 'model-card': [['Oversight by humans', 'Who watches it'], 'Uses'] } }] } },
      files: { 'mc.md': card('# Card\n\n## Who watches it\n## Intended use\n') },
    },
  ],
  invalid: [
    {
      name: 'a missing section, reported at the frontmatter',
      files: { 'mc.md': card(ALL.replace('## Limitations\n', '')) },
      errors: [{ file: 'mc.md', line: 1, column: 1, message: 'This model-card has no `## Limitations` section; add one that describes it.' }],
    },
    {
      name: 'a section at the wrong level',
      files: { 'mc.md': card(ALL.replace('## Evaluation', '### Evaluation')) },
      errors: [{ file: 'mc.md', line: 11, column: 5, message: '`Evaluation` must be a level-2 heading (`## Evaluation`), not level 3.' }],
    },
    {
      name: 'a heading inside a code block does not count',
      files: { 'mc.md': card(ALL.replace('## Human oversight', '```\n## Human oversight\n```')) },
      errors: [{ file: 'mc.md', line: 1, column: 1, messageIncludes: '`## Human oversight`' }],
    },
    {
      name: 'a sub-heading under another required section does not count',
      files: { 'mc.md': card(ALL.replace('## Evaluation\n', '').replace('## Training data', '## Training data\n### Performance')) },
      errors: [{ file: 'mc.md', line: 11, column: 5, message: '`Evaluation` must be a level-2 heading (`## Evaluation`), not level 3.' }],
    },
    {
      name: 'a heading that only looks alike does not count',
      files: { 'mc.md': card(ALL.replace('## Intended use', '## Unintended uses')) },
      errors: [{ file: 'mc.md', line: 1, column: 1, message: 'This model-card has no `## Intended use` section; add one that describes it.' }],
    },
  ],
});

describe('headingKey', () => {
  it('reads a heading by meaning', () => {
    expect(headingKey('2. Intended Uses:')).toBe('intended use');
    expect(headingKey('Bias, Risks, and Limitations')).toBe(headingKey('Bias, risks & limitations'));
    expect(headingKey('3.1 Training Data')).toBe('training data');
    expect(headingKey('Data')).toBe('data');
  });
});
