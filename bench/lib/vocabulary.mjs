/**
 * Words and sentence templates for generated AIMS documents. `{slot}`s are
 * filled from the document's context (see render.mjs). Everything here is
 * invented; control ids and short titles are the only text from the standard.
 */

/** ISO/IEC 42001:2023 Annex A: ids and short titles only. */
export const CONTROLS = [
  ['A.2.2', 'AI policy'], ['A.2.3', 'Alignment with other organizational policies'], ['A.2.4', 'Review of the AI policy'],
  ['A.3.2', 'AI roles and responsibilities'], ['A.3.3', 'Reporting of concerns'],
  ['A.4.2', 'Resource documentation'], ['A.4.3', 'Data resources'], ['A.4.4', 'Tooling resources'],
  ['A.4.5', 'System and computing resources'], ['A.4.6', 'Human resources'],
  ['A.5.2', 'AI system impact assessment process'], ['A.5.3', 'Documentation of AI system impact assessments'],
  ['A.5.4', 'Assessing AI system impact on individuals or groups of individuals'], ['A.5.5', 'Assessing societal impacts of AI systems'],
  ['A.6.1.2', 'Objectives for responsible development of AI system'], ['A.6.1.3', 'Processes for responsible AI system design and development'],
  ['A.6.2.2', 'AI system requirements and specification'], ['A.6.2.3', 'Documentation of AI system design and development'],
  ['A.6.2.4', 'AI system verification and validation'], ['A.6.2.5', 'AI system deployment'],
  ['A.6.2.6', 'AI system operation and monitoring'], ['A.6.2.7', 'AI system technical documentation'],
  ['A.6.2.8', 'AI system recording of event logs'],
  ['A.7.2', 'Data for development and enhancement of AI system'], ['A.7.3', 'Acquisition of data'],
  ['A.7.4', 'Quality of data for AI systems'], ['A.7.5', 'Data provenance'], ['A.7.6', 'Data preparation'],
  ['A.8.2', 'System documentation and information for users'], ['A.8.3', 'External reporting'],
  ['A.8.4', 'Communication of incidents'], ['A.8.5', 'Information for interested parties'],
  ['A.9.2', 'Processes for responsible use of AI systems'], ['A.9.3', 'Objectives for responsible use of AI system'],
  ['A.9.4', 'Intended use of the AI system'],
  ['A.10.2', 'Allocating responsibilities'], ['A.10.3', 'Suppliers'], ['A.10.4', 'Customers'],
];

/** Controls the generated organisation excludes, with its reasons. */
export const EXCLUDED_CONTROLS = {
  'A.4.5': 'The group runs no computing infrastructure for AI of its own: training and inference run on contracted managed platforms whose capacity and resource records are supplier obligations assured under A.10.2 and A.10.3.',
  'A.10.4': 'The group provides no AI system, model or AI-based service to customers or other organisations; customers are treated as affected persons under A.5.4 and A.8.3.',
};

export const DOMAINS = [
  ['RL', 'Retail Lending'], ['CP', 'Card Payments'], ['CL', 'Claims'], ['UW', 'Underwriting'], ['CS', 'Customer Service'],
  ['CO', 'Collections'], ['WA', 'Wealth Advisory'], ['TR', 'Treasury'], ['HR', 'People Analytics'], ['MK', 'Marketing'],
  ['CM', 'Compliance Monitoring'], ['IT', 'IT Operations'], ['SM', 'SME Banking'], ['MO', 'Mortgages'], ['LI', 'Life Insurance'],
];

export const REGIONS = [
  ['NO', 'Nordics'], ['BX', 'Benelux'], ['IB', 'Iberia'], ['DA', 'DACH'], ['UK', 'United Kingdom'], ['FR', 'France'],
  ['IT', 'Italy'], ['CE', 'Central Europe'], ['BA', 'Baltics'], ['IE', 'Ireland'], ['PL', 'Poland'], ['GR', 'Greece'],
];

export const FIRST_NAMES = [
  'Anna', 'Ben', 'Clara', 'David', 'Elif', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Katja', 'Lars', 'Mira', 'Nils',
  'Olga', 'Pavel', 'Rosa', 'Samir', 'Tanja', 'Umut', 'Vera', 'Wim', 'Yara', 'Zoltan', 'Amelie', 'Bruno', 'Chiara',
  'Dario', 'Emma', 'Filip', 'Hanna', 'Ivan', 'Julia', 'Kofi', 'Lena', 'Marco', 'Nadia', 'Oskar', 'Paula', 'Rui',
];

