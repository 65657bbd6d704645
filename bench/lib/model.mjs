/**
 * The organisation behind a generated corpus: units, roles, people, AI
 * systems and their documents, cross-references, the Statement of
 * Applicability and the injected defects. Pure data; render.mjs writes it.
 */
import { createRandom } from './random.mjs';
import { addDays } from './dates.mjs';
import {
  ARCHETYPES, ATTESTATIONS, CONTROLS, COURSES, DOMAINS, EXCLUDED_CONTROLS, FIRST_NAMES, LAST_NAMES,
  PROCEDURE_KINDS, REGIONS, RESPONSIBILITIES, SUPPLIER_NAMES, SUPPLIER_SERVICES,
} from './vocabulary.mjs';

/** The date the benchmark judges reviews against (`aimslint --now`). */
export const BENCH_NOW = '2026-11-28';
export const ORG = 'Northwind Financial Group';
/** Share of documents that carry one injected defect. */
const DEFECT_RATE = 0.03;
const DOCS_PER_UNIT = 250;

/**
 * @typedef {object} Doc
 * @property {string} id
 * @property {string} type
 * @property {string} path repository-relative, `/` separated
 * @property {string} title
 * @property {string} owner
 * @property {string} status
 * @property {Record<string, unknown>} fields type-specific frontmatter
 * @property {string[]} controls
 * @property {string[]} clauses
 * @property {{ id: string, anchor?: string }[]} links body links to other documents
 * @property {Record<string, string>} context words for sentence templates
 * @property {string} [approvedBy]
 * @property {string} [approvedOn]
 * @property {string} [lastReviewed]
 * @property {string} [nextReview]
 * @property {string} [defect] the injected defect, if any
 */

/**
 * @typedef {object} Model
 * @property {Doc[]} docs
 * @property {Map<string, Doc>} byId
 * @property {Record<string, number>} defects count per defect kind
 */

/**
 * @param {string} text
 * @returns {string} a file-name slug
 */
export function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * @param {import('./random.mjs').Random} r
 * @returns {string} a person's name
 */
