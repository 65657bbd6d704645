import type { Catalog } from './types.js';

/**
 * ISO/IEC 42001:2023: Annex A control ids and short titles, and the clauses
 * 4-10 that ask for documented information. Ids and titles only: the
 * standard's text is copyrighted, so the descriptions are our own words.
 */
export const iso42001_2023: Catalog = {
  id: 'iso42001:2023',
  name: 'ISO/IEC 42001:2023',
  objectives: [
    {
      id: 'A.2',
      title: 'Policies related to AI',
      controls: [
        { id: 'A.2.2', title: 'AI policy' },
        { id: 'A.2.3', title: 'Alignment with other organizational policies' },
        { id: 'A.2.4', title: 'Review of the AI policy' },
      ],
    },
    {
      id: 'A.3',
      title: 'Internal organization',
      controls: [
        { id: 'A.3.2', title: 'AI roles and responsibilities' },
        { id: 'A.3.3', title: 'Reporting of concerns' },
      ],
    },
    {
      id: 'A.4',
      title: 'Resources for AI systems',
      controls: [
        { id: 'A.4.2', title: 'Resource documentation' },
        { id: 'A.4.3', title: 'Data resources' },
        { id: 'A.4.4', title: 'Tooling resources' },
        { id: 'A.4.5', title: 'System and computing resources' },
        { id: 'A.4.6', title: 'Human resources' },
      ],
    },
    {
      id: 'A.5',
      title: 'Assessing impacts of AI systems',
      controls: [
        { id: 'A.5.2', title: 'AI system impact assessment process' },
        { id: 'A.5.3', title: 'Documentation of AI system impact assessments' },
        { id: 'A.5.4', title: 'Assessing AI system impact on individuals or groups of individuals' },
        { id: 'A.5.5', title: 'Assessing societal impacts of AI systems' },
      ],
    },
    {
      id: 'A.6',
      title: 'AI system life cycle',
      controls: [
        { id: 'A.6.1.2', title: 'Objectives for responsible development of AI system' },
        { id: 'A.6.1.3', title: 'Processes for responsible AI system design and development' },
        { id: 'A.6.2.2', title: 'AI system requirements and specification' },
        { id: 'A.6.2.3', title: 'Documentation of AI system design and development' },
        { id: 'A.6.2.4', title: 'AI system verification and validation' },
        { id: 'A.6.2.5', title: 'AI system deployment' },
        { id: 'A.6.2.6', title: 'AI system operation and monitoring' },
        { id: 'A.6.2.7', title: 'AI system technical documentation' },
        { id: 'A.6.2.8', title: 'AI system recording of event logs' },
      ],
    },
    {
      id: 'A.7',
      title: 'Data for AI systems',
      controls: [
        { id: 'A.7.2', title: 'Data for development and enhancement of AI system' },
        { id: 'A.7.3', title: 'Acquisition of data' },
        { id: 'A.7.4', title: 'Quality of data for AI systems' },
        { id: 'A.7.5', title: 'Data provenance' },
        { id: 'A.7.6', title: 'Data preparation' },
      ],
    },
    {
      id: 'A.8',
      title: 'Information for interested parties of AI systems',
      controls: [
        { id: 'A.8.2', title: 'System documentation and information for users' },
        { id: 'A.8.3', title: 'External reporting' },
        { id: 'A.8.4', title: 'Communication of incidents' },
        { id: 'A.8.5', title: 'Information for interested parties' },
      ],
    },
    {
      id: 'A.9',
      title: 'Use of AI systems',
      controls: [
        { id: 'A.9.2', title: 'Processes for responsible use of AI systems' },
        { id: 'A.9.3', title: 'Objectives for responsible use of AI system' },
        { id: 'A.9.4', title: 'Intended use of the AI system' },
      ],
    },
    {
      id: 'A.10',
      title: 'Third-party and customer relationships',
      controls: [
        { id: 'A.10.2', title: 'Allocating responsibilities' },
        { id: 'A.10.3', title: 'Suppliers' },
        { id: 'A.10.4', title: 'Customers' },
      ],
    },
  ],
  clauses: [
    { id: '4.3', title: 'Determining the scope of the AI management system', documentedInformation: 'the AIMS scope', providedBy: ['aims-scope'] },
    { id: '5.2', title: 'AI policy', documentedInformation: 'the AI policy', providedBy: ['ai-policy'] },
    { id: '5.3', title: 'Roles, responsibilities and authorities', documentedInformation: 'who holds which AIMS role and what it is responsible for', providedBy: ['roles'] },
    { id: '6.1.2', title: 'AI risk assessment', documentedInformation: 'how AI risks are assessed (the methodology)', providedBy: [] },
    { id: '6.1.3', title: 'AI risk treatment', documentedInformation: 'how AI risks are treated, and the Statement of Applicability', providedBy: ['soa'] },
    { id: '6.1.4', title: 'AI system impact assessment', documentedInformation: 'how AI system impacts are assessed', providedBy: ['impact-assessment'] },
    { id: '6.2', title: 'AI objectives and planning to achieve them', documentedInformation: 'the AI objectives', providedBy: ['ai-objectives'] },
    { id: '7.2', title: 'Competence', documentedInformation: 'evidence that people are competent for their roles', providedBy: ['training-record'] },
    { id: '8.2', title: 'AI risk assessment', documentedInformation: 'the results of the AI risk assessments', providedBy: ['risk-assessment'] },
    { id: '8.3', title: 'AI risk treatment', documentedInformation: 'the results of AI risk treatment', providedBy: ['risk-assessment'] },
    { id: '8.4', title: 'AI system impact assessment', documentedInformation: 'the results of the AI system impact assessments', providedBy: ['impact-assessment'] },
    { id: '9.1', title: 'Monitoring, measurement, analysis and evaluation', documentedInformation: 'monitoring and measurement results', providedBy: ['monitoring-plan'] },
    { id: '9.2.2', title: 'Internal audit programme', documentedInformation: 'the audit programme and audit results', providedBy: ['audit-report'] },
    { id: '9.3.3', title: 'Management review results', documentedInformation: 'the results of management reviews', providedBy: ['management-review'] },
    { id: '10.2', title: 'Nonconformity and corrective action', documentedInformation: 'nonconformities, the actions taken and their results', providedBy: ['incident', 'corrective-action'] },
  ],
};
