import { defineParseProblemRule } from '../types.js';

export default defineParseProblemRule({
  id: 'file/encoding',
  defaultSeverity: 'error',
  description: 'A Markdown file that is not UTF-8 text (binary, UTF-16, invalid bytes), so it cannot be checked.',
  serves: ['7.5.3'],
});
