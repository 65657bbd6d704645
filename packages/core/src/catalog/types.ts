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
