import { defineParseProblemRule } from '../types.js';

export default defineParseProblemRule({
  id: 'file/too-large',
  defaultSeverity: 'warn',
  description: 'A file larger than `limits.maxFileBytes`: skipped unread, never handed to the YAML or Markdown parser.',
  serves: ['7.5.3'],
});
