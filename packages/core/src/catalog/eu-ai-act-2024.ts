import type { Framework } from './types.js';

/**
 * Regulation (EU) 2024/1689 (the AI Act): the obligations a document base can
 * evidence. Article numbers and names only; the short titles are our own.
 * `role` says whom the obligation binds for a high-risk system: the provider,
 * the deployer, or anyone (AI literacy, prohibited practices, transparency).
 */
export const euAiAct_2024: Framework = {
  id: 'eu-ai-act:2024',
  name: 'EU AI Act (Regulation (EU) 2024/1689)',
  prefix: 'EU-AI-ACT',
  source: {
    title: 'Regulation (EU) 2024/1689 laying down harmonised rules on artificial intelligence (Artificial Intelligence Act)',
    publisher: 'European Parliament and Council of the European Union, Official Journal L, 12.7.2024',
    url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
    section: 'Articles 4, 5, 9-15, 17, 26, 27, 50, 72, 73 and Annex IV',
  },
  groups: [
    { id: 'general', title: 'Obligations for everyone (Chapters I and II)' },
    { id: 'high-risk-provider', title: 'High-risk systems: provider obligations (Chapter III, Sections 2 and 3)' },
    { id: 'high-risk-deployer', title: 'High-risk systems: deployer obligations (Chapter III, Section 3)' },
    { id: 'transparency', title: 'Transparency for certain AI systems (Chapter IV)' },
    { id: 'post-market', title: 'Post-market monitoring and incidents (Chapter IX)' },
  ],
  items: [
    { id: 'EU-AI-ACT:Art.4', label: 'Art. 4', title: 'AI literacy: staff who run or use AI know enough to do so', group: 'general', role: 'all' },
    { id: 'EU-AI-ACT:Art.5', label: 'Art. 5', title: 'Prohibited AI practices: none is placed on the market or used', group: 'general', role: 'all' },
    { id: 'EU-AI-ACT:Art.9', label: 'Art. 9', title: 'Risk management system over the whole life cycle', group: 'high-risk-provider', role: 'provider' },
    { id: 'EU-AI-ACT:Art.10', label: 'Art. 10', title: 'Data and data governance for training, validation and testing', group: 'high-risk-provider', role: 'provider' },
    { id: 'EU-AI-ACT:Art.11', label: 'Art. 11', title: 'Technical documentation drawn up before release and kept current', group: 'high-risk-provider', role: 'provider' },
    { id: 'EU-AI-ACT:Annex.IV', label: 'Annex IV', title: 'Technical documentation: the required contents', group: 'high-risk-provider', role: 'provider' },
    { id: 'EU-AI-ACT:Art.12', label: 'Art. 12', title: 'Record-keeping: automatic logging of events', group: 'high-risk-provider', role: 'provider' },
    { id: 'EU-AI-ACT:Art.13', label: 'Art. 13', title: 'Transparency and instructions for use for deployers', group: 'high-risk-provider', role: 'provider' },
    { id: 'EU-AI-ACT:Art.14', label: 'Art. 14', title: 'Human oversight designed into the system', group: 'high-risk-provider', role: 'provider' },
    { id: 'EU-AI-ACT:Art.15', label: 'Art. 15', title: 'Accuracy, robustness and cybersecurity', group: 'high-risk-provider', role: 'provider' },
    { id: 'EU-AI-ACT:Art.17', label: 'Art. 17', title: 'Quality management system of the provider', group: 'high-risk-provider', role: 'provider' },
    { id: 'EU-AI-ACT:Art.26', label: 'Art. 26', title: 'Deployer duties: use as instructed, oversight, monitoring, logs', group: 'high-risk-deployer', role: 'deployer' },
    { id: 'EU-AI-ACT:Art.27', label: 'Art. 27', title: 'Fundamental rights impact assessment before first use', group: 'high-risk-deployer', role: 'deployer' },
    { id: 'EU-AI-ACT:Art.50', label: 'Art. 50', title: 'Tell people they deal with AI or with AI-generated content', group: 'transparency', role: 'all' },
    { id: 'EU-AI-ACT:Art.72', label: 'Art. 72', title: 'Post-market monitoring system and plan', group: 'post-market', role: 'provider' },
    { id: 'EU-AI-ACT:Art.73', label: 'Art. 73', title: 'Reporting serious incidents to the authorities', group: 'post-market', role: 'provider' },
  ],
};
