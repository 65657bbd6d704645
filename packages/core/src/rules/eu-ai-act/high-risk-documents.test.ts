import { ANNEX_IV_SECTIONS } from '../../catalog/eu-ai-act-profile.js';
import { testRule } from '../../testing/rule-tester.js';
import rule from './high-risk-documents.js';
import { companion, profiledSystem } from './eu-ai-act-fixtures.js';

const annexIv = (except: string[] = []) =>
  ['# Credit scoring model card', ...ANNEX_IV_SECTIONS.filter((section) => !except.includes(section.heading)).map((section) => `## ${section.heading}\n\nOur account of it.`), '## Human oversight\n\nLoan officers decide.'].join('\n\n');

const provider = {
  'systems/credit/system.md': profiledSystem('{ role: provider, risk: high, annex_iii: essential-services, gpai: false }'),
  'systems/credit/model-card.md': companion({ type: 'model-card', id: 'MC-CREDIT', controls: '[A.6.2.7, EU-AI-ACT:Art.11, EU-AI-ACT:Annex.IV, EU-AI-ACT:Art.14]', body: annexIv() }),
  'systems/credit/risk.md': companion({ type: 'risk-assessment', id: 'RA-CREDIT', controls: '[A.5.2, EU-AI-ACT:Art.9]' }),
  'procedures/monitoring.md': companion({ type: 'monitoring-plan', id: 'MP-CREDIT', controls: '[A.6.2.6, EU-AI-ACT:Art.72]' }),
};
const fria = companion({ type: 'impact-assessment', id: 'IA-CREDIT', controls: '[A.5.4, EU-AI-ACT:Art.27]' });

testRule(rule, {
  valid: [
    { name: 'a provider with every document', files: provider },
    { name: 'a deployer with its fundamental rights impact assessment', files: { 'systems/credit/system.md': profiledSystem('{ role: deployer, risk: high, annex_iii: essential-services }'), 'systems/credit/fria.md': fria } },
    { name: 'both roles, everything present', files: { ...provider, 'systems/credit/system.md': profiledSystem('{ role: both, risk: high, annex_iii: essential-services }'), 'systems/credit/fria.md': fria } },
    { name: 'a limited-risk system is not judged here', files: { 'systems/credit/system.md': profiledSystem('{ role: provider, risk: limited }') } },
  ],
  invalid: [
    {
      name: 'a provider without a post-market monitoring plan (Annex III: applies from the deferred date)',
      files: { ...provider, 'procedures/monitoring.md': '# Monitoring is being written\n' },
      errors: [{
        file: 'systems/credit/system.md', line: 8, column: 36, endColumn: 40,
        message: 'AIS-CREDIT is a high-risk AI system under the EU AI Act and you are its provider, so it needs a post-market monitoring plan (EU-AI-ACT:Art.72): an approved monitoring-plan whose `system` is AIS-CREDIT and whose `controls` lists EU-AI-ACT:Art.72. These obligations apply from 2027-12-02.',
      }],
    },
    {
      name: 'judged against --now: after the Annex III date the message says since when',
      now: '2028-01-10',
      files: { ...provider, 'systems/credit/risk.md': companion({ type: 'risk-assessment', id: 'RA-CREDIT', controls: '[A.5.2]' }) },
      errors: [{ file: 'systems/credit/system.md', line: 8, column: 36, messageIncludes: 'it needs a risk management record (EU-AI-ACT:Art.9): an approved risk-assessment whose `system` is AIS-CREDIT and whose `controls` lists EU-AI-ACT:Art.9. These obligations have applied since 2027-12-02.' }],
    },
    {
      name: 'an Annex I product (no Annex III area) has its own date',
      files: { ...provider, 'systems/credit/system.md': profiledSystem('{ role: provider, risk: high }'), 'systems/credit/risk.md': '# gone\n' },
      errors: [{ file: 'systems/credit/system.md', line: 8, column: 36, messageIncludes: 'These obligations apply from 2028-08-02.' }],
    },
    {
      name: 'technical documentation without two Annex IV sections',
      files: { ...provider, 'systems/credit/model-card.md': companion({ type: 'model-card', id: 'MC-CREDIT', controls: '[EU-AI-ACT:Art.11, EU-AI-ACT:Art.14]', body: annexIv(['Standards applied', 'EU declaration of conformity']) }) },
      errors: [{
        file: 'systems/credit/model-card.md', line: 1, column: 1,
        message: 'systems/credit/model-card.md is the technical documentation with the Annex IV sections of AIS-CREDIT (EU-AI-ACT:Art.11) but has no heading `Standards applied`, `EU declaration of conformity`; add a section under each (a heading of any level). These obligations apply from 2027-12-02.',
      }],
    },
    {
      name: 'the risk record is in review, and a deployer-and-provider lacks its FRIA',
      files: { ...provider, 'systems/credit/system.md': profiledSystem('{ role: both, risk: high, annex_iii: essential-services }'), 'systems/credit/risk.md': companion({ type: 'risk-assessment', id: 'RA-CREDIT', controls: '[EU-AI-ACT:Art.9]', status: 'in-review' }) },
      errors: [
        { file: 'systems/credit/system.md', line: 8, column: 32, messageIncludes: 'needs a risk management record (EU-AI-ACT:Art.9) approved, but systems/credit/risk.md is `in-review`' },
        { file: 'systems/credit/system.md', line: 8, column: 32, messageIncludes: 'you are its deployer, so it needs a fundamental rights impact assessment (EU-AI-ACT:Art.27): an approved impact-assessment' },
      ],
    },
  ],
});