export const LAST_NAMES = [
  'Andersen', 'Bauer', 'Costa', 'Dubois', 'Eriksson', 'Fischer', 'Garcia', 'Horvat', 'Ivanova', 'Jansen', 'Kowalski',
  'Lindqvist', 'Moreau', 'Novak', 'Olsen', 'Papadopoulos', 'Quinn', 'Rossi', 'Schmidt', 'Tamm', 'Urbanek', 'Virtanen',
  'Weber', 'Yilmaz', 'Zeller', 'Almeida', 'Brennan', 'Castillo', 'De Vries', 'Egger', 'Ferrari', 'Gruber', 'Hansen',
  'Kaya', 'Laine', 'Meyer', 'Nowak', 'Ortega', 'Peeters', 'Silva',
];

/**
 * Kinds of AI system: name, id code, model type, risk tier, key metric, users.
 * @type {{ code: string, name: string, model: string, tier: string, metric: string, users: string, decision: string }[]}
 */
export const ARCHETYPES = [
  { code: 'CREDIT', name: 'Credit Scoring', model: 'gradient-boosted trees', tier: 'high', metric: 'Gini', users: 'credit analysts', decision: 'loan applications' },
  { code: 'FRAUD', name: 'Fraud Detection', model: 'gradient-boosted trees with graph features', tier: 'limited', metric: 'recall on confirmed fraud', users: 'fraud investigators', decision: 'payment alerts' },
  { code: 'CHURN', name: 'Churn Prediction', model: 'logistic regression', tier: 'minimal', metric: 'AUC', users: 'retention managers', decision: 'retention campaigns' },
  { code: 'TRIAGE', name: 'Claims Triage', model: 'gradient-boosted trees', tier: 'limited', metric: 'triage accuracy', users: 'claims handlers', decision: 'claim routing' },
  { code: 'DOCCLASS', name: 'Document Classification', model: 'fine-tuned transformer encoder', tier: 'minimal', metric: 'macro F1', users: 'back-office clerks', decision: 'document routing' },
  { code: 'ASSIST', name: 'Customer Assistant', model: 'retrieval-augmented language model', tier: 'limited', metric: 'answer accuracy on the test set', users: 'customers and service agents', decision: 'answers to customer questions' },
  { code: 'FORECAST', name: 'Demand Forecasting', model: 'gradient-boosted trees on time series', tier: 'minimal', metric: 'weighted MAPE', users: 'planning teams', decision: 'staffing plans' },
  { code: 'ANOMALY', name: 'Anomaly Detection', model: 'isolation forest', tier: 'minimal', metric: 'precision at 100', users: 'operations engineers', decision: 'operational alerts' },
  { code: 'NBO', name: 'Next Best Offer', model: 'contextual bandit', tier: 'limited', metric: 'uplift in acceptance rate', users: 'relationship managers', decision: 'product offers' },
  { code: 'AML', name: 'Transaction Monitoring', model: 'gradient-boosted trees with rule pre-filter', tier: 'high', metric: 'alert-to-case conversion', users: 'AML analysts', decision: 'suspicious activity alerts' },
  { code: 'CVSCREEN', name: 'Candidate Screening', model: 'ranking model on structured profiles', tier: 'high', metric: 'shortlist precision', users: 'recruiters', decision: 'candidate shortlists' },
  { code: 'SUMMARY', name: 'Call Summarisation', model: 'hosted large language model', tier: 'limited', metric: 'summary acceptance rate', users: 'service agents', decision: 'call notes' },
  { code: 'EXTRACT', name: 'Invoice Extraction', model: 'layout-aware transformer', tier: 'minimal', metric: 'field-level accuracy', users: 'accounts payable clerks', decision: 'invoice postings' },
  { code: 'COLLECT', name: 'Collections Prioritisation', model: 'survival model', tier: 'limited', metric: 'cure-rate lift', users: 'collections agents', decision: 'contact priorities' },
  { code: 'PRICING', name: 'Price Elasticity', model: 'Bayesian hierarchical model', tier: 'limited', metric: 'out-of-sample error', users: 'pricing analysts', decision: 'price proposals' },
  { code: 'IDV', name: 'Identity Verification', model: 'face-matching neural network', tier: 'high', metric: 'false match rate', users: 'onboarding staff', decision: 'identity checks' },
  { code: 'SENTIMENT', name: 'Complaint Sentiment', model: 'fine-tuned transformer encoder', tier: 'minimal', metric: 'macro F1', users: 'complaints team', decision: 'complaint escalation' },
  { code: 'CASHFC', name: 'Cash Forecasting', model: 'temporal fusion transformer', tier: 'minimal', metric: 'weighted MAPE', users: 'treasury dealers', decision: 'liquidity buffers' },
];

export const SUPPLIER_NAMES = [
  'Nimbus Analytics Cloud', 'Helix Language Services', 'Datavane Labelling', 'Kreditauskunft Mitte', 'Orbis Identity',
  'Quanta Feature Store', 'Lumen Speech', 'Vector Annotation Partners', 'Stratus Compute', 'Meridian Market Data',
  'Atlas OCR', 'Beacon Model Monitoring', 'Cobalt Synthetic Data', 'Delta Vendor Risk', 'Ember Translation',
];

