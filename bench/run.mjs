#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: generates the deterministic corpus (bench/generate.mjs), then measures in
 * separate child processes (so peak RSS is each one's own):
 *   floor — the `yaml` package alone: read each file and parseAllDocuments with a LineCounter;
 *   lint  — okelint's core call on the same directory (discovery, guarded reads, parse, rules,
 *           suppression, positions), recommended preset, single thread;
 *   lsp   — bench/lsp.mjs: the language server's re-lint latency for a 2,000-line manifest after
 *           a one-line edit, over stdio (target ≤ 20 ms median);
 *   iam   — the OCI IAM corpus (shared/corpora/oci/*.policy.txt, 3,674 statements) as `.policy`
 *           files: parseStatement alone, then okelint's lint call over them with every rule
 *           (strict preset); prints statements/s and total ms.
 * Prints median wall times over the runs, their ratio (target ≤ 1.5), files/s, MB/s, peak RSS.
 *
 *   node bench/run.mjs [--runs 5] [--files 2000] [--objects 20000] [--seed 1]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    mode: { type: 'string' }, runs: { type: 'string', default: '5' }, out: { type: 'string', default: join(tmpdir(), 'okelint-bench-corpus') },
    files: { type: 'string', default: '2000' }, objects: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' },
    list: { type: 'string' },
  },
});
const runs = Number(values.runs);

/** @param {() => Promise<unknown> | unknown} fn */
async function timeRuns(fn) {
  await fn(); // warm-up
  /** @type {number[]} */
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    times.push(performance.now() - t0);
  }
  return { times, result, maxRssKb: process.resourceUsage().maxRSS };
}

