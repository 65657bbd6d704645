import { controlsOf } from '../../catalog/index.js';
import { appendToList } from '../../fix/yaml-edits.js';
import type { IndexedDocument } from '../../model.js';
import { defineRepositoryRule, type Report } from '../types.js';
import { claimsControl } from '../../index/queries.js';
import { judgeEvidence } from './evidence.js';

export default defineRepositoryRule({
  id: 'soa/evidence-backlink',
  defaultSeverity: 'warn',
  description: 'An SoA evidence document that does not list the control in its own `controls`.',
  serves: ['6.1.3'],
  fixable: 'code',
  messages: {
    backlink: '{{path}} is cited as evidence for {{control}} but does not list {{control}} in its `controls`; add it there so the link holds both ways.',
  },
  check(index) {
    // An id that is not a control is soa/control-unknown's finding; asking to list it would be wrong advice.
    const known = new Set(controlsOf(index.catalog).map((control) => control.id));
    const missing = new Map<IndexedDocument, Set<string>>();
    const reports = judgeEvidence(index, ({ item, entry, soaPath, target }): Report[] => {
      if (entry.applicable !== true || !known.has(entry.control)) return [];
      if (target.kind !== 'document' || claimsControl(target.document, entry.control)) return [];
      const controls = missing.get(target.document) ?? new Set<string>();
      missing.set(target.document, controls.add(entry.control));
      return [{ messageId: 'backlink', data: { path: target.document.path, control: entry.control }, file: soaPath, range: item.range }];
    });
    // One fix per evidence document, shared by its findings: it adds every missing control at once, so they cannot conflict.
    const fixes = new Map([...missing].map(([document, controls]) => [document.path, appendToList(document, 'controls', [...controls])]));
    return reports.map((report) => {
      const fix = fixes.get(String(report.data?.['path']));
      return fix ? { ...report, fix } : report;
    });
  },
});
