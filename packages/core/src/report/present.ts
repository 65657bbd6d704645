/**
 * Words and marks both renderers use, so the Markdown and the HTML report
 * name each state the same way. Every state has a plain word and a mark:
 * colour and emoji only ever repeat what the word says.
 */
import type { ArtefactState, ClauseCoverage, ControlCoverage, ControlState, EvidenceState, ObjectiveCoverage } from './types.js';

/** How good a state is: picks the colour of a badge. */
export type Tone = 'ok' | 'warn' | 'bad' | 'none';

export interface StateLook {
  /** The plain word, readable with no colour and no emoji. */
  word: string;
  emoji: string;
  /** A text mark for the HTML badges, grid and legend. */
  mark: string;
  tone: Tone;
}

/** In the order the legend lists them: done first, then what needs work. */
export const CONTROL_STATES: Readonly<Record<ControlState, StateLook>> = {
  implemented: { word: 'implemented', emoji: '✅', mark: '✓', tone: 'ok' },
  'evidence-gap': { word: 'evidence gap', emoji: '⚠️', mark: '!', tone: 'warn' },
  partial: { word: 'partly implemented', emoji: '🚧', mark: '½', tone: 'warn' },
  planned: { word: 'planned', emoji: '🗓️', mark: '…', tone: 'warn' },
  excluded: { word: 'excluded', emoji: '➖', mark: '–', tone: 'none' },
  'excluded-unjustified': { word: 'excluded, unjustified', emoji: '❌', mark: '✗', tone: 'bad' },
  'not-stated': { word: 'not stated', emoji: '❓', mark: '?', tone: 'bad' },
};

export const EVIDENCE_STATES: Readonly<Record<EvidenceState, StateLook>> = {
  current: { word: 'current', emoji: '✅', mark: '✓', tone: 'ok' },
  file: { word: 'file', emoji: '📄', mark: '✓', tone: 'ok' },
  unapproved: { word: 'unapproved', emoji: '📝', mark: '!', tone: 'warn' },
  stale: { word: 'stale', emoji: '⏰', mark: '!', tone: 'warn' },
  broken: { word: 'broken', emoji: '❌', mark: '✗', tone: 'bad' },
};

export const ARTEFACT_STATES: Readonly<Record<ArtefactState, StateLook>> = {
  current: { word: 'current', emoji: '✅', mark: '✓', tone: 'ok' },
  stale: { word: 'stale', emoji: '⏰', mark: '!', tone: 'warn' },
  unapproved: { word: 'unapproved', emoji: '📝', mark: '!', tone: 'warn' },
  missing: { word: 'missing', emoji: '❌', mark: '✗', tone: 'bad' },
};

export const yesNo = (ok: boolean): string => (ok ? 'yes' : 'no');

/** Whether a clause's documented information is there, and approved. */
export function clauseLook(clause: ClauseCoverage): StateLook {
  if (!clause.present) return { word: 'missing', emoji: '❌', mark: '✗', tone: 'bad' };
  return clause.approved ? { word: 'present', emoji: '✅', mark: '✓', tone: 'ok' } : { word: 'present, none approved', emoji: '📝', mark: '!', tone: 'warn' };
}

/** A look for a yes/no fact that has no state of its own (clause present, supplier assessed). */
export const factLook = (ok: boolean, word: string): StateLook => (ok ? { word, emoji: '✅', mark: '✓', tone: 'ok' } : { word, emoji: '❌', mark: '✗', tone: 'bad' });

/** Implemented share of the applicable controls, 0..1; an objective with none applicable has nothing to cover. */
export function coverageRatio(objective: Pick<ObjectiveCoverage, 'implemented' | 'applicable'>): number {
  return objective.applicable === 0 ? 0 : objective.implemented / objective.applicable;
}

/** `█████░░░░░ 5/9`: a bar that reads in a terminal, a PR comment and a job summary. */
export function textBar(objective: Pick<ObjectiveCoverage, 'implemented' | 'applicable'>, width = 10): string {
  const filled = Math.round(coverageRatio(objective) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${objective.implemented}/${objective.applicable}`;
}

/**
 * A link to a repository file: under `linkBase` when given (e.g. a GitHub
 * `blob/main/` URL), otherwise repository-relative, which works when the
 * report is written at the repository root.
 */
export function repositoryHref(target: string, linkBase = ''): string {
  const hashAt = target.indexOf('#');
  const path = hashAt === -1 ? target : target.slice(0, hashAt);
  const anchor = hashAt === -1 ? '' : `#${encodeURIComponent(target.slice(hashAt + 1))}`;
  const base = linkBase === '' || linkBase.endsWith('/') ? linkBase : `${linkBase}/`;
  return `${base}${path.split('/').map(encodeURIComponent).join('/')}${anchor}`;
}

export interface RenderOptions {
  /** Prefix for links to repository files, e.g. `https://github.com/acme/aims/blob/main/`. */
  linkBase?: string;
}

/** What the SoA says for the control: how it is implemented, or why it is excluded. */
export function statementOf(control: ControlCoverage): string {
  if (control.applicable === true && control.implementation !== '') return control.implementation;
  return control.justification;
}
