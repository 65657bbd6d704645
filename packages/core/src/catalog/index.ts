import { iso42001_2023 } from './iso42001-2023.js';
import type { Catalog, Control } from './types.js';

export type { Catalog, Clause, Control, ControlObjective } from './types.js';

const CATALOGS: Readonly<Record<string, Catalog>> = { [iso42001_2023.id]: iso42001_2023 };

export function catalogNames(): string[] {
  return Object.keys(CATALOGS);
}

export function getCatalog(id: string): Catalog | undefined {
  return CATALOGS[id];
}

/** Every control of a catalog in its own order, each with its objective. */
export function controlsOf(catalog: Catalog): Control[] {
  return catalog.objectives.flatMap((objective) => objective.controls.map((control) => ({ ...control, objective })));
}

export type { Crosswalk, CrosswalkRow, Framework, FrameworkGroup, FrameworkItem, FrameworkRole, Source } from './types.js';
export { CROSSWALKS, FRAMEWORKS, crosswalkOf, getFramework } from './frameworks.js';
