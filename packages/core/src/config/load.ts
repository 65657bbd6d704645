import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isInside } from '../discover/discover.js';
import { readSettingsText } from '../util/files.js';
import { findRepository } from '../util/git.js';
import { parse as parseYaml } from 'yaml';
import type { SeveritySetting } from '../model.js';
import { UsageError } from '../errors.js';
import { newAjv, newCustomSchemaAjv } from '../schemas/ajv.js';
import { getCatalog } from '../catalog/index.js';
import { RULES } from '../rules/index.js';
import { SOA_COLUMNS } from '../index/soa-columns.js';
import { OWNER_FORMS } from './owners.js';
import { PRESET_NAMES, PRESETS, presetRules } from './presets.js';
import { DEFAULT_INCLUDE, DEFAULT_LIMITS, type Limits, type ResolvedConfig, type RuleSetting, type UnknownKeysPolicy, type UserConfig } from './types.js';

export const CONFIG_NAMES = ['aimslint.config.json', 'aimslint.config.yaml', 'aimslint.config.yml'];
const SEVERITIES: readonly string[] = ['off', 'warn', 'error'];
/** Config written as code: never imported (loading it would run it), only named in a clear refusal. */
export const CODE_CONFIG_NAMES = ['aimslint.config.js', 'aimslint.config.mjs', 'aimslint.config.cjs', 'aimslint.config.ts', 'aimslint.config.mts', 'aimslint.config.cts'];
const KNOWN_KEYS = new Set(['extends', 'unknownKeys', 'soa', 'owners', 'include', 'exclude', 'governance', 'types', 'assign', 'rules', 'limits', 'catalog', 'catalogs', '$schema']);

