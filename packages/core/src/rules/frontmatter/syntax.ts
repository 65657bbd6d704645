import { defineParseProblemRule } from '../types.js';

export default defineParseProblemRule({
  id: 'frontmatter/syntax',
  defaultSeverity: 'error',
  description: 'Frontmatter that is not valid YAML: syntax errors, duplicate keys, alias abuse, or another language such as `---js`.',
  serves: ['7.5.2'],
});
