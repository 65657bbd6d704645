import { testFixes } from '../../testing/fix-tester.js';
import { md } from '../../testing/rule-tester.js';
import rule from './broken.js';

const procedure = (id: string, body: string) => `${md`
  ---
  id: ${id}
  type: procedure
  title: Data handling
  owner: ROLE-AIMS-LEAD
  status: draft
  version: "1.0"
  ---
`}
${body}
`;

const dataset = procedure('PROC-DATA', '# Data handling\n\n## Training data sources\n\nWhere the data comes from.\n\n## Retention\n\nSeven years.');
const citing = (link: string) => procedure('PROC-MODEL', `# Model development\n\nThe data is described in ${link} (see also [retention](data.md#retention)).`);

testFixes(rule, [
  {
    name: 'a heading renamed around the old slug: the one match is linked',
    files: { 'procedures/data.md': dataset, 'procedures/model.md': citing('[the data procedure](data.md#training-data)') },
    output: { 'procedures/model.md': citing('[the data procedure](data.md#training-data-sources)') },
  },
  {
    name: 'an anchor written in another case',
    files: { 'procedures/data.md': dataset, 'procedures/model.md': citing('[the data procedure](data.md#Retention)') },
    output: { 'procedures/model.md': citing('[the data procedure](data.md#retention)') },
  },
  {
    name: 'two headings match: nothing is guessed',
    files: { 'procedures/data.md': dataset.replace('## Retention', '## Training data owners'), 'procedures/model.md': citing('[the data procedure](data.md#training-data)').replace('data.md#retention', 'data.md') },
    output: {},
    remaining: 1,
  },
  {
    name: 'a near spelling is only a suggestion',
    files: { 'procedures/data.md': dataset, 'procedures/model.md': citing('[the data procedure](data.md#retentoin)') },
    output: {},
    remaining: 1,
  },
]);