function person(r) {
  return `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
}

/**
 * A random date between two dates.
 * @param {import('./random.mjs').Random} r
 * @param {string} from
 * @param {string} to
 */
function dateBetween(r, from, to) {
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  return addDays(from, r.int(0, span));
}

/**
 * Approval fields for an approved document, reviewed within the last year.
 * @param {import('./random.mjs').Random} r
 * @param {string} approvedBy
 */
function approved(r, approvedBy) {
  const approvedOn = dateBetween(r, '2025-12-01', '2026-09-30');
  const lastReviewed = addDays(approvedOn, r.int(0, 45));
  return { status: 'approved', approvedBy, approvedOn, lastReviewed, nextReview: addDays(lastReviewed, 364) };
}

/**
 * Status fields for a document that may not be approved yet.
 * @param {import('./random.mjs').Random} r
 * @param {string} status
 * @param {string} approvedBy
 */
function withStatus(r, status, approvedBy) {
  if (status === 'approved') return approved(r, approvedBy);
  if (status === 'retired') return { status, approvedBy, approvedOn: dateBetween(r, '2023-01-01', '2024-12-31') };
  return { status };
}

/**
 * @param {Partial<Doc> & Pick<Doc, 'id' | 'type' | 'path' | 'title' | 'owner' | 'status'>} base
 * @returns {Doc}
 */
function doc(base) {
  return { fields: {}, controls: [], clauses: [], links: [], context: {}, ...base };
}

/**
 * The group-level roles every unit relies on.
 * @param {import('./random.mjs').Random} r
 */
function coreRoles(r) {
  return [
    ['ROLE-CRO', 'Chief Risk Officer (AIMS executive sponsor)'],
    ['ROLE-AIMS-MANAGER', 'AI Management System Manager'],
    ['ROLE-DPO', 'Group Data Protection Officer'],
    ['ROLE-MODEL-RISK', 'Head of Model Risk Management'],
    ['ROLE-INTERNAL-AUDIT', 'Internal Auditor (AI)'],
    ['ROLE-CISO', 'Chief Information Security Officer'],
  ].map(([id, name]) => ({ id, name, holders: uniqueNames(r, r.int(1, 2)) }));
}

/**
 * @param {import('./random.mjs').Random} r
 * @param {number} count
 * @returns {string[]} distinct names
 */
function uniqueNames(r, count) {
  const names = new Set();
  while (names.size < count) names.add(person(r));
  return [...names];
}

/**
 * The roles of one business unit.
 * @param {import('./random.mjs').Random} r
 * @param {{ code: string, name: string }} unit
 */
function unitRoles(r, unit) {
  return [
    ['HEAD', `Head of ${unit.name}`],
    ['DATA-LEAD', `Data Science Lead, ${unit.name}`],
    ['PRODUCT-OWNER', `AI Product Owner, ${unit.name}`],
    ['OPS-LEAD', `Operations Lead, ${unit.name}`],
  ].map(([suffix, name]) => ({ id: `ROLE-${unit.code}-${suffix}`, name, holders: uniqueNames(r, r.int(1, 2)) }));
}

/**
 * Business units: domain x region, numbered once the combinations run out.
 * @param {number} count
 */
function makeUnits(count) {
  return Array.from({ length: count }, (_, i) => {
    const [domainCode, domain] = DOMAINS[i % DOMAINS.length];
    const [regionCode, region] = REGIONS[Math.floor(i / DOMAINS.length) % REGIONS.length];
    const round = Math.floor(i / (DOMAINS.length * REGIONS.length));
    const suffix = round === 0 ? '' : String(round + 1);
    const name = `${domain} ${region}${suffix ? ` ${suffix}` : ''}`;
    return { code: `${domainCode}${regionCode}${suffix}`, name, region, folder: `units/${slug(name)}` };
  });
}

/**
 * A training record for one holder of one role.
 * @param {import('./random.mjs').Random} r
 * @param {string} id
 * @param {string} folder
 * @param {{ holder: string, role: string, owner: string, current: boolean, rolesDoc: string }} of
 */
function trainingRecord(r, id, folder, of) {
  const completedOn = of.current ? dateBetween(r, '2025-12-10', '2026-11-20') : dateBetween(r, '2024-03-01', '2025-06-30');
  const year = completedOn.slice(0, 4);
  const status = of.current ? { status: 'approved', approvedBy: 'ROLE-AIMS-MANAGER', approvedOn: completedOn, lastReviewed: completedOn, nextReview: addDays(completedOn, 360) } : { status: 'retired', approvedBy: 'ROLE-AIMS-MANAGER', approvedOn: completedOn };
  return doc({
    id, type: 'training-record', path: `${folder}/training/${year}/${id.toLowerCase()}-${slug(of.holder)}.md`,
    title: `Training Record - ${of.holder}`, owner: of.owner, ...status,
    fields: { holder: of.holder, role: of.role, completed_on: completedOn, course: r.pick(COURSES) },
    clauses: ['7.2', '7.3'], controls: ['A.4.6'], links: [{ id: of.rolesDoc, anchor: 'competence-requirements' }],
    context: { holder: of.holder, date: completedOn, current: String(of.current) },
  });
}

/**
 * The group-level documents: scope, policy, objectives, roles, methods, audit programme.
 * @param {import('./random.mjs').Random} r
 * @param {ReturnType<typeof coreRoles>} roles
 */
function coreDocs(r, roles) {
  const own = (id, type, path, title, owner, approver, extra = {}) => doc({ id, type, path, title, owner, ...approved(r, approver), ...extra });
  const docs = [
    own('ROLES-001', 'roles', 'aims/roles.md', 'AI Governance Roles and Responsibilities', 'ROLE-AIMS-MANAGER', 'ROLE-CRO',
      { fields: { roles }, clauses: ['5.3', '7.1'], controls: ['A.3.2', 'A.4.6'], links: [{ id: 'POL-001', anchor: 'principles' }] }),
    own('POL-001', 'ai-policy', 'aims/ai-policy.md', 'AI Policy', 'ROLE-AIMS-MANAGER', 'ROLE-CRO',
      { clauses: ['5.2'], controls: ['A.2.2', 'A.2.3', 'A.2.4'], links: [{ id: 'ROLES-001', anchor: 'authorities' }, { id: 'OBJ-001' }] }),
    own('OBJ-001', 'ai-objectives', 'aims/ai-objectives.md', 'AI Objectives 2026-2027', 'ROLE-AIMS-MANAGER', 'ROLE-CRO',
      { clauses: ['6.2'], controls: ['A.6.1.2', 'A.9.3'], links: [{ id: 'POL-001', anchor: 'principles' }] }),
    own('PROC-RISK-METHOD', 'procedure', 'aims/risk-methodology.md', 'AI Risk Assessment Methodology', 'ROLE-MODEL-RISK', 'ROLE-CRO',
      { clauses: ['6.1.1', '6.1.2'], context: { kind: 'method' }, links: [{ id: 'POL-001' }, { id: 'RTP-001', anchor: 'steps' }] }),
    own('PROC-IMPACT-ASSESSMENT', 'procedure', 'aims/impact-assessment-process.md', 'AI System Impact Assessment Process', 'ROLE-DPO', 'ROLE-CRO',
      { clauses: ['6.1.4'], controls: ['A.5.2'], links: [{ id: 'PROC-RISK-METHOD', anchor: 'steps' }] }),
    own('RTP-001', 'procedure', 'aims/risk-treatment-plan.md', 'AI Risk Treatment Plan', 'ROLE-MODEL-RISK', 'ROLE-CRO',
      { clauses: ['6.1.3', '8.3'], links: [{ id: 'PROC-RISK-METHOD', anchor: 'steps' }] }),
    own('AUD-PROG-2026', 'audit-report', 'aims/audit-programme.md', 'Internal Audit Programme 2026-2027', 'ROLE-INTERNAL-AUDIT', 'ROLE-CRO',
      { clauses: ['9.2.1', '9.2.2'], fields: { audit_scope: 'All units within the AIMS scope', auditors: roles[4].holders }, links: [{ id: 'ROLES-001', anchor: 'authorities' }] }),
  ];
  roles.forEach((role) => role.holders.forEach((holder) => {
    docs.push(trainingRecord(r, `TR-CORE-${String(docs.length).padStart(3, '0')}`, 'aims', { holder, role: role.id, owner: 'ROLE-AIMS-MANAGER', current: true, rolesDoc: 'ROLES-001' }));
  }));
  return docs;
}

/**
 * How many documents of each kind a unit gets.
 * @param {number} rest documents left after roles and current training
 */
function unitBudget(rest) {
  const suppliers = Math.max(1, Math.round(rest * 0.05));
  const procedures = Math.max(PROCEDURE_KINDS.length + 1, Math.round(rest * 0.12));
  const audits = 2 + 2 * Math.max(1, Math.round(rest * 0.04));
  const training = Math.round(rest * 0.15);
  return { suppliers, procedures, audits, training, systems: rest - suppliers - procedures - audits - training };
}

/**
 * Lifecycle stage and the status of each document of a system.
 * @param {import('./random.mjs').Random} r
 */
function systemStatuses(r) {
  const x = r.next();
  if (x < 0.55) return { stage: 'deployed', system: 'approved', card: 'approved', ra: 'approved', ia: 'approved', data: 'approved' };
  if (x < 0.80) return { stage: 'development', system: 'approved', card: r.pick(['draft', 'in-review']), ra: r.pick(['approved', 'draft']), ia: 'draft', data: 'approved' };
  if (x < 0.92) return { stage: 'design', system: r.pick(['draft', 'in-review']), card: 'draft', ra: 'draft', ia: 'draft', data: 'draft' };
  return { stage: 'retired', system: 'retired', card: 'retired', ra: 'retired', ia: 'retired', data: 'retired' };
}

/**
 * One AI system with its model card, risk and impact assessments and dataset cards.
 * @param {import('./random.mjs').Random} r
 * @param {object} unit
 * @param {{ archetype: typeof ARCHETYPES[number], number: number, datasets: number, suppliers: string[] }} spec
 */
function systemDocs(r, unit, spec) {
  const { archetype, number } = spec;
  const tag = `${unit.code}-${archetype.code}${number > 1 ? `-${number}` : ''}`;
  const folder = `${unit.folder}/systems/${slug(archetype.name)}${number > 1 ? `-${number}` : ''}`;
  const name = `${archetype.name} ${unit.name}${number > 1 ? ` ${number}` : ''}`;
  const s = systemStatuses(r);
  const roles = (suffix) => `ROLE-${unit.code}-${suffix}`;
  const context = { system: name, model: archetype.model, metric: archetype.metric, users: archetype.users, decision: archetype.decision, region: unit.region, unit: unit.name };
  const ids = { system: `AIS-${tag}`, card: `MC-${tag}`, ra: `RA-${tag}`, ia: `IA-${tag}` };
  const datasets = Array.from({ length: spec.datasets }, (_, i) => `DS-${tag}-${i + 1}`);
  const datasetDocs = datasets.map((id, i) => doc({
    id, type: 'dataset-card', path: `${folder}/dataset-${i + 1}.md`, title: `Dataset Card - ${name} ${['training data', 'labels', 'reference data'][i]}`,
    owner: roles('DATA-LEAD'), ...withStatus(r, s.data, 'ROLE-DPO'),
    fields: { system: ids.system, provenance: `Extracted from the core systems of ${unit.name} under data sharing agreement ${unit.code}-${r.int(10, 99)}; each extract is versioned and hashed.`, personal_data: r.chance(0.7), size: `${r.int(12, 950)},${r.int(100, 999)} records` },
    controls: ['A.4.3', 'A.7.2', 'A.7.3', 'A.7.5'], links: [{ id: ids.system, anchor: 'intended-use' }, ...spec.suppliers.slice(0, 1).map((sup) => ({ id: sup, anchor: 'service' }))],
    context,
  }));
  const system = doc({
    id: ids.system, type: 'ai-system', path: `${folder}/system.md`, title: name, owner: roles('PRODUCT-OWNER'), ...withStatus(r, s.system, 'ROLE-AIMS-MANAGER'),
    fields: { purpose: `Support ${archetype.users} of ${unit.name} in decisions on ${archetype.decision}.`, lifecycle_stage: s.stage, risk_tier: archetype.tier, suppliers: spec.suppliers.length ? spec.suppliers : undefined },
    controls: ['A.4.2', 'A.4.4', 'A.6.2.2', 'A.9.4'],
    links: [{ id: ids.card }, { id: ids.ra }, { id: ids.ia, anchor: 'impacts-on-individuals' }, ...datasets.map((id) => ({ id })), ...spec.suppliers.map((id) => ({ id, anchor: 'allocation-of-responsibilities' }))],
    context,
  });
  const card = doc({
    id: ids.card, type: 'model-card', path: `${folder}/model-card.md`, title: `Model Card - ${name}`, owner: roles('DATA-LEAD'), ...withStatus(r, s.card, 'ROLE-MODEL-RISK'),
    fields: { system: ids.system, model_version: `${r.int(1, 6)}.${r.int(0, 9)}`, model_type: archetype.model, datasets },
    controls: ['A.6.2.3', 'A.6.2.4', 'A.6.2.7', 'A.8.2'], links: [{ id: ids.system, anchor: 'intended-use' }, ...datasets.map((id) => ({ id, anchor: 'provenance' }))],
    context,
  });
  const ra = doc({
    id: ids.ra, type: 'risk-assessment', path: `${folder}/risk-assessment.md`, title: `AI Risk Assessment - ${name}`, owner: 'ROLE-MODEL-RISK', ...withStatus(r, s.ra, 'ROLE-CRO'),
    fields: { system: ids.system, risks: risks(r, tag) }, clauses: ['6.1.2', '8.2'],
    links: [{ id: 'PROC-RISK-METHOD', anchor: 'likelihood-scale' }, { id: 'RTP-001', anchor: 'accepted-residual-risks' }, { id: ids.ia }], context,
  });
  const ia = doc({
    id: ids.ia, type: 'impact-assessment', path: `${folder}/impact-assessment.md`, title: `AI System Impact Assessment - ${name}`, owner: 'ROLE-DPO', ...withStatus(r, s.ia, 'ROLE-CRO'),
    fields: { system: ids.system, affected_groups: [`Customers of ${unit.name}`, 'Applicants with short histories', 'Customers in financial difficulty'].slice(0, r.int(2, 3)), impacts: impacts(r) },
    clauses: ['6.1.4', '8.4'], controls: ['A.5.3', 'A.5.4', 'A.5.5'], links: [{ id: 'PROC-IMPACT-ASSESSMENT', anchor: 'steps' }, { id: ids.ra, anchor: 'summary-of-ratings' }], context,
  });
  return { docs: [system, card, ra, ia, ...datasetDocs], deployed: s.stage === 'deployed' ? ids.system : undefined, id: ids.system };
}

/**
 * @param {import('./random.mjs').Random} r
 * @param {string} tag
 */
function risks(r, tag) {
  const descriptions = [
    'Some groups of customers receive less favourable outcomes than their actual risk justifies.',
    'Population drift degrades discrimination and calibration unnoticed.',
    'Incomplete upstream data leads to outputs calculated on missing inputs.',
    'Users rely on the output without checking the main drivers (automation bias).',
    'A supplier changes its service without notice and the model input shifts.',
    'Personal data is used beyond the purpose it was collected for.',
  ];
  return r.sample(descriptions, r.int(2, 5)).map((description, i) => ({
    id: `R-${tag}-${String(i + 1).padStart(2, '0')}`, description, likelihood: r.int(1, 5), impact: r.int(1, 5),
    treatment: r.pick(['mitigate', 'mitigate', 'accept', 'transfer', 'avoid']), residual: r.pick(['low', 'low', 'medium', 'high']),
  }));
}

/** @param {import('./random.mjs').Random} r */
function impacts(r) {
  return [
    { area: 'individuals', description: 'A customer receives a less favourable outcome because of an inaccurate estimate.', severity: r.pick(['medium', 'high']), mitigation: 'Human review of adverse outcomes; customers can ask for a reassessment.' },
    { area: 'groups', description: 'Some groups are treated less favourably than their actual risk justifies.', severity: r.pick(['low', 'medium']), mitigation: 'Quarterly fairness tests per group with a 0.80 ratio threshold.' },
    { area: 'society', description: 'Customers with little history are excluded from mainstream services.', severity: r.pick(['low', 'medium']), mitigation: 'Manual route for thin files and monitoring of their approval rate.' },
  ].slice(0, r.int(2, 3));
}

/**
 * All documents of one unit, exactly `quota` of them.
 * @param {import('./random.mjs').Random} r
 * @param {ReturnType<typeof makeUnits>[number]} unit
 * @param {number} quota
 */
function unitDocs(r, unit, quota) {
  const roles = unitRoles(r, unit);
  const rolesId = `ROLES-${unit.code}`;
  const head = `ROLE-${unit.code}-HEAD`;
  const docs = [doc({
    id: rolesId, type: 'roles', path: `${unit.folder}/roles.md`, title: `AI Roles - ${unit.name}`, owner: head, ...approved(r, 'ROLE-AIMS-MANAGER'),
    fields: { roles }, clauses: ['5.3'], controls: ['A.3.2', 'A.4.6'], links: [{ id: 'ROLES-001', anchor: 'authorities' }, { id: 'POL-001', anchor: 'principles' }],
    context: { unit: unit.name },
  })];
  let trainingNumber = 0;
  const nextTrainingId = () => `TR-${unit.code}-${String((trainingNumber += 1)).padStart(3, '0')}`;
  for (const role of roles) for (const holder of role.holders) docs.push(trainingRecord(r, nextTrainingId(), unit.folder, { holder, role: role.id, owner: head, current: true, rolesDoc: rolesId }));
  const budget = unitBudget(quota - docs.length);
  const suppliers = supplierDocs(r, unit, budget.suppliers);
  const systems = [];
  let left = budget.systems;
  while (left >= 5) {
    const archetype = ARCHETYPES[systems.length % ARCHETYPES.length];
    const spec = { archetype, number: Math.floor(systems.length / ARCHETYPES.length) + 1, datasets: Math.min(r.int(1, 3), left - 4), suppliers: r.sample(suppliers.map((s) => s.id), r.int(0, 2)) };
    const built = systemDocs(r, unit, spec);
    systems.push(built);
    left -= built.docs.length;
  }
  const procedures = procedureDocs(r, unit, budget.procedures, systems);
  const audits = auditDocs(r, unit, budget.audits, systems, procedures);
  docs.push(...suppliers, ...systems.flatMap((s) => s.docs), ...procedures, ...audits);
  while (docs.length < quota) {
    const role = r.pick(roles);
    docs.push(trainingRecord(r, nextTrainingId(), unit.folder, { holder: r.chance(0.5) ? r.pick(role.holders) : person(r), role: role.id, owner: head, current: r.chance(0.4), rolesDoc: rolesId }));
  }
  return docs;
}

/**
 * @param {import('./random.mjs').Random} r
 * @param {object} unit
 * @param {number} count
 */
function supplierDocs(r, unit, count) {
  return Array.from({ length: count }, (_, i) => {
    const name = `${SUPPLIER_NAMES[(i + unit.code.length) % SUPPLIER_NAMES.length]} ${r.pick(['GmbH', 'B.V.', 'AB', 'S.A.', 'Ltd'])}`;
    return doc({
      id: `SUP-${unit.code}-${i + 1}`, type: 'supplier-assessment', path: `${unit.folder}/suppliers/${slug(name)}-${i + 1}.md`, title: `Supplier Assessment - ${name}`,
      owner: `ROLE-${unit.code}-DATA-LEAD`, ...approved(r, 'ROLE-DPO'),
      fields: { supplier: name, services: [r.pick(SUPPLIER_SERVICES)], responsibilities: r.sample(RESPONSIBILITIES, r.int(3, 5)), attestations: r.sample(ATTESTATIONS, r.int(2, 3)) },
      controls: ['A.10.2', 'A.10.3'], links: [{ id: `ROLES-${unit.code}`, anchor: 'authorities' }], context: { supplier: name, unit: unit.name, region: unit.region },
    });
  });
}

/**
 * Procedures (every kind at least once) and monitoring plans.
 * @param {import('./random.mjs').Random} r
 * @param {object} unit
 * @param {number} count
 * @param {{ id: string, deployed?: string }[]} systems
 */
function procedureDocs(r, unit, count, systems) {
  const deployed = systems.map((s) => s.deployed).filter(Boolean);
  return Array.from({ length: count }, (_, i) => {
    const owner = `ROLE-${unit.code}-${r.pick(['HEAD', 'OPS-LEAD', 'DATA-LEAD'])}`;
    const status = r.next() < 0.9 || i < PROCEDURE_KINDS.length ? 'approved' : r.pick(['draft', 'in-review']);
    if (i >= PROCEDURE_KINDS.length && i % 3 === 0 && deployed.length > 0) {
      const number = i / 3;
      const watched = r.sample(deployed, r.int(1, 3));
      return doc({
        id: `MON-${unit.code}-${number}`, type: 'monitoring-plan', path: `${unit.folder}/procedures/monitoring-plan-${number}.md`, title: `Monitoring Plan ${number} - ${unit.name}`,
        owner, ...withStatus(r, status, 'ROLE-MODEL-RISK'), clauses: ['9.1'], controls: ['A.6.2.6', 'A.6.2.8'],
        fields: { systems: watched, metrics: [{ name: 'Population stability index', threshold: 'alert 0.10, escalate 0.25', frequency: 'monthly', owner }, { name: 'Override rate', threshold: 'above 15 %', frequency: 'monthly', owner: `ROLE-${unit.code}-OPS-LEAD` }] },
        links: [...watched.map((id) => ({ id, anchor: 'requirements-and-specification' })), { id: `PROC-${unit.code}-INCIDENT`, anchor: 'steps' }],
        context: { unit: unit.name, region: unit.region, system: watched[0] },
      });
    }
    const kind = PROCEDURE_KINDS[i % PROCEDURE_KINDS.length];
    const round = Math.floor(i / PROCEDURE_KINDS.length);
    const id = `PROC-${unit.code}-${kind.code}${round ? `-${round + 1}` : ''}`;
    return doc({
      id, type: 'procedure', path: `${unit.folder}/procedures/${slug(kind.title)}${round ? `-${round + 1}` : ''}.md`, title: `${kind.title}${round ? ` (${['channels', 'regional variant', 'legacy systems', 'vendors'][round % 4]})` : ''} - ${unit.name}`,
      owner, ...withStatus(r, status, `ROLE-${unit.code}-HEAD`), controls: kind.controls, clauses: kind.code === 'INCIDENT' ? ['10.2'] : [],
      links: [{ id: `ROLES-${unit.code}`, anchor: 'authorities' }, { id: 'POL-001', anchor: 'principles' }, ...(kind.code === 'INCIDENT' ? [] : [{ id: `PROC-${unit.code}-INCIDENT`, anchor: 'steps' }])],
      context: { unit: unit.name, region: unit.region, kind: kind.steps, system: systems[0] ? systems[0].id : `${unit.name} systems` },
    });
  });
}

/**
 * An audit report, a management review, and incidents with their corrective actions.
 * @param {import('./random.mjs').Random} r
 * @param {object} unit
 * @param {number} count even, at least 4
 * @param {{ id: string }[]} systems
 * @param {Doc[]} procedures
 */
function auditDocs(r, unit, count, systems, procedures) {
  const folder = `${unit.folder}/audits`;
  const pairs = (count - 2) / 2;
  const incidents = Array.from({ length: pairs }, (_, i) => {
    const occurred = dateBetween(r, '2025-12-01', '2026-10-15');
    const system = systems.length ? r.pick(systems).id : undefined;
    const inc = doc({
      id: `INC-${unit.code}-${i + 1}`, type: 'incident', path: `${folder}/incident-${i + 1}.md`, title: `Incident ${i + 1} - ${r.pick(['Alert volume drop', 'Wrong answers on fees', 'Input field renamed', 'Drift alert missed', 'Late bureau responses'])}`,
      owner: `ROLE-${unit.code}-OPS-LEAD`, ...approved(r, 'ROLE-AIMS-MANAGER'), clauses: ['10.2'], controls: ['A.8.4'],
      fields: { system, severity: r.pick(['low', 'medium', 'medium', 'high']), occurred_on: occurred, detected_on: addDays(occurred, r.int(0, 2)), resolved_on: addDays(occurred, r.int(2, 20)), corrective_actions: [`CA-${unit.code}-${i + 1}`] },
      links: [...(system ? [{ id: system }] : []), { id: `CA-${unit.code}-${i + 1}` }, { id: `PROC-${unit.code}-INCIDENT`, anchor: 'steps' }],
      context: { unit: unit.name, date: occurred, system: system ?? unit.name },
    });
    const ca = doc({
      id: `CA-${unit.code}-${i + 1}`, type: 'corrective-action', path: `${folder}/corrective-action-${i + 1}.md`, title: `Corrective Action ${i + 1} - ${unit.name}`,
      owner: `ROLE-${unit.code}-DATA-LEAD`, ...approved(r, 'ROLE-AIMS-MANAGER'), clauses: ['10.1', '10.2'],
      fields: { raised_from: [inc.id], nonconformity: 'Monitoring did not work as planned.', root_cause: 'Upstream pipeline changes were not treated as model changes.', due_on: addDays(occurred, 90) },
      links: [{ id: inc.id, anchor: 'root-cause' }, { id: `PROC-${unit.code}-CHANGE`, anchor: 'steps' }], context: { unit: unit.name, date: occurred },
    });
    return [inc, ca];
  }).flat();
  const auditors = uniqueNames(r, 2);
  const report = doc({
    id: `AUD-${unit.code}-2026`, type: 'audit-report', path: `${folder}/audit-report-2026.md`, title: `Internal Audit Report 2026 - ${unit.name}`,
    owner: 'ROLE-INTERNAL-AUDIT', ...approved(r, 'ROLE-CRO'), clauses: ['9.2', '9.2.2'],
    fields: { audit_scope: `AI systems and procedures of ${unit.name}`, auditors, conducted_on: dateBetween(r, '2026-03-01', '2026-09-30') },
    links: [{ id: 'AUD-PROG-2026', anchor: 'schedule' }, ...incidents.filter((d) => d.type === 'corrective-action').slice(0, 3).map((d) => ({ id: d.id }))],
    context: { unit: unit.name, auditor: auditors.join(' and '), date: '2026-05-04', date2: '2026-05-15' },
  });
  const review = doc({
    id: `MR-${unit.code}-2026`, type: 'management-review', path: `${folder}/management-review-2026.md`, title: `AI Management Review 2026 - ${unit.name}`,
    owner: `ROLE-${unit.code}-HEAD`, ...approved(r, 'ROLE-CRO'), clauses: ['9.3', '9.3.3'], controls: ['A.2.4'],
    fields: { held_on: dateBetween(r, '2026-04-01', '2026-10-30'), attendees: uniqueNames(r, r.int(4, 7)) },
    links: [{ id: report.id, anchor: 'findings' }, { id: 'POL-001', anchor: 'policy-review' }, ...procedures.slice(0, 1).map((p) => ({ id: p.id }))],
    context: { unit: unit.name },
  });
  return [report, review, ...incidents];
}

/**
 * The defect kinds that make sense for one document.
 * @param {Doc} d
 * @param {Set<string>} deployedSystems
 * @returns {string[]}
 */
function defectKinds(d, deployedSystems) {
  const general = ['broken-link', 'unknown-key', 'unresolved-ref'];
  if (d.status === 'approved') general.push('overdue-review', 'placeholder');
  if (d.type === 'model-card') return deployedSystems.has(/** @type {string} */ (d.fields.system)) && d.status === 'approved' ? ['missing-section', 'missing-section', 'inventory-gap', ...general] : ['missing-section', ...general];
  if (d.type === 'training-record' && d.context.current === 'true') return ['expired-training', ...general];
  return general;
}

/**
 * Marks about DEFECT_RATE of the unit documents with one defect each.
 * @param {import('./random.mjs').Random} r
 * @param {Doc[]} docs
 * @param {Set<string>} deployedSystems
 */
function injectDefects(r, docs, deployedSystems) {
  for (const d of docs) {
    if (d.type === 'roles' || !d.path.startsWith('units/') || !r.chance(DEFECT_RATE)) continue;
    d.defect = r.pick(defectKinds(d, deployedSystems));
    applyDefect(r, d);
  }
}

/**
 * Changes the model for defects that live in the frontmatter; render.mjs handles the body ones.
 * @param {import('./random.mjs').Random} r
 * @param {Doc} d
 */
function applyDefect(r, d) {
  if (d.defect === 'overdue-review' || d.defect === 'stale-evidence') {
    d.nextReview = addDays(BENCH_NOW, -r.int(5, 200));
    d.lastReviewed = addDays(d.nextReview, -364);
    d.approvedOn = d.lastReviewed;
  } else if (d.defect === 'inventory-gap') {
    Object.assign(d, { status: 'in-review', approvedBy: undefined, approvedOn: undefined, lastReviewed: undefined, nextReview: undefined });
  } else if (d.defect === 'draft-evidence') {
    Object.assign(d, { status: 'draft', approvedBy: undefined, approvedOn: undefined, lastReviewed: undefined, nextReview: undefined });
  } else if (d.defect === 'expired-training') {
    d.fields.completed_on = addDays(BENCH_NOW, -r.int(380, 480));
    d.approvedOn = d.fields.completed_on;
    d.lastReviewed = d.approvedOn;
  }
}

/** The heading each document type is usually cited at in the SoA. */
const EVIDENCE_ANCHOR = {
  'ai-policy': 'principles', roles: 'authorities', 'ai-objectives': 'objectives-for-responsible-development', procedure: 'steps',
  'ai-system': 'requirements-and-specification', 'dataset-card': 'provenance', 'impact-assessment': 'impacts-on-individuals',
  'model-card': 'evaluation', 'monitoring-plan': 'what-is-monitored', 'supplier-assessment': 'allocation-of-responsibilities',
  'training-record': 'evidence-of-competence', 'management-review': 'decisions', incident: 'summary',
};

/**
 * The Statement of Applicability: 1-3 evidence items per applicable control
 * from clean approved documents that list the control; then a few of those
 * procedures become drafts or overdue (the SoA defects).
 * @param {import('./random.mjs').Random} r
 * @param {Doc[]} docs
 * @param {number} n
 */
function soaDoc(r, docs, n) {
  const byControl = new Map(CONTROLS.map(([id]) => [id, []]));
  for (const d of docs) if (d.status === 'approved' && !d.defect) for (const c of d.controls) byControl.get(c)?.push(d);
  const entries = CONTROLS.map(([control, title]) => {
    if (EXCLUDED_CONTROLS[control]) return { control, title, applicable: false, justification: EXCLUDED_CONTROLS[control], evidence: [] };
    const candidates = /** @type {Doc[]} */ (byControl.get(control)).slice(0, 400);
    const evidence = r.sample(candidates, r.int(1, 3)).map((d) => ({ doc: d, asId: r.chance(0.25), anchor: EVIDENCE_ANCHOR[d.type] }));
    return { control, title, applicable: true, justification: `Needed for the AI systems of ${r.pick(['all units', 'the lending units', 'the customer-facing units', 'the group'])}.`, implementation: `${title}: implemented through the documents listed as evidence.`, evidence };
  });
  const cited = [...new Set(entries.flatMap((e) => e.evidence.map((item) => item.doc)))].filter((d) => d.type === 'procedure' && d.path.startsWith('units/'));
  const broken = r.sample(cited, Math.min(3, Math.ceil(n / 5000)) + 1);
  broken.forEach((d, i) => { d.defect = i === 0 ? 'stale-evidence' : 'draft-evidence'; applyDefect(r, d); });
  return doc({
    id: 'SOA-001', type: 'soa', path: 'aims/soa.md', title: 'Statement of Applicability', owner: 'ROLE-AIMS-MANAGER', ...approved(r, 'ROLE-CRO'),
    clauses: ['6.1.3'], fields: { entries }, links: [{ id: 'RTP-001', anchor: 'steps' }],
  });
}

/**
 * @param {number} n number of documents
 * @param {string} seed
 * @returns {Model}
 */
export function buildModel(n, seed) {
  const r = createRandom(`${seed}:${n}`);
  const roles = coreRoles(r);
  const core = coreDocs(r, roles);
  const units = makeUnits(Math.max(2, Math.round(n / DOCS_PER_UNIT)));
  const left = n - core.length - 2;
  const docs = [...core];
  units.forEach((unit, i) => docs.push(...unitDocs(r, unit, Math.floor(left / units.length) + (i < left % units.length ? 1 : 0))));
  const deployed = new Set(docs.filter((d) => d.type === 'ai-system' && d.fields.lifecycle_stage === 'deployed').map((d) => d.id));
  injectDefects(r, docs, deployed);
  const soa = soaDoc(r, docs, n);
  const scope = doc({
    id: 'SCOPE-001', type: 'aims-scope', path: 'aims/scope.md', title: `Scope of the AI Management System - ${ORG}`, owner: 'ROLE-AIMS-MANAGER', ...approved(r, 'ROLE-CRO'),
    clauses: ['4.1', '4.2', '4.3'], fields: { ai_systems: docs.filter((d) => d.type === 'ai-system' && d.status !== 'retired').map((d) => d.id), boundaries: units.map((u) => `${u.name}: all AI systems, data and people of the unit`) },
    links: [{ id: 'POL-001' }, { id: 'SOA-001', anchor: 'controls' }],
  });
  docs.push(soa, scope);
  const defects = {};
  for (const d of docs) if (d.defect) defects[d.defect] = (defects[d.defect] ?? 0) + 1;
  return { docs, byId: new Map(docs.map((d) => [d.id, d])), defects };
}