if (values.mode === 'floor') {
  const { parseAllDocuments, LineCounter } = await import('yaml');
  const files = /** @type {string[]} */ (JSON.parse(readFileSync(/** @type {string} */ (values.list), 'utf8')));
  const r = await timeRuns(() => {
    let docs = 0;
    for (const f of files) {
      const lineCounter = new LineCounter();
      docs += parseAllDocuments(readFileSync(f, 'utf8'), { lineCounter }).length;
    }
    return docs;
  });
  process.stdout.write(JSON.stringify(r));
} else if (values.mode === 'lint') {
  const { lint } = await import('../dist/src/engine/run.js');
  const { rules } = await import('../dist/rules/index.js');
  const r = await timeRuns(async () => {
    const out = await lint({ inputs: [values.out], cwd: process.cwd(), registry: rules, overrides: {}, today: '2026-11-23' });
    return { findings: out.findings.length, objects: out.summary.objects, files: out.summary.filesLinted };
  });
  process.stdout.write(JSON.stringify(r));
} else if (values.mode === 'iam') {
  const { parseStatement } = await import('../dist/src/oci-iam/index.js');
  const { lint } = await import('../dist/src/engine/run.js');
  const { rules } = await import('../dist/rules/index.js');
  const { mkdirSync, readdirSync, writeFileSync } = await import('node:fs');
  const corpus = join(dirname(fileURLToPath(import.meta.url)), '../../shared/corpora/oci');
  const out = /** @type {string} */ (values.out);
  mkdirSync(out, { recursive: true });
  /** @type {string[]} */
  const lines = [];
  for (const f of readdirSync(corpus).filter((n) => n.endsWith('.policy.txt'))) {
    const text = readFileSync(join(corpus, f), 'utf8');
    writeFileSync(join(out, f.replace('.policy.txt', '.policy')), text);
    lines.push(...text.split('\n').filter((l) => l.length > 0));
  }
  const parse = await timeRuns(() => lines.filter((l) => parseStatement(l).ok).length);
  const configFile = { path: join(out, '.okelint.yaml'), preset: 'strict' };
  const linted = await timeRuns(async () => {
    const res = await lint({ inputs: [out], cwd: out, registry: rules, overrides: {}, today: '2026-11-23', configFile });
    return { findings: res.findings.length, statements: res.summary.objects, files: res.summary.filesLinted };
  });
  process.stdout.write(JSON.stringify({ statements: lines.length, parse, lint: linted }));
} else {
  const { generateCorpus } = await import('./generate.mjs');
  const gen = await generateCorpus({ out: values.out, files: Number(values.files), objects: Number(values.objects), seed: Number(values.seed) });
  const list = join(dirname(values.out), 'corpus-files.json');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(list, JSON.stringify(gen.files));
  /** @param {string} mode */
  const child = (mode) => {
    const res = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--mode', mode, '--runs', String(runs), '--out', values.out, '--list', list], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (res.status !== 0) throw new Error(`${mode} run failed: ${res.stderr}`);
    return JSON.parse(res.stdout);
  };
  const floor = child('floor');
  const lintRes = child('lint');
  /** @param {number[]} xs */
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const f = median(floor.times), l = median(lintRes.times);
  const mb = gen.bytes / 1e6;
  const rows = [
    ['corpus', `${gen.files.length} files, ${gen.objects} objects, ${mb.toFixed(1)} MB (seed ${values.seed})`],
    ['parse floor (yaml + LineCounter)', `${f.toFixed(0)} ms median of ${runs}  [${floor.times.map((/** @type {number} */ t) => t.toFixed(0)).join(', ')}]`],
    ['okelint lint', `${l.toFixed(0)} ms median of ${runs}  [${lintRes.times.map((/** @type {number} */ t) => t.toFixed(0)).join(', ')}]`],
    ['ratio okelint / floor', `${(l / f).toFixed(2)}  (target ≤ 1.50)`],
    ['throughput', `${(gen.files.length / (l / 1000)).toFixed(0)} files/s, ${(mb / (l / 1000)).toFixed(1)} MB/s`],
    ['peak RSS', `floor ${(floor.maxRssKb / 1024).toFixed(0)} MB, okelint ${(lintRes.maxRssKb / 1024).toFixed(0)} MB`],
    ['okelint result', `${lintRes.result.findings} findings over ${lintRes.result.objects} objects in ${lintRes.result.files} files`],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
  // Language server: re-lint latency of a 2,000-line manifest after a one-line edit (bench/lsp.mjs).
  const lsp = spawnSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'lsp.mjs')], { encoding: 'utf8' });
  if (lsp.status !== 0) throw new Error(`lsp run failed: ${lsp.stderr}`);
  process.stdout.write(lsp.stdout);
  // OCI IAM: the whole statement corpus, parsed, then parsed and linted (every rule).
  const iamRes = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--mode', 'iam', '--runs', String(runs), '--out', join(tmpdir(), 'okelint-bench-iam')], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (iamRes.status !== 0) throw new Error(`iam run failed: ${iamRes.stderr}`);
  const iam = JSON.parse(iamRes.stdout);
  const p = median(iam.parse.times), li = median(iam.lint.times);
  const perSec = (/** @type {number} */ ms) => `${(iam.statements / (ms / 1000)).toFixed(0)} statements/s`;
  const iamRows = [
    ['IAM corpus', `${iam.statements} statements in ${iam.lint.result.files} .policy files (${iam.parse.result} parse, ${iam.statements - iam.parse.result} are iam-parse-error)`],
    ['IAM parse (parseStatement)', `${p.toFixed(1)} ms median of ${runs}, ${perSec(p)}`],
    ['IAM lint (okelint, strict)', `${li.toFixed(0)} ms median of ${runs}, ${perSec(li)}, ${iam.lint.result.findings} findings, peak RSS ${(iam.lint.maxRssKb / 1024).toFixed(0)} MB`],
  ];
  const iw = Math.max(...iamRows.map((r) => r[0].length));
  for (const [k, v] of iamRows) console.log(`${k.padEnd(iw)}  ${v}`);
}
