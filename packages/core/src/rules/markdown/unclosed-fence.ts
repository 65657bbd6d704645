import { lineStartsOf, rangeOf } from '../../parse/text.js';
import { bodyStartOf, fencedBlocks } from '../content/code-spans.js';
import { defineDocumentRule, type Report } from '../types.js';

export default defineDocumentRule({
  id: 'markdown/unclosed-fence',
  defaultSeverity: 'error',
  description: 'A code block (``` or ~~~) that is never closed: GitHub shows the rest of the document as code, and no heading, link or table after it is read.',
  serves: ['7.5.2'],
  messages: {
    unclosed: 'This code block ({{marker}}) is never closed, so the {{lines}} after it show as code and are not checked. Add a line with {{marker}} where the code ends.',
  },
  check(document, { text }) {
    // Other Markdown (a README, a changelog) is not aimslint's to judge; a governance folder's files are, typed or not.
    if (document.skipped || (document.type === undefined && !document.governance)) return [];
    const unclosed = fencedBlocks(text, bodyStartOf(document, text)).filter((block) => !block.closed);
    if (unclosed.length === 0) return [];
    const lineStarts = lineStartsOf(text);
    return unclosed.map((block): Report => {
      const range = rangeOf(lineStarts, block.start, block.start + text.slice(block.start).search(/\n|$/));
      // A final line break ends the last line; it does not start another.
      const swallowed = lineStarts.length - (text.endsWith('\n') ? 1 : 0) - range.line;
      return { messageId: 'unclosed', data: { marker: block.marker, lines: swallowed === 1 ? '1 line' : `${swallowed} lines` }, file: document.path, range };
    });
  },
});
