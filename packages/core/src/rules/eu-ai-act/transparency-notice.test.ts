import { md, testRule } from '../../testing/rule-tester.js';
import rule from './transparency-notice.js';
import { companion, profiledSystem } from './eu-ai-act-fixtures.js';

const chatbot = profiledSystem('{ role: deployer, risk: limited, gpai: true }', 'AIS-CHAT');
const notice = (status = 'approved') => md`
  ---
  id: PROC-AI-NOTICE
  type: procedure
  title: Telling customers they chat with an AI
  status: ${status}
  systems: [AIS-CHAT]
  controls: [A.8.2, EU-AI-ACT:Art.50]
  ---

  # Telling customers they chat with an AI
`;

testRule(rule, {
  valid: [
    { name: 'a procedure listing the system in `systems` and Art. 50', files: { 'systems/chat.md': chatbot, 'procedures/notice.md': notice() } },
    { name: 'a minimal-risk system needs no notice', files: { 'systems/chat.md': profiledSystem('{ role: deployer, risk: minimal }', 'AIS-CHAT') } },
  ],
  invalid: [
    {
      name: 'no notice at all',
      files: { 'systems/chat.md': chatbot },
      errors: [{
        file: 'systems/chat.md', line: 8, column: 36, endColumn: 43,
        message: 'AIS-CHAT is a limited-risk AI system under the EU AI Act, so people must be told they are dealing with AI (Article 50, whose duties have applied since 2026-08-02): add an approved procedure or model-card whose `system` is AIS-CHAT (or whose `systems` lists it) and whose `controls` lists EU-AI-ACT:Art.50, saying how and where people are told.',
      }],
    },
    {
      name: 'the notice is still a draft',
      files: { 'systems/chat.md': chatbot, 'procedures/notice.md': notice('draft') },
      errors: [{ file: 'systems/chat.md', line: 8, column: 36, messageIncludes: 'but procedures/notice.md is `draft`' }],
    },
    {
      name: 'a model card that does not list Art. 50 is not the notice',
      files: { 'systems/chat.md': chatbot, 'systems/chat-card.md': companion({ type: 'model-card', id: 'MC-CHAT', controls: '[A.8.2]', system: 'AIS-CHAT' }) },
      errors: [{ file: 'systems/chat.md', line: 8, column: 36, messageIncludes: 'add an approved procedure or model-card' }],
    },
  ],
});
