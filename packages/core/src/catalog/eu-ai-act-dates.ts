import type { Source } from './types.js';

/** Which obligations of the EU AI Act a date of application covers. */
export type EuAiActScope = 'prohibited' | 'ai-literacy' | 'gpai' | 'transparency' | 'high-risk-annex-iii' | 'high-risk-annex-i';

export interface ApplicationDate {
  scope: EuAiActScope;
  /** The date (YYYY-MM-DD) from which the obligations apply. */
  appliesFrom: string;
  /** The date Regulation (EU) 2024/1689 first set, when an amendment moved it. */
  originally?: string;
  source: Source;
}

const REGULATION: Source = {
  title: 'Regulation (EU) 2024/1689 (Artificial Intelligence Act)',
  publisher: 'European Parliament and Council of the European Union, Official Journal L, 12.7.2024',
  url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
  section: 'Article 113 (entry into force and application)',
};

/**
 * The Digital Omnibus on AI: political agreement 7 May 2026, Parliament 16 June
 * 2026, Council 29 June 2026. We cite secondary reports because we could not
 * check its Official Journal reference; replace them with the OJ citation.
 */
const DIGITAL_OMNIBUS: Source = {
  title: 'Digital Omnibus on AI (amending Regulation (EU) 2024/1689), as reported in "The EU AI Act just changed" (3 July 2026)',
  publisher: 'Decision Focus GRC Intelligence Team (secondary report of the Council adoption of 29 June 2026)',
  url: 'https://www.decisionfocus.com/articles/eu-ai-act-blog',
  section: 'What has changed: Annex III high-risk obligations from 2 December 2027; Annex I from 2 August 2028',
};

/** The dates the rules judge `--now` against. Data, in one place: they have moved before. */
export const EU_AI_ACT_DATES: readonly ApplicationDate[] = [
  { scope: 'prohibited', appliesFrom: '2025-02-02', source: REGULATION },
  { scope: 'ai-literacy', appliesFrom: '2025-02-02', source: REGULATION },
  { scope: 'gpai', appliesFrom: '2025-08-02', source: REGULATION },
  { scope: 'transparency', appliesFrom: '2026-08-02', source: REGULATION },
  { scope: 'high-risk-annex-iii', appliesFrom: '2027-12-02', originally: '2026-08-02', source: DIGITAL_OMNIBUS },
  { scope: 'high-risk-annex-i', appliesFrom: '2028-08-02', originally: '2027-08-02', source: DIGITAL_OMNIBUS },
];

export function applicationDate(scope: EuAiActScope): ApplicationDate {
  const found = EU_AI_ACT_DATES.find((entry) => entry.scope === scope);
  if (!found) throw new Error(`no application date for ${scope}`);
  return found;
}

/** "apply since 2025-02-02" or "apply from 2027-12-02": the message tells the author how urgent it is. */
export function whenApplies(scope: EuAiActScope, now: string): string {
  const { appliesFrom } = applicationDate(scope);
  return now >= appliesFrom ? `have applied since ${appliesFrom}` : `apply from ${appliesFrom}`;
}
