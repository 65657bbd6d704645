import { testRule } from '../../testing/rule-tester.js';
import rule from './prohibited.js';
import { profiledSystem } from './eu-ai-act-fixtures.js';

testRule(rule, {
  valid: [
    { name: 'a high-risk system is not prohibited', files: { 'systems/credit.md': profiledSystem('{ role: provider, risk: high, annex_iii: essential-services }') } },
    { name: 'a system without a profile', files: { 'systems/credit.md': profiledSystem('{ role: provider, risk: minimal }').replace(/eu_ai_act: .*\n/, '') } },
    {
      name: 'a prohibited system already retired',
      files: { 'systems/credit.md': profiledSystem('{ role: deployer, risk: prohibited }').replace('lifecycle_stage: deployed', 'lifecycle_stage: retired') },
    },
  ],
  invalid: [
    {
      name: 'a deployed system classed as prohibited',
      files: { 'systems/social-score.md': profiledSystem('{ role: deployer, risk: prohibited }', 'AIS-SOCIAL-SCORE') },
      errors: [{
        file: 'systems/social-score.md', line: 8, column: 36, endColumn: 46,
        message: 'AIS-SOCIAL-SCORE is classed as a prohibited AI practice under the EU AI Act (Article 5), whose bans have applied since 2025-02-02: it may not be placed on the market or used in the EU. Stop it and set `lifecycle_stage: retired`, or correct `risk` if the classification was wrong.',
      }],
    },
    {
      name: 'judged against --now: before the bans applied, the message says from when',
      now: '2025-01-15',
      files: { 'systems/social-score.md': profiledSystem('{ role: provider, risk: prohibited }', 'AIS-SOCIAL-SCORE') },
      errors: [{ file: 'systems/social-score.md', line: 8, column: 36, messageIncludes: 'whose bans apply from 2025-02-02' }],
    },
  ],
});
