/** A small YAML emitter for frontmatter, in the style of the example repository. */

const PLAIN = /^[A-Za-z0-9][A-Za-z0-9 ,.()'/%+&-]*$/;
const FLOW_PLAIN = /^[A-Za-z0-9][A-Za-z0-9 .()'/%+&#-]*$/;
const RESERVED = /^(?:true|false|yes|no|on|off|null|~|[-+]?[\d.]+(?:e[-+]?\d+)?)$/i;

/**
 * A scalar as YAML: plain where that reads back as the same string, else double-quoted.
 * @param {string | number | boolean} value
 * @param {boolean} [inFlow] inside `[...]`, where commas end a plain scalar
 * @returns {string}
 */
export function scalar(value, inFlow = false) {
  if (typeof value !== 'string') return String(value);
  const plain = (inFlow ? FLOW_PLAIN : PLAIN).test(value) && !RESERVED.test(value) && !value.endsWith(' ');
  return plain ? value : JSON.stringify(value);
}

/**
 * @param {readonly (string | number)[]} items
 * @returns {string} a flow sequence such as `[A.2.2, POL-001]`
 */
export function flowList(items) {
  return `[${items.map((item) => scalar(item, true)).join(', ')}]`;
}

/**
 * One `key: value` entry; arrays of scalars become flow lists, arrays of
 * objects become block sequences, nested one level as the format needs.
 * @param {string} key
 * @param {unknown} value
 * @param {string} indent
 * @returns {string}
 */
function entry(key, value, indent) {
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object')) return `${indent}${key}: ${flowList(value)}\n`;
    return `${indent}${key}:\n${value.map((item) => listItem(item, `${indent}  `)).join('')}`;
  }
  if (value && typeof value === 'object') return `${indent}${key}:\n${mapping(value, `${indent}  `)}`;
  return `${indent}${key}: ${scalar(/** @type {string} */ (value))}\n`;
}

/**
 * @param {unknown} item
 * @param {string} indent
 * @returns {string}
 */
function listItem(item, indent) {
  if (typeof item !== 'object' || item === null) return `${indent}- ${scalar(/** @type {string} */ (item))}\n`;
  const body = mapping(item, `${indent}  `);
  return `${indent}- ${body.slice(indent.length + 2)}`;
}

/**
 * @param {object} data
 * @param {string} [indent]
 * @returns {string} block mapping text; undefined values are left out
 */
export function mapping(data, indent = '') {
  return Object.entries(data)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => entry(key, value, indent))
    .join('');
}

/**
 * @param {object} data
 * @returns {string} a `---` delimited frontmatter block
 */
export function frontmatter(data) {
  return `---\n${mapping(data)}---\n`;
}
