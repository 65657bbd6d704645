import { md, testRule } from '../../testing/rule-tester.js';
import rule from './type-unknown.js';

testRule(rule, {
  valid: [
    { name: 'a known type', files: { 'aims/policy.md': '---\nid: POL-001\ntype: ai-policy\n---\n' } },
    { name: 'frontmatter without type outside governance folders is not a governance document', files: { 'docs/blog.md': '---\ntitle: Hello\n---\n' } },
    { name: 'a type assigned by the config', config: { assign: [{ files: 'cards/**', type: 'dataset-card' }] }, files: { 'cards/imdb.md': '---\nlicense: mit\n---\n' } },
    {
      name: 'a custom type declared in the config',
      config: { types: { 'vendor-questionnaire': 'vq.schema.json' } },
      files: { 'vq.schema.json': '{"type": "object"}', 'vendors/acme.md': '---\ntype: vendor-questionnaire\n---\n' },
    },
  ],
  invalid: [
    {
      name: 'a misspelt type, with a suggestion',
      files: { 'systems/credit/model.md': md`
        ---
        id: MC-CREDIT
        type: model-crad
        ---
      ` },
      errors: [{ file: 'systems/credit/model.md', line: 3, column: 7, endColumn: 17, messageIncludes: '`type: model-crad` is not a known document type. Did you mean `model-card`?' }],
    },
    {
      name: 'a governance-folder document without a type',
      config: { governance: ['aims'] },
      files: { 'aims/policy.md': '---\nid: POL-001\n---\n' },
      errors: [{ file: 'aims/policy.md', line: 1, column: 1, messageIncludes: 'has no `type`' }],
    },
    {
      name: 'a type that is not text',
      files: { 'aims/policy.md': '---\ntype: [ai-policy]\n---\n' },
      errors: [{ file: 'aims/policy.md', line: 2, column: 7, messageIncludes: 'written as text' }],
    },
  ],
});
