import { defineParseProblemRule } from '../types.js';

export default defineParseProblemRule({
  id: 'file/unreadable',
  defaultSeverity: 'error',
  description: 'A file that could not be read: permissions, vanished during the run, not a regular file, or a link that leaves the repository.',
  serves: ['7.5.3'],
});
