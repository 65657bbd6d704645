import type { SeveritySetting } from '../model.js';
import type { YamlLimits } from '../parse/frontmatter.js';
import type { ColumnNames } from '../index/soa-columns.js';

export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>];

/** What a key that a type's schema does not define is: a finding (error or warning), or nothing. */
export type UnknownKeysPolicy = 'error' | 'warn' | 'allow';

/** A config file as users write it (`aimslint.config.{json,yaml,yml}`). */
export interface UserConfig {
  /** Presets laid under this config, in order: `aimslint:recommended`, `aimslint:strict`, `aimslint:model-cards`. */
  extends?: string | string[];
  /** Per document type, what a key its schema does not define is. */
  unknownKeys?: Record<string, UnknownKeysPolicy>;
  /** Globs of files to lint, relative to the root. */
  include?: string[];
  exclude?: string[];
  /** Globs of folders where every Markdown file must be a governance document. */
  governance?: string[];
  /** Extra document types: type name to a JSON Schema file, relative to the config. */
  types?: Record<string, string>;
  /** Assign a type to files whose frontmatter names none. */
  assign?: { files: string | string[]; type: string }[];
  rules?: Record<string, RuleSetting>;
  limits?: Partial<Limits>;
  /** The control catalog the SoA is checked against. */
  catalog?: string;
  /** Every catalog to cover: the SoA's and frameworks such as `nist-ai-rmf:1.0` and `eu-ai-act:2024`. */
  catalogs?: string[];
  /** How the SoA's table is written: `columns` names the header of each column aimslint reads. */
  soa?: { columns?: ColumnNames };
  /** Who may own and approve documents besides roles: `accept: [role, email, team]`, and the `teams` that exist. */
  owners?: { accept?: string[]; teams?: string[] };
}

export interface Limits extends YamlLimits {
  /** Larger files are skipped with a finding, never read into the parser. */
  maxFileBytes: number;
  /** Findings kept per file; the rest are summed up in one finding. */
  maxFindingsPerFile: number;
  /** A run that takes longer ends with exit status 2 (the CLI and the Action keep this budget). */
  maxRunSeconds: number;
}

/** The config after defaults, with custom schemas already read. */
export interface ResolvedConfig {
  /** Absolute path of the repository root: paths in findings are relative to it. */
  root: string;
  /** The config file, when one was found. */
  file: string | undefined;
  include: string[];
  exclude: string[];
  governance: string[];
  assign: { files: string[]; type: string }[];
  /** Custom document types' schemas, by type name. */
  customSchemas: Record<string, object>;
  /** The config file and the custom schema files, absolute: a change to them changes every finding. */
  settingsFiles: string[];
  rules: Record<string, RuleSetting>;
  /** The presets the config extends, in order. */
  presets: string[];
  /** Where each rule setting came from, for error messages. */
  ruleSources: Record<string, 'config' | 'options'>;
  limits: Limits;
  catalog: string;
  /** `catalog` first, then the frameworks selected with `catalogs`. */
  catalogs: string[];
  /** The config's names for SoA table columns. */
  soaColumns: ColumnNames;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxAliases: 100,
  maxDepth: 64,
  maxFindingsPerFile: 200,
  maxRunSeconds: 300,
};

export const DEFAULT_INCLUDE = ['**/*.md', '**/*.markdown'];