export const SUPPLIER_SERVICES = [
  'Managed machine-learning platform for training and model serving',
  'Hosted large language model through an API in EU data centres',
  'Human labelling of training and evaluation data',
  'Third-party attributes used as model inputs',
  'Document and identity verification service',
  'Managed feature store and data pipelines',
  'Model monitoring and drift alerting service',
];

export const RESPONSIBILITIES = [
  'Processes personal data only on documented instructions and within the EU',
  'Does not use customer data to train or improve its own models',
  'Announces material changes to models or services at least 60 days in advance',
  'Notifies security or AI incidents affecting the service within 24 hours',
  'Keeps logs of requests for at least 12 months and provides them on request',
  'Supports audits by the customer and its supervisors once a year',
  'Provides model documentation and usage restrictions for the service',
];

export const ATTESTATIONS = [
  'ISO/IEC 27001 certificate, valid until 2028-03',
  'SOC 2 Type II report for the period 2025-01 to 2025-12',
  'ISO/IEC 42001 certificate, valid until 2028-09',
  'Data processing agreement with standard contractual clauses',
  'Penetration test summary of 2026-05',
];

export const COURSES = [
  'AIMS foundation and ISO/IEC 42001 awareness', 'Fairness testing for credit and insurance models',
  'Model validation and independent review', 'AI impact assessment and DPIA practice', 'AI incident handling',
  'Responsible use of language models', 'Data quality and provenance for machine learning',
];

export const PROCEDURE_KINDS = [
  { code: 'OVERSIGHT', title: 'Human Oversight of Model Decisions', controls: ['A.9.2'], steps: 'review' },
  { code: 'INCIDENT', title: 'AI Incident Handling and Escalation', controls: ['A.8.3', 'A.8.4', 'A.8.5', 'A.6.2.8'], steps: 'incident' },
  { code: 'CONCERNS', title: 'Reporting Concerns about AI', controls: ['A.3.3'], steps: 'concerns' },
  { code: 'DATAQ', title: 'Data Quality for Machine Learning', controls: ['A.7.4', 'A.7.6'], steps: 'data' },
  { code: 'CHANGE', title: 'Model Change Management', controls: ['A.6.2.5'], steps: 'change' },
  { code: 'LIFECYCLE', title: 'AI System Lifecycle', controls: ['A.6.1.3', 'A.6.2.4'], steps: 'lifecycle' },
  { code: 'VALIDATION', title: 'Independent Model Validation', controls: ['A.6.2.4'], steps: 'lifecycle' },
  { code: 'DECOMMISSION', title: 'Decommissioning of AI Systems', controls: ['A.6.2.5'], steps: 'change' },
];

