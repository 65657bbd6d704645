/**
 * Turns a document of the model into Markdown with YAML frontmatter, with
 * a 3-6 KB body of headings, paragraphs, lists, tables, code blocks and
 * links to other documents, and the body side of any injected defect.
 */
import { posix } from 'node:path';
import { createRandom } from './random.mjs';
import { frontmatter } from './yaml.mjs';
import { monthName } from './dates.mjs';
import { ORG } from './model.mjs';
import { REVIEW_NOTES, SENTENCES } from './vocabulary.mjs';

const WIDTH = 78;

/**
 * @typedef {import('./model.mjs').Doc} Doc
 * @typedef {import('./random.mjs').Random} Random
 * @typedef {{ r: Random, doc: Doc, byId: Map<string, Doc>, linkQueue: string[], bodySize: BodySize }} Scope
 */

/**
 * @param {string} text
 * @returns {string} the text wrapped at WIDTH columns
 */
function wrap(text) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/**
 * Fills `{slot}`s of a sentence template.
 * @param {Scope} s
 * @param {string} template
 */
function fill(s, template) {
  const { r, doc } = s;
  return template.replace(/\{(\w+)\}/g, (_, slot) => {
    switch (slot) {
      case 'num': return String(r.int(2, 9));
      case 'org': return ORG;
      case 'year': return String(r.int(2018, 2021));
      case 'year2': return String(r.int(2024, 2025));
      case 'month': return monthName(`2026-${String(r.int(1, 10)).padStart(2, '0')}-01`);
      case 'date': return doc.context.date ?? `2026-${String(r.int(1, 10)).padStart(2, '0')}-${String(r.int(10, 28))}`;
      case 'date2': return doc.context.date2 ?? '2026-10-30';
      default: return doc.context[slot] ?? { system: 'the AI system', unit: 'the group', region: 'the home market', users: 'trained staff', decision: 'cases', model: 'statistical model', metric: 'main metric', holder: 'The role holder', supplier: 'The supplier', auditor: 'internal audit' }[slot] ?? slot;
    }
  });
}

/**
 * A paragraph of 2-5 sentences on a topic; takes one waiting link sentence.
 * @param {Scope} s
 * @param {keyof typeof SENTENCES} topic
 */
function paragraph(s, topic) {
  const sentences = s.r.sample(SENTENCES[topic], s.r.int(2, 5)).map((t) => fill(s, t));
  const link = s.linkQueue.shift();
  if (link) sentences.splice(s.r.int(0, sentences.length), 0, link);
  return wrap(sentences.join(' '));
}

/**
 * @param {readonly string[]} items
 * @returns {string} a bullet list
 */
function list(items) {
  return items.map((item) => wrap(`- ${item}`).replace(/\n/g, '\n  ')).join('\n');
}

/**
 * @param {readonly string[]} header
 * @param {readonly (string | number)[][]} rows
 * @returns {string} a GFM table
 */
