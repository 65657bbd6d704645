/**
 * Read-tracking is owned by an instance: two trackers (two Workspaces in one
 * process) never note reads into each other's runs, nor share their focus or
 * their views of a document.
 */
import { describe, expect, it } from 'vitest';
import type { IndexedDocument } from '../model.js';
import { changedParts, ReadTracker, unwatched } from './reads.js';

const POLICY = 'aims/ai-policy.md';

function policy(status: string): IndexedDocument {
  const range = { line: 1, column: 1, endLine: 4, endColumn: 4 };
  return {
    path: POLICY,
    hash: status,
    type: 'policy',
    frontmatter: { data: { id: 'POL-001', status }, range, yaml: `id: POL-001\nstatus: ${status}\n`, yamlStartLine: 2 },
    problems: [],
    governance: true,
    skipped: false,
    lineCount: 12,
    anchors: ['policy-review'],
    links: [],
    tables: [],
  };
}

describe('ReadTracker', () => {
  it('notes the parts a run read: top-level keys, frontmatter keys, positions', () => {
    const tracker = new ReadTracker();
    const view = tracker.watched(policy('approved'));
    const { result, reads } = tracker.readsOf(() => [view.type, view.frontmatter?.data?.status, view.frontmatter?.yamlStartLine]);
    expect(result).toEqual(['policy', 'approved', 2]);
    expect(reads).toEqual(new Set(['type', 'frontmatter', 'frontmatter.data.status', `positions:${POLICY}`]));
  });

  it('a document in focus is also noted part by part, with the focus mark', () => {
    const tracker = new ReadTracker();
    const view = tracker.watched(policy('approved'));
    tracker.setFocus(new Set([POLICY]));
    const { reads } = tracker.readsOf(() => view.frontmatter?.data?.status);
    expect(reads).toEqual(new Set([`focus@${POLICY}`, 'frontmatter', `frontmatter@${POLICY}`, 'frontmatter.data.status', `frontmatter.data.status@${POLICY}`]));
  });

  it("one tracker's reads, focus and views are not another's", () => {
    const mine = new ReadTracker();
    const theirs = new ReadTracker();
    const document = policy('approved');
    theirs.setFocus(new Set([POLICY]));
    const theirView = theirs.watched(document);
    const myView = mine.watched(document);
    expect(myView).not.toBe(theirView);
    expect(mine.watched(document)).toBe(myView);
    // Their document read inside my run is noted in none of my reads; mine are noted without their focus.
    const outer = mine.readsOf(() => {
      const inner = theirs.readsOf(() => myView.anchors);
      expect(inner.reads).toEqual(new Set([`focus@${POLICY}`]));
      return theirView.type;
    });
    expect(outer.reads).toEqual(new Set(['anchors']));
    expect(theirs.readsOf(() => theirView.anchors).reads).toEqual(new Set([`focus@${POLICY}`, 'anchors', `anchors@${POLICY}`]));
  });

  it('a view read by the engine through unwatched notes nothing, and its changes are found as of the plain document', () => {
    const tracker = new ReadTracker();
    const before = policy('approved');
    const view = tracker.watched(before);
    const { reads } = tracker.readsOf(() => unwatched(view).frontmatter?.data?.status);
    expect(unwatched(view)).toBe(before);
    expect(reads).toEqual(new Set());
    expect(changedParts(view, policy('draft'))).toEqual(new Set(['hash', 'frontmatter.data.status', `positions:${POLICY}`]));
  });
});