/** The nearest config file at or above `dir`. */
export function findConfigFile(dir: string): string | undefined {
  let current = resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    for (const name of CODE_CONFIG_NAMES) {
      const candidate = join(current, name);
      if (existsSync(candidate)) throw codeConfigError(candidate);
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function codeConfigError(file: string): UsageError {
  return new UsageError(`${file} is not supported: aimslint never runs JavaScript from a repository; write the settings as aimslint.config.json or aimslint.config.yaml`);
}


/** Config and schema files are small; a larger one is refused rather than parsed. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

/**
 * Read a settings file: a regular file (a device or FIFO, `-c /dev/zero`,
 * would never end) of bounded size whose real path stays inside `within`, so
 * a committed link (`aimslint.config.yaml -> /proc/self/environ`) is refused
 * before a byte of its target is read, let alone quoted in an error.
 */
function readSettingsFile(file: string, within: string): string {
  return readSettingsText(file, within, MAX_SETTINGS_BYTES);
}

function readUserConfig(file: string): UserConfig {
  if (/\.[cm]?[jt]s$/i.test(file)) throw codeConfigError(file);
  let text: string;
  try {
    // Even a config named with -c: the workflow names the path, but the pull request decides what is there.
    text = readSettingsFile(file, dirname(file));
  } catch (error) {
    throw new UsageError(`cannot read config ${file}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { schema: 'core', maxAliasCount: 100 });
  } catch (error) {
    throw new UsageError(`config ${file} does not parse: ${(error as Error).message.split('\n')[0]}`);
  }
  if (value === null || value === undefined) return {};
  validateUserConfig(value, file);
  return value;
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function validateRuleSetting(id: string, setting: unknown, file: string): void {
  const severity = Array.isArray(setting) ? setting[0] : setting;
  const options = Array.isArray(setting) ? setting[1] : undefined;
  if (typeof severity !== 'string' || !SEVERITIES.includes(severity) || (options !== undefined && !isRecord(options))) {
    throw new UsageError(`config ${file}: rule "${id}" must be "off", "warn" or "error" (or ["warn", {options}])`);
  }
}

function validateUserConfig(value: unknown, file: string): asserts value is UserConfig {
  const fail = (what: string): never => {
    throw new UsageError(`config ${file}: ${what}`);
  };
  if (!isRecord(value)) fail('must be an object of settings');
  const config = value as Record<string, unknown>;
  for (const key of Object.keys(config)) if (!KNOWN_KEYS.has(key)) fail(`unknown setting "${key}" (known: ${[...KNOWN_KEYS].filter((k) => k !== '$schema').join(', ')})`);
  for (const key of ['include', 'exclude', 'governance']) {
    if (config[key] !== undefined && !isStringList(config[key])) fail(`"${key}" must be a list of globs`);
    // globby's `!glob` would silently match nothing here: say where it belongs.
    const negated = (config[key] as string[] | undefined)?.find((glob) => glob.startsWith('!'));
    if (negated !== undefined) fail(`"${key}" has "${negated}"; aimslint globs are not negated with "!": list what to leave out under "exclude"`);
  }
  if (config['types'] !== undefined && !(isRecord(config['types']) && Object.values(config['types']).every((v) => typeof v === 'string'))) {
    fail('"types" must map type names to schema file paths');
  }
  const assign = config['assign'];
  if (assign !== undefined && !(Array.isArray(assign) && assign.every((a) => isRecord(a) && typeof a['type'] === 'string' && (typeof a['files'] === 'string' || isStringList(a['files']))))) {
    fail('"assign" must be a list of {files, type}');
  }
  if (config['rules'] !== undefined) {
    if (!isRecord(config['rules'])) fail('"rules" must map rule ids to severities');
    for (const [id, setting] of Object.entries(config['rules'] as Record<string, unknown>)) validateRuleSetting(id, setting, file);
  }
  const limits = config['limits'];
  if (limits !== undefined) {
    if (!isRecord(limits)) fail('"limits" must be an object');
    for (const [key, limit] of Object.entries(limits as Record<string, unknown>)) {
      if (!Object.hasOwn(DEFAULT_LIMITS, key)) fail(`unknown limit "${key}" (known: ${Object.keys(DEFAULT_LIMITS).join(', ')})`);
      if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) fail(`limit "${key}" must be a positive whole number`);
    }
  }
  if (config['catalog'] !== undefined && typeof config['catalog'] !== 'string') fail('"catalog" must be a catalog name such as "iso42001:2023"');
  if (config['catalogs'] !== undefined && !isStringList(config['catalogs'])) fail('"catalogs" must be a list of catalog names such as ["iso42001:2023", "nist-ai-rmf:1.0", "eu-ai-act:2024"]');
  const presets = config['extends'];
  if (presets !== undefined) {
    const names = typeof presets === 'string' ? [presets] : isStringList(presets) ? presets : fail(`"extends" must be a preset name or a list of them (${PRESET_NAMES.join(', ')})`);
    for (const name of names) {
      if (!PRESET_NAMES.includes(name)) fail(`unknown preset "${name}" in "extends" (known: ${PRESET_NAMES.join(', ')}); aimslint never loads a config from a file or package`);
    }
  }
  if (config['soa'] !== undefined) validateSoaSettings(config['soa'], fail);
  if (config['owners'] !== undefined) validateOwners(config['owners'], fail);
  const unknownKeys = config['unknownKeys'];
  if (unknownKeys !== undefined && !(isRecord(unknownKeys) && Object.values(unknownKeys).every((policy) => typeof policy === 'string' && UNKNOWN_KEYS_POLICIES.includes(policy)))) {
    fail('"unknownKeys" must map document types to "error", "warn" or "allow"');
  }
}

const UNKNOWN_KEYS_POLICIES: readonly string[] = ['error', 'warn', 'allow'];

function validateOwners(owners: unknown, fail: (what: string) => never): void {
  if (!isRecord(owners)) fail('"owners" must be an object such as {accept: [role, email], teams: []}');
  const { accept, teams, ...rest } = owners as Record<string, unknown>;
  for (const key of Object.keys(rest)) fail(`unknown setting "owners.${key}" (known: accept, teams)`);
  if (accept !== undefined && !(isStringList(accept) && accept.every((form) => (OWNER_FORMS as readonly string[]).includes(form)))) fail(`"owners.accept" must list some of ${OWNER_FORMS.join(', ')}`);
  if (teams !== undefined && !isStringList(teams)) fail('"owners.teams" must be a list of team names');
  // Team names are free text: without the list of teams, a misspelt one could never be caught.
  if (isStringList(accept) && accept.includes('team') && !(isStringList(teams) && teams.length > 0)) fail('"owners.accept" includes team, so "owners.teams" must list the team names');
}

function validateSoaSettings(soa: unknown, fail: (what: string) => never): void {
  if (!isRecord(soa)) fail('"soa" must be an object such as {columns: {control: "Control ID"}}');
  for (const key of Object.keys(soa as Record<string, unknown>)) if (key !== 'columns') fail(`unknown setting "soa.${key}" (known: columns)`);
  const columns = (soa as Record<string, unknown>)['columns'];
  if (columns === undefined) return;
  if (!isRecord(columns)) fail('"soa.columns" must map columns (control, applicable, justification, evidence, implementation) to header names');
  for (const [column, name] of Object.entries(columns as Record<string, unknown>)) {
    if (!(SOA_COLUMNS as readonly string[]).includes(column)) fail(`unknown SoA column "${column}" in "soa.columns" (known: ${SOA_COLUMNS.join(', ')})`);
    if (!(typeof name === 'string' || isStringList(name))) fail(`"soa.columns.${column}" must be the header as written, or a list of headers`);
  }
}

/**
 * Presets first, then the config's own settings, then the command line. The
 * unknown-keys policy is an option of `schema/invalid`, so it travels to the
 * workers and into the cache key with the rule's other options.
 */
function mergeRules(user: UserConfig, overrides: Record<string, SeveritySetting> | undefined): { rules: Record<string, RuleSetting>; presets: string[] } {
  const presets = user.extends === undefined ? [] : typeof user.extends === 'string' ? [user.extends] : user.extends;
  const ruleIds = RULES.map((rule) => rule.id);
  const rules: Record<string, RuleSetting> = {};
  const unknownKeys: Record<string, UnknownKeysPolicy> = {};
  for (const name of presets) {
    Object.assign(rules, presetRules(name, ruleIds));
    Object.assign(unknownKeys, PRESETS[name]?.unknownKeys);
  }
  Object.assign(rules, user.rules, overrides);
  Object.assign(unknownKeys, user.unknownKeys);
  if (Object.keys(unknownKeys).length > 0) {
    const own = ruleOptions(rules['schema/invalid'])['unknownKeys'];
    withOption(rules, 'schema/invalid', 'unknownKeys', { ...unknownKeys, ...(typeof own === 'object' && own !== null ? own : {}) });
  }
  if (user.owners !== undefined) {
    const owners = { accept: user.owners.accept ?? ['role'], teams: user.owners.teams ?? [] };
    for (const id of ['schema/invalid', 'ref/unresolved']) withOption(rules, id, 'owners', owners);
  }
  return { rules, presets };
}

const ruleOptions = (setting: RuleSetting | undefined): Record<string, unknown> => (Array.isArray(setting) ? (setting[1] ?? {}) : {});

/** Pass a top-level setting to a rule as one of its options, keeping the rule's severity (its default when unset). */
function withOption(rules: Record<string, RuleSetting>, id: string, key: string, value: unknown): void {
  const setting = rules[id];
  const severity = setting === undefined ? (RULES.find((rule) => rule.id === id)?.defaultSeverity ?? 'error') : Array.isArray(setting) ? setting[0] : setting;
  rules[id] = [severity, { ...ruleOptions(setting), [key]: value }];
}

/** `catalog` is the one the SoA is checked against; `catalogs` adds frameworks (NIST AI RMF, EU AI Act) the report covers. */
function selectedCatalogs(user: UserConfig): { catalog: string; catalogs: string[] } {
  const catalog = user.catalog ?? user.catalogs?.find((name) => getCatalog(name) !== undefined) ?? 'iso42001:2023';
  return { catalog, catalogs: [...new Set([catalog, ...(user.catalogs ?? [])])] };
}

function readCustomSchemas(types: Record<string, string>, baseDir: string): Record<string, object> {
  // No prototype: a type named `__proto__` is a key like any other, not a way to swap this object's prototype.
  const schemas = Object.create(null) as Record<string, object>;
  const ajv = newAjv();
  for (const [type, schemaPath] of Object.entries(types)) {
    const file = resolve(baseDir, schemaPath);
    // A config from a pull request must not make aimslint read, and quote, files outside its folder.
    if (!isInside(baseDir, file)) throw new UsageError(`schema for type "${type}" must be a file in the config's folder or below it, got "${schemaPath}"`);
    let schema: unknown;
    try {
      schema = JSON.parse(readSettingsFile(file, baseDir));
    } catch (error) {
      const reason = error instanceof SyntaxError ? 'it is not valid JSON' : (error as Error).message.split('\n')[0];
      throw new UsageError(`schema for type "${type}" (${schemaPath}) cannot be read: ${reason}`);
    }
    // Judged against 2020-12 whatever `$schema` says: older drafts' keywords are nearly all the same.
    if (typeof schema !== 'object' || schema === null || !ajv.validateSchema({ ...(schema as object), $schema: undefined })) {
      throw new UsageError(`schema for type "${type}" (${schemaPath}) is not a valid JSON Schema: ${ajv.errorsText(ajv.errors)}`);
    }
    schemas[type] = schema as object;
  }
  compileOnce(schemas, types);
  return schemas;
}

/**
 * Compile the schemas as the run will, all into one ajv, so what would fail
 * later inside a worker with a stack trace (a `$ref` to nothing, two schemas
 * with one `$id`, an `$async` schema) is a clear usage error now.
 */
function compileOnce(schemas: Record<string, object>, paths: Record<string, string>): void {
  const ajv = newCustomSchemaAjv();
  for (const [type, schema] of Object.entries(schemas)) {
    if ((schema as { $async?: unknown }).$async === true) throw new UsageError(`schema for type "${type}" (${paths[type]}) is asynchronous ($async); frontmatter schemas must be synchronous`);
    try {
      ajv.compile(schema);
    } catch (error) {
      throw new UsageError(`schema for type "${type}" (${paths[type]}) cannot be used: ${(error as Error).message.split('\n')[0]}`);
    }
  }
}

export interface LoadConfigOptions {
  cwd: string;
  /** The paths the user named; the first decides where the config is looked for. */
  paths: string[];
  /** An explicit config file (`--config`). */
  configFile?: string | undefined;
  /** Rule severities given on the command line win over the file. */
  ruleOverrides?: Record<string, SeveritySetting> | undefined;
}

function startDirectory(cwd: string, paths: string[]): string {
  const first = paths[0];
  if (first === undefined) return cwd;
  const absolute = resolve(cwd, first);
  if (!existsSync(absolute)) throw new UsageError(`path not found: ${first}`);
  return statSync(absolute).isDirectory() ? absolute : dirname(absolute);
}

/**
 * Find, read and complete the config. The repository root is the config's
 * folder; without a config, the enclosing git checkout, else the folder named.
 */
export function loadConfig(options: LoadConfigOptions): ResolvedConfig {
  const start = startDirectory(options.cwd, options.paths);
  const file = options.configFile !== undefined ? resolve(options.cwd, options.configFile) : findConfigFile(start);
  if (options.configFile !== undefined && file !== undefined && !existsSync(file)) throw new UsageError(`config not found: ${options.configFile}`);
  const user = file ? readUserConfig(file) : {};
  // A config's folder is the root when it holds what is linted; a config kept elsewhere (`-c ~/shared.yaml`) only sets rules.
  const root = file && isInside(dirname(file), start) ? dirname(file) : (findRepository(start)?.workTree ?? start);
  const { rules, presets } = mergeRules(user, options.ruleOverrides);
  const limits: Limits = { ...DEFAULT_LIMITS, ...user.limits };
  return {
    root,
    file,
    include: user.include ?? DEFAULT_INCLUDE,
    exclude: user.exclude ?? [],
    governance: user.governance ?? [],
    assign: (user.assign ?? []).map((a) => ({ files: typeof a.files === 'string' ? [a.files] : a.files, type: a.type })),
    customSchemas: user.types && file ? readCustomSchemas(user.types, dirname(file)) : {},
    settingsFiles: file ? [file, ...Object.values(user.types ?? {}).map((path) => resolve(dirname(file), path))] : [],
    rules,
    presets,
    ruleSources: Object.fromEntries(Object.keys(rules).map((id) => [id, options.ruleOverrides && Object.hasOwn(options.ruleOverrides, id) ? 'options' : 'config'])),
    limits,
    ...selectedCatalogs(user),
    soaColumns: user.soa?.columns ?? {},
  };
}