function table(header, rows) {
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

/**
 * @param {Doc} from
 * @param {Doc} to
 * @param {string} [anchor]
 * @returns {string} a link target relative to `from`
 */
export function relativeLink(from, to, anchor) {
  const path = posix.relative(posix.dirname(from.path), to.path);
  return anchor ? `${path}#${anchor}` : path;
}

/**
 * Sentences that carry the document's links, in its own words.
 * @param {Scope} s
 * @returns {string[]}
 */
function linkSentences(s) {
  const forms = ['See the [{t}]({p}) for details.', 'This follows the [{t}]({p}).', 'The [{t}]({p}) has more on this.', 'Related: [{t}]({p}).'];
  const sentences = s.doc.links.flatMap(({ id, anchor }) => {
    const target = s.byId.get(id);
    return target ? [s.r.pick(forms).replace('{t}', target.title).replace('{p}', relativeLink(s.doc, target, anchor))] : [];
  });
  if (s.doc.defect === 'broken-link') sentences.push(s.r.pick(['See the [records retention schedule](../records/retention-schedule.md).', 'Approvals follow the [approval matrix](../../aims/approval-matrix.md#thresholds).']));
  if (s.doc.defect === 'placeholder') sentences.push('The owner of the remaining follow-up actions is TBD.');
  return sentences;
}

/** Fixed sections per type: [heading, topic, extra block maker]. */
const SECTIONS = {
  'ai-system': [['Intended use', 'system'], ['Requirements and specification', 'system', requirementsList], ['Architecture', 'system'], ['Resources', 'system', resourceTable], ['Users', 'oversight'], ['Documentation set', 'intro']],
  'model-card': [['Intended use', 'system'], ['Limitations', 'limitations', limitationList], ['Training data', 'data'], ['Evaluation', 'evaluation', metricTable], ['Human oversight', 'oversight'], ['Information for users', 'oversight']],
  'dataset-card': [['Content', 'data'], ['Acquisition', 'data'], ['Data quality', 'data', qualityCode], ['Provenance', 'data'], ['Restrictions', 'data']],
  'risk-assessment': [['Context', 'risk'], ['Summary of ratings', 'risk', riskTable], ['Treatments in place', 'risk', treatmentList], ['Accepted risks', 'risk'], ['Conclusion', 'risk']],
  'impact-assessment': [['Scope of the assessment', 'impact'], ['Impacts on individuals', 'impact'], ['Impacts on groups', 'impact'], ['Impacts on society', 'impact'], ['Contesting a decision', 'impact'], ['Outcome', 'impact']],
  procedure: [['Purpose', 'intro'], ['Scope', 'procedure'], ['Steps', 'procedure', stepList], ['Responsibilities', 'procedure'], ['Records', 'procedure']],
  'monitoring-plan': [['What is monitored', 'monitoring', monitoringTable], ['Input data checks', 'monitoring'], ['Analysis and evaluation', 'monitoring', thresholdCode], ['Results', 'monitoring'], ['Event logs', 'monitoring']],
  'training-record': [['Role', 'training'], ['Course', 'training'], ['Topics covered', 'training', topicList], ['Evidence of competence', 'training'], ['Validity', 'training']],
  'supplier-assessment': [['Service', 'supplier'], ['Allocation of responsibilities', 'supplier'], ['Assessment', 'supplier'], ['Conditions', 'supplier', conditionList], ['Review', 'supplier']],
  'audit-report': [['Engagement', 'audit'], ['Summary', 'audit'], ['Findings', 'audit', findingTable], ['Samples tested', 'audit'], ['Conclusion', 'audit']],
  'management-review': [['Attendance', 'audit'], ['Inputs reviewed', 'monitoring'], ['Review of the AI policy', 'policy'], ['Decisions', 'audit', decisionList], ['Resources', 'procedure'], ['Next review', 'procedure']],
  incident: [['Summary', 'incident'], ['Detection', 'incident'], ['Containment', 'incident'], ['Impact', 'impact'], ['Root cause', 'incident'], ['Follow-up', 'procedure']],
  'corrective-action': [['Nonconformity', 'incident'], ['Root cause analysis', 'incident'], ['Actions', 'procedure', actionTable], ['Effectiveness review', 'audit']],
  roles: [['Governance structure', 'procedure'], ['Authorities', 'procedure', authorityList], ['Competence requirements', 'training'], ['Human resources for AI', 'procedure']],
  'ai-policy': [['Purpose', 'policy'], ['Principles', 'policy', principleList], ['Commitments', 'policy'], ['Alignment with other policies', 'policy'], ['Policy review', 'policy'], ['Communication', 'policy']],
  'ai-objectives': [['How objectives are set', 'policy'], ['Objectives for responsible development', 'policy', objectiveTable], ['Objectives for responsible use', 'oversight', objectiveTable], ['Status', 'monitoring']],
  'aims-scope': [['Context', 'intro'], ['Boundaries', 'policy'], ['AI systems in scope', 'system'], ['Exclusions', 'policy']],
  soa: [['Basis', 'intro'], ['Controls', 'intro', soaTable], ['Excluded controls', 'intro'], ['Review', 'procedure']],
};

/** Extra headings of particular documents that other documents link to. */
const EXTRA_SECTIONS = {
  'PROC-RISK-METHOD': [['Likelihood scale', 'risk', scaleTable], ['Impact scale', 'risk', scaleTable]],
  'RTP-001': [['Accepted residual risks', 'risk']],
  'AUD-PROG-2026': [['Schedule', 'audit', findingTable]],
};

/**
 * @typedef {{ target: readonly [number, number], paddingRounds: number }} BodySize
 * `target`: the range a body's size is drawn from (it ends with the section
 * that reaches it); `paddingRounds`: how often PADDING may be gone through.
 */
/**
 * `default`: 3-6 KB bodies, as the corpora always had; `large`: documents of
 * about 7-8 KB, frontmatter included (10,000 are 78 MB), going round the
 * padding sections again where needed (a second `## Notes` is `#notes-1`).
 * @type {Record<'default' | 'large', BodySize>}
 */
export const BODY_SIZES = { default: { target: [3000, 6000], paddingRounds: 1 }, large: { target: [6300, 7300], paddingRounds: 3 } };

/** Sections that pad a body to its target size, in order. */
const PADDING = [['Background', 'intro'], ['Change history', 'intro', historyTable], ['Interfaces', 'procedure'], ['Notes', 'intro'], ['Lessons learned', 'monitoring'], ['Open points', 'procedure', topicList]];

/** @param {Scope} s */ function requirementsList(s) { return list([`${s.doc.context.metric ?? 'Main metric'} at least 0.${s.r.int(55, 80)} on the out-of-time sample.`, `Latency: 95th percentile below ${s.r.int(2, 9)}00 ms.`, 'Explainability: the main drivers of each output, mapped to plain-language texts.', 'Protected characteristics are not used as inputs.']); }
/** @param {Scope} s */ function resourceTable(s) { return table(['Resource', 'Description'], [['Data', `${s.r.int(1, 3)} datasets with dataset cards`], ['Tooling', 'Python 3.12, MLflow model registry, Great Expectations'], ['Hosting', 'Managed ML platform, EU region'], ['People', `${s.r.int(2, 5)} data scientists, one validator`]]); }
/** @param {Scope} s */ function limitationList(s) { return list(s.r.sample(SENTENCES.limitations, 3).map((t) => fill(s, t))); }
/** @param {Scope} s */ function metricTable(s) {
  const rows = table(['Metric', 'Development', 'Out-of-time'], [[s.doc.context.metric ?? 'AUC', `0.${s.r.int(60, 89)}`, `0.${s.r.int(55, 85)}`], ['Brier score', `0.0${s.r.int(30, 60)}`, `0.0${s.r.int(30, 65)}`], ['Group ratio, youngest vs. reference', `0.${s.r.int(82, 97)}`, `0.${s.r.int(81, 96)}`]]);
  return s.r.chance(0.4) ? `${rows}\n\n\`\`\`python\nfrom evaluation import gini, group_ratio\n\nreport = gini(model, oot_sample)\nassert group_ratio(model, oot_sample, by="age_band") >= 0.80\n\`\`\`` : rows;
}
/** @param {Scope} s */ function qualityCode(s) { return `\`\`\`yaml\nchecks:\n  - column: customer_age\n    range: [18, 100]\n  - column: income\n    max_missing: 0.0${s.r.int(1, 5)}\n  - table: extract\n    min_rows: ${s.r.int(10, 90)}000\n\`\`\``; }
/** @param {Scope} s */ function riskTable(s) { return table(['Risk', 'Inherent rating', 'Treatment', 'Residual'], (/** @type {any[]} */ (s.doc.fields.risks ?? [])).map((risk) => [risk.id, `${risk.likelihood * risk.impact}`, risk.treatment, risk.residual])); }
/** @param {Scope} s */ function treatmentList(s) { return list((/** @type {any[]} */ (s.doc.fields.risks ?? [])).map((risk) => `${risk.id}: ${risk.treatment === 'accept' ? 'accepted by the Chief Risk Officer' : 'quarterly test with an agreed threshold and escalation to model risk'}.`)); }
/** @param {Scope} s */ function stepList(s) { return s.r.sample(SENTENCES.procedure, 5).map((t, i) => `${i + 1}. ${fill(s, t)}`).join('\n'); }
/** @param {Scope} s */ function monitoringTable(s) { return table(['Measure', 'Frequency', 'Threshold', 'Owner'], (/** @type {any[]} */ (s.doc.fields.metrics ?? [])).map((m) => [m.name, m.frequency, m.threshold, m.owner])); }
/** @param {Scope} s */ function thresholdCode(s) { return `\`\`\`yaml\nalerts:\n  psi: { warn: 0.10, escalate: 0.25 }\n  override_rate: { warn: 0.${s.r.int(10, 20)} }\n  route: on-call-paging\n\`\`\``; }
/** @param {Scope} s */ function topicList(s) { return list(s.r.sample(['Structure of the AIMS and the Annex A controls', 'Role-specific duties and approvals', 'Fairness testing and its thresholds', 'Reporting concerns and incidents', 'Data protection in model development', 'Recent incidents and lessons learned'], 4)); }
/** @param {Scope} s */ function conditionList(s) { return list(s.r.sample(['Zero data retention enabled for production traffic.', 'Exit plan tested with a second provider.', 'Evaluation rerun on every new model version.', 'Sub-processor list reviewed yearly.'], 3)); }
/** @param {Scope} s */ function findingTable(s) { return table(['No.', 'Grade', 'Finding', 'Action'], Array.from({ length: s.r.int(2, 4) }, (_, i) => [`F-${i + 1}`, s.r.pick(['observation', 'minor nonconformity', 'observation']), s.r.pick(['Alert routed by email only', 'Training refresher overdue for two reviewers', 'Exit criteria missing in a supplier assessment', 'Override reasons not always documented']), s.r.pick(['Corrective action raised', 'Owner to update the procedure', 'Closed during the audit'])])); }
/** @param {Scope} s */ function decisionList(s) { return s.r.sample(['The AIMS remains suitable, adequate and effective.', 'Monitoring alerts move to on-call paging.', 'Budget approved for a second validator.', 'Review rights are tied to current training.', 'The pilot may start once the release gate is met.'], 3).map((d, i) => `${i + 1}. ${d}`).join('\n'); }
/** @param {Scope} s */ function actionTable(s) { return table(['No.', 'Action', 'Due', 'Status'], Array.from({ length: s.r.int(2, 5) }, (_, i) => [String(i + 1), s.r.pick(['Amend the change procedure', 'Add a schema contract test', 'Route alerts to paging', 'Re-score the affected period', 'Check other pipelines']), `2026-${String(s.r.int(1, 12)).padStart(2, '0')}-${s.r.int(10, 28)}`, s.r.pick(['done', 'in progress'])])); }
/** @param {Scope} s */ function authorityList(s) { return list(s.r.sample(['Only the Chief Risk Officer may accept a residual AI risk rated medium or high.', 'Model risk can block the release of any model that fails validation.', 'The operations lead can suspend automated use at any time.', 'The ML platform team can roll a model back during an incident.'], 3)); }
/** @param {Scope} s */ function principleList(s) { return SENTENCES.policy.slice(0, 4).map((t, i) => `${i + 1}. ${fill(s, t)}`).join('\n'); }
/** @param {Scope} s */ function objectiveTable(s) { return table(['No.', 'Objective', 'Target', 'Owner'], Array.from({ length: 3 }, (_, i) => [`O-${s.r.int(1, 9)}${i}`, s.r.pick(['Fair outcomes across groups', 'Validation before every release', 'Complete dataset cards', 'Human review of adverse outcomes']), s.r.pick(['100 %', 'at least 0.80', 'within 24 hours']), s.doc.owner])); }
/** @param {Scope} s */ function scaleTable(s) { return table(['Level', 'Meaning'], ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'].map((m, i) => [String(i + 1), `${m}, reviewed ${s.r.pick(['yearly', 'quarterly'])}`])); }
/** @param {Scope} s */ function historyTable(s) { return table(['Version', 'Date', 'Change'], Array.from({ length: s.r.int(3, 7) }, (_, i) => [`1.${i}`, `202${s.r.int(3, 6)}-0${s.r.int(1, 9)}-1${s.r.int(0, 9)}`, s.r.pick(REVIEW_NOTES)])); }

/** @param {Scope} s */
function soaTable(s) {
  const entries = /** @type {any[]} */ (s.doc.fields.entries);
  return table(['Control', 'Title', 'Applicable', 'Justification', 'Evidence'], entries.map((e) => [
    e.control, e.title, e.applicable ? 'yes' : 'no', e.justification,
    e.evidence.map((/** @type {any} */ item) => (item.asId ? item.doc.id : `[${item.doc.title}](${relativeLink(s.doc, item.doc, item.anchor)})`)).join(', '),
  ]));
}

/**
 * @param {Scope} s
 * @param {[string, keyof typeof SENTENCES, ((s: Scope) => string)?]} section
 */
function section(s, [heading, topic, extra]) {
  const parts = [`## ${heading}`, paragraph(s, topic)];
  if (extra) parts.push(extra(s));
  if (s.r.chance(0.35)) parts.push(paragraph(s, topic));
  return parts.join('\n\n');
}

/**
 * @param {Scope} s
 * @returns {string} the Markdown body
 */
function body(s) {
  const { doc, r } = s;
  let fixed = [...SECTIONS[doc.type], ...(EXTRA_SECTIONS[doc.id] ?? [])];
  if (doc.defect === 'missing-section') {
    const dropped = r.pick(['Limitations', 'Human oversight']);
    fixed = fixed.filter(([heading]) => heading !== dropped);
  }
  const target = r.int(s.bodySize.target[0], s.bodySize.target[1]);
  const parts = [`# ${doc.title}`, ...fixed.map((sec) => section(s, sec))];
  let size = parts.join('\n\n').length;
  const padding = Array.from({ length: s.bodySize.paddingRounds }, () => PADDING).flat();
  for (const pad of padding) {
    if (size >= target && s.linkQueue.length === 0) break;
    parts.push(section(s, pad));
    size = parts.join('\n\n').length;
  }
  while (s.linkQueue.length > 0) parts.push(wrap(s.linkQueue.shift()));
  return `${parts.join('\n\n')}\n`;
}

/**
 * The frontmatter data, in the field order of the example repository.
 * @param {Scope} s
 */
function frontmatterData(s) {
  const { doc, r } = s;
  const related = [...new Set(doc.links.map((l) => l.id))].filter((id) => id !== doc.id && s.byId.has(id)).slice(0, 6);
  if (doc.defect === 'unresolved-ref') related.push(`${related[0] ?? 'POL-001'}-OLD`);
  const fields = doc.type === 'soa' ? { entries: soaEntries(s) } : doc.type === 'roles' ? { roles: rolesWithDuties(s) } : doc.fields;
  return {
    id: doc.id, type: doc.type, title: doc.title, owner: doc.owner, status: doc.status, version: `${r.int(1, 4)}.${r.int(0, 12)}`,
    approved_by: doc.approvedBy, approved_on: doc.approvedOn, last_reviewed: doc.lastReviewed, next_review: doc.nextReview,
    ...fields,
    clauses: doc.clauses.length ? doc.clauses : undefined,
    controls: doc.controls.length ? doc.controls : undefined,
    related: related.length ? related : undefined,
    reviewer_notes: doc.defect === 'unknown-key' ? 'Check wording with legal before the next review.' : undefined,
  };
}

/** @param {Scope} s */
function soaEntries(s) {
  return (/** @type {any[]} */ (s.doc.fields.entries)).map((e) => ({
    control: e.control, applicable: e.applicable, justification: e.justification, implementation: e.implementation,
    evidence: e.applicable ? e.evidence.map((/** @type {any} */ item) => (item.asId ? item.doc.id : relativeLink(s.doc, item.doc, item.anchor))) : undefined,
  }));
}

/** @param {Scope} s */
function rolesWithDuties(s) {
  const duties = ['Approves documents within the remit of the role', 'Keeps the documents owned by the role current', 'Reports AI risks and incidents to the AIMS Manager', 'Ensures people in the unit are trained for their AI duties', 'Reviews monitoring results and decides on escalation'];
  return (/** @type {any[]} */ (s.doc.fields.roles)).map((role) => ({ ...role, responsibilities: s.r.sample(duties, s.r.int(2, 4)) }));
}

/**
 * @param {Doc} doc
 * @param {Map<string, Doc>} byId
 * @param {string} seed
 * @param {BodySize} [bodySize] how long the body is (BODY_SIZES)
 * @returns {string} the file's text
 */
export function renderDocument(doc, byId, seed, bodySize = BODY_SIZES.default) {
  const r = createRandom(`${seed}:${doc.id}`);
  const s = { r, doc, byId, linkQueue: [], bodySize };
  s.linkQueue = linkSentences(s);
  return `${frontmatter(frontmatterData(s))}${body(s)}`;
}