/** Sentence templates by topic. */
export const SENTENCES = {
  intro: [
    'This document is part of the AI management system of {org} and is maintained by the {unit} unit.',
    'It applies to {system} and to every person who builds, operates or relies on its output.',
    'The content was last checked against practice in {month} and reflects the current way of working.',
    'Where this document and a group policy differ, the stricter requirement applies until the conflict is resolved.',
    'Questions about this document go to the owner named in the frontmatter.',
  ],
  system: [
    '{system} supports {users} in decisions on {decision}; it does not take final decisions on its own.',
    'The model, {model}, is retrained every {num} weeks on the latest labelled data.',
    'Predictions are served through an internal API with a 95th percentile latency below {num}0 ms.',
    'Around {num},{num}00 {decision} pass through the system every month in {region}.',
    'The system was first released in {month} and has had {num} major versions since.',
    'Inputs that identify protected characteristics are excluded by design and checked in every release.',
    'Users see the score together with the main drivers, so they can judge whether the output makes sense.',
    'A fallback to the manual process is tested twice a year and can be switched on within one hour.',
  ],
  limitations: [
    'Performance is lower for segments with little history; such cases go to manual review.',
    'The training window includes an unusual period, which may understate behaviour under stress.',
    'The model has not been validated for use outside {region} and must not be applied there.',
    'Rare events are under-represented, so confidence intervals for them are wide.',
    'Labels come from past human decisions and may carry their biases; the fairness tests look for this.',
    'The output is a ranking aid; it is not calibrated for use as a probability in pricing.',
  ],
  data: [
    'The training data covers {num}{num},{num}00 records from {year} to {year2}, extracted from the core systems of {unit}.',
    'Each extraction is versioned with a hash and a data dictionary, so any training run can be reproduced.',
    'Personal data is pseudonymised before it leaves the source system; the key stays with the data owner.',
    'Missing values above {num} % in a field block the training pipeline until the data owner has explained them.',
    'Labels are checked by a second person on a random sample of {num}00 records every quarter.',
    'Data acquired from third parties is used only for the purposes stated in the contract.',
    'Retention follows the group records schedule; raw extracts are deleted after {num} years.',
  ],
  evaluation: [
    'On the out-of-time sample the {metric} was 0.{num}{num}, within the agreed tolerance of the development result.',
    'Fairness was tested per age band, gender and nationality group; all ratios stayed above 0.80.',
    'The validation team reproduced the results independently and raised {num} minor findings, all closed before release.',
    'Stability was tested across quarters; no segment moved by more than {num} points.',
    'Stress tests with shifted inputs showed graceful degradation and no silent failures.',
  ],
  oversight: [
    'Every adverse outcome is reviewed by a trained person who sees the main drivers and may override the result.',
    'Override rates are reported monthly; a rate above {num} % triggers a review of the model or of the guidance.',
    'Reviewers can stop automated use and switch to the manual process at any time without approval.',
    'New reviewers work under supervision for their first {num} weeks.',
    'Automation bias is addressed in the yearly training with real cases from the previous year.',
  ],
  risk: [
    'The assessment was carried out in a workshop on {date} with data science, risk, operations and the data protection officer.',
    'Risks were rated with the group methodology for likelihood and impact on a five-point scale.',
    'Treatments are tracked in the risk register and reviewed with the quarterly monitoring results.',
    'Residual risks rated medium or above were accepted by the Chief Risk Officer.',
    'The next full assessment is due with the annual model review or earlier after a serious incident.',
  ],
  impact: [
    'Individuals may receive a less favourable outcome if the model misjudges their situation.',
    'Outcome analysis for the last three quarters shows no group below the agreed ratio threshold.',
    'The systemic effect is limited because the unit serves a small share of the {region} market.',
    'Affected persons can ask for a human reassessment by phone, letter or in the app.',
    'In the last twelve months {num}{num} reassessments were requested and {num} led to a changed outcome.',
  ],
  procedure: [
    'The procedure applies to all AI systems of {unit} in every lifecycle stage.',
    'Each step names the role that performs it and the record it leaves behind.',
    'Deviations need the written approval of the owner and are logged with a reason.',
    'Records are kept in the document management system for at least {num} years.',
    'The owner checks once a year that the procedure still matches practice and updates it where needed.',
    'Staff are introduced to this procedure in their onboarding and in the yearly AIMS training.',
  ],
  monitoring: [
    'Threshold breaches open an incident in the service desk and page the on-call engineer.',
    'Results are discussed in the monthly model performance meeting chaired by model risk.',
    'Trends are reported to the management review twice a year.',
    'Input data is checked for completeness and valid ranges on every request.',
    'Drift is measured with the population stability index per feature; values above 0.25 are escalated.',
  ],
  supplier: [
    'The assessment in {month} reviewed the attestations, the contract and the service documentation.',
    '{supplier} is responsible for the service, its hosting and its security; {org} is responsible for the use case.',
    'An exit plan describes how the service would be replaced within {num} months.',
    'The supplier is reassessed every year and after every material change announced under the contract.',
    'Open points from the assessment are tracked by the owner until they are closed.',
  ],
  training: [
    '{holder} completed the course on {date} with a passing score of {num}{num} %.',
    'The course covered the structure of the AIMS, the role-specific duties and recent incidents.',
    'Attendance and the assessment result are stored in the HR learning system.',
    'The record is current for twelve months and is renewed in the next training round.',
  ],
  audit: [
    'The audit was performed by {auditor} between {date} and {date2}.',
    'Samples were drawn at random from the records of the last two quarters.',
    'No major nonconformity was found; the findings below were agreed with the auditees.',
    'Follow-up of the corrective actions is scheduled for the next audit cycle.',
    'The auditors consider the management system suitable and effective in the audited area.',
  ],
  incident: [
    'On {date} a change in an upstream pipeline altered an input field of {system}.',
    'The effect was noticed after {num} hours by the monitoring of output volumes.',
    'The release was rolled back and the affected cases were re-scored within two days.',
    'No personal data breach occurred, so no notification to the authority was needed.',
    'Affected customers were informed in plain language with a named contact person.',
  ],
  policy: [
    '{org} uses AI to serve customers better, never to replace accountable human judgement.',
    'Protected characteristics are never model inputs, and every model is tested for disparate outcomes.',
    'Every adverse decision comes with the main reasons in plain language.',
    'The Management Board provides the resources needed for the AIMS and reviews its performance yearly.',
    'The policy is reviewed at least once a year and after a serious incident or a change in regulation.',
  ],
};

export const REVIEW_NOTES = [
  'Wording aligned with the updated group policy.',
  'Thresholds updated after the quarterly monitoring results.',
  'Owner changed after reorganisation.',
  'Minor corrections after internal audit.',
  'Annual review, no material change.',
  'New section on event logs added.',
];
