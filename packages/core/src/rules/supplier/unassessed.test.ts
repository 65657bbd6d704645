import { md, testRule } from '../../testing/rule-tester.js';
import rule from './unassessed.js';

const SYSTEM = md`
  ---
  id: AIS-CHATBOT
  type: ai-system
  title: Support chatbot
  suppliers: [SUP-LLM]
  ---
`;
const assessment = (responsibilities: string, attestations: string, status = 'approved') => md`
  ---
  id: SUP-LLM
  type: supplier-assessment
  title: LLM provider
  status: ${status}
  supplier: Helix Language Services
  responsibilities: [${responsibilities}]
  attestations: [${attestations}]
  ---
`;

testRule(rule, {
  valid: [{ name: 'an approved, complete assessment', files: { 'systems/chatbot.md': SYSTEM, 'suppliers/llm.md': assessment('Model hosting', 'ISO/IEC 27001 certificate') } }],
  invalid: [
    {
      name: 'no assessment at all',
      files: { 'systems/chatbot.md': SYSTEM },
      errors: [{ file: 'systems/chatbot.md', line: 5, column: 13, endColumn: 20, message: 'AIS-CHATBOT names the supplier `SUP-LLM`, but no `supplier-assessment` has that id; assess the supplier and give the assessment this id.' }],
    },
    {
      name: 'an assessment without attestations, still a draft',
      files: { 'systems/chatbot.md': SYSTEM, 'suppliers/llm.md': assessment('Model hosting', '', 'draft') },
      errors: [{ file: 'systems/chatbot.md', line: 5, column: 13, message: 'The assessment of supplier `SUP-LLM` (suppliers/llm.md) is incomplete: no `attestations`, it is not approved.' }],
    },
  ],
});
