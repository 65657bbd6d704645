/** A control catalog: a framework's controls grouped by objective, and its clauses. */
export interface Catalog {
  /** `framework:edition`, as named in the config. */
  id: string;
  name: string;
  objectives: readonly ControlObjective[];
  clauses: readonly Clause[];
}

export interface ControlObjective {
  id: string;
  title: string;
  controls: readonly { id: string; title: string }[];
}

/** A clause that asks for documented information, and what in our format provides it. */
export interface Clause {
  id: string;
  title: string;
  /** What the clause asks to be documented, in our own words. */
  documentedInformation: string;
  /** Document types that provide it; any document listing the clause in `clauses` does too. */
  providedBy: readonly string[];
}

export interface Control {
  id: string;
  title: string;
  objective: ControlObjective;
}

/** A public document data is taken from, cited so a reader can check it. */
export interface Source {
  title: string;
  publisher: string;
  url: string;
  /** Where in the document (section, table, page). */
  section: string;
}

/** Who an obligation binds (EU AI Act); absent for frameworks without roles. */
export type FrameworkRole = 'provider' | 'deployer' | 'all';

/** One item of a framework: a NIST AI RMF subcategory, an EU AI Act obligation. */
export interface FrameworkItem {
  /** The id as documents write it in `controls`: `NIST-AI-RMF:GOVERN-1.1`, `EU-AI-ACT:Art.9`. */
  id: string;
  /** The id as the framework itself writes it: `GOVERN 1.1`, `Art. 9`. */
  label: string;
  /** A short title in our own words. */
  title: string;
  /** Id of the group (category, chapter) the item belongs to. */
  group: string;
  role?: FrameworkRole;
}

export interface FrameworkGroup {
  id: string;
  title: string;
  /** The enclosing group (a NIST category's function). */
  parent?: string;
}

/** A framework beside the ISO/IEC 42001 catalog, selected with `catalogs:` in the config. */
export interface Framework {
  /** `framework:edition`, as named in the config. */
  id: string;
  name: string;
  /** What ids of this framework start with in `controls`, before the colon. */
  prefix: string;
  source: Source;
  groups: readonly FrameworkGroup[];
  items: readonly FrameworkItem[];
}

/** One row of a crosswalk: a framework item and the Annex A controls a named source maps it to. */
export interface CrosswalkRow {
  item: string;
  controls: readonly string[];
  /** Key of the source in the crosswalk's `sources`. */
  source: string;
  /** Where in the source this row is (the row's label there). */
  at: string;
}

/** A mapping between a framework and an ISO/IEC 42001 catalog, each row from a cited source. */
export interface Crosswalk {
  framework: string;
  catalog: string;
  sources: Readonly<Record<string, Source>>;
  rows: readonly CrosswalkRow[];
  /** What was left out and why: a reader should know a missing row is deliberate. */
  note: string;
}
