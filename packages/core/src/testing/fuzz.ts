/**
 * fast-check and the `yaml` parser for the property and fuzz tests under
 * test/hostile: both are dependencies of this package, not of the root.
 */
export { default as fc } from 'fast-check';
export { parseDocument as parseYamlDocument } from 'yaml';
