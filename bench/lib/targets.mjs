/**
 * The targets of the issue "Speed at scale", judged from the rows of a run.
 * Each line reads PASS, FAIL or n/a (not measured in this run).
 */

const MIB_2G = 2048;

/**
 * @param {import('../run.mjs').Row[]} rows
 * @param {string} tool
 * @param {number} size
 */
function find(rows, tool, size) {
  return rows.find((r) => r.tool === tool && r.size === size && !r.corpus.includes('/'));
}

/**
 * @param {string} name
 * @param {boolean | undefined} passed undefined: not measured
 * @param {string} detail
 */
function line(name, passed, detail) {
  return `- ${passed === undefined ? 'n/a ' : passed ? 'PASS' : 'FAIL'} ${name}: ${detail}`;
}

/**
 * @param {import('../run.mjs').Row} row
 * @returns {string | undefined} why the row cannot pass although it has a time
 */
function incomplete(row) {
  return row.expected !== undefined && row.files !== row.expected ? `reported ${row.files ?? 0} of ${row.expected} files` : undefined;
}

/**
 * @param {import('../run.mjs').Row | undefined} row
 * @param {number} limit
 * @param {string} name
 */
function under(row, limit, name) {
  if (!row) return line(name, undefined, 'not run');
  if (row.wallS === undefined) return line(name, row.note?.startsWith('skipped') ? undefined : false, row.note ?? 'no result');
  const detail = `${row.wallS.toFixed(2)} s (limit ${limit} s)`;
  const missing = incomplete(row);
  return missing ? line(name, false, `${detail}, but ${missing}`) : line(name, row.wallS < limit, detail);
}

/** @param {import('../run.mjs').Row[]} rows */
function speedup(rows) {
  const name = 'cold at 10k >= 20x faster than markdownlint-cli2';
  const cold = find(rows, 'aimslint cold', 10_000);
  const ml = rows.find((r) => r.tool.startsWith('markdownlint') && r.size === 10_000);
  if (!cold?.wallS || !ml) return line(name, undefined, 'not run');
  if (ml.wallS === undefined) return line(name, ml.note === 'timeout' ? true : undefined, `markdownlint-cli2: ${ml.note}`);
  const factor = ml.wallS / cold.wallS;
  const detail = `${factor.toFixed(1)}x (${ml.wallS.toFixed(1)} s vs ${cold.wallS.toFixed(2)} s)`;
  const missing = incomplete(cold);
  return missing ? line(name, false, `${detail}, but aimslint ${missing}`) : line(name, factor >= 20, detail);
}

/** @param {import('../run.mjs').Row[]} rows */
function memory(rows) {
  const name = 'peak memory at 10k < 400 MiB';
  const measured = rows.filter((r) => r.tool.startsWith('aimslint') && !r.tool.startsWith('aimslint lsp') && r.size === 10_000 && r.peakMiB !== undefined);
  if (measured.length === 0) return line(name, undefined, 'not run');
  const peak = Math.max(...measured.map((r) => /** @type {number} */ (r.peakMiB)));
  return line(name, peak < 400, `${peak.toFixed(0)} MiB (highest aimslint row)`);
}

/** @param {import('../run.mjs').Row[]} rows */
function hundredK(rows) {
  const name = '100k completes within 2 GiB';
  const cold = find(rows, 'aimslint cold', 100_000);
  if (!cold) return line(name, undefined, 'not run (--sizes 1000,10000,100000)');
  if (cold.wallS === undefined) return line(name, false, cold.note ?? 'no result');
  const missing = incomplete(cold);
  return line(name, !missing && (cold.peakMiB ?? 0) < MIB_2G, `${cold.wallS.toFixed(1)} s, ${fmtMiB(cold.peakMiB)}${missing ? `, but ${missing}` : ''}`);
}

/** @param {number | undefined} mib */
const fmtMiB = (mib) => (mib === undefined ? 'peak unknown' : `${mib.toFixed(0)} MiB`);

/**
 * Per-file time may grow by at most 25 % from one size to the next larger one.
 * @param {import('../run.mjs').Row[]} rows
 */
function linear(rows) {
  const name = 'linear growth (per-file cold time at most 1.25x the smaller size\'s)';
  const cold = rows.filter((r) => r.tool === 'aimslint cold' && r.size >= 1000 && r.wallS !== undefined).sort((a, b) => a.size - b.size);
  if (cold.length < 2) return line(name, undefined, 'needs two sizes');
  const missing = cold.map(incomplete).find(Boolean);
  if (missing) return line(name, false, `aimslint ${missing}`);
  const steps = cold.slice(1).map((r, i) => ({ from: cold[i], to: r, growth: (/** @type {number} */ (r.wallS) / r.size) / (/** @type {number} */ (cold[i].wallS) / cold[i].size) }));
  return line(name, steps.every((s) => s.growth <= 1.25), steps.map((s) => `${s.from.corpus} -> ${s.to.corpus}: ${s.growth.toFixed(2)}x per file`).join(', '));
}

/**
 * The language server's targets: edit to diagnostics within 150 ms, under 500 MiB.
 * @param {import('../run.mjs').Row[]} rows
 */
function editor(rows) {
  const rowOf = (kind) => find(rows, `aimslint lsp: edit to diagnostics (${kind})`, 10_000);
  const latency = (kind) => {
    const row = rowOf(kind);
    const name = `edit to diagnostics at 10k (${kind}) < 150 ms`;
    if (!row) return line(name, undefined, 'not run');
    if (row.wallS === undefined) return line(name, row.note?.startsWith('skipped') ? undefined : false, row.note ?? 'no result');
    return line(name, row.wallS < 0.15, `${(row.wallS * 1000).toFixed(0)} ms (median)`);
  };
  const peak = rowOf('prose')?.peakMiB;
  return [
    latency('prose'),
    latency('frontmatter value'),
    latency('heading an SoA cites'),
    line('language server memory at 10k < 500 MiB', peak === undefined ? undefined : peak < 500, fmtMiB(peak)),
  ];
}

/**
 * @param {import('../run.mjs').Row[]} rows
 * @returns {string[]} one line per target
 */
export function evaluateTargets(rows) {
  return [
    'Targets (2 cores, 10k-document corpus):',
    under(find(rows, 'aimslint cold', 10_000), 4, 'cold at 10k < 4 s'),
    speedup(rows),
    under(find(rows, 'aimslint warm (cache)', 10_000), 0.8, 'warm cache at 10k < 0.8 s'),
    under(find(rows, 'aimslint 1 file changed', 10_000), 0.4, 'one changed file at 10k < 0.4 s'),
    memory(rows),
    hundredK(rows),
    linear(rows),
    ...editor(rows),
  ];
}
