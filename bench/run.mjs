#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: generates the deterministic corpus (bench/generate.mjs), then measures in
 * separate child processes (so peak RSS is each one's own):
 *   floor   — the `yaml` package alone: read each file and parseAllDocuments with a LineCounter;
 *   lint    — okelint's core call on the same directory (discovery, guarded reads, parse, rules,
 *             suppression, positions), recommended preset, `--jobs 1` (single thread), then
 *             `--jobs 2` (two worker threads, started anew by every call);
 *   startup — `node bin/okelint.js small.yaml` (a 30-line Deployment) end to end against a bare
 *             `node -e 0`, spawned alternately, median of `--startup-runs` (target ≤ 3×);
 *   lsp     — bench/lsp.mjs: the language server's re-lint latency for a 2,000-line manifest after
 *             a one-line edit, over stdio (target ≤ 20 ms median);
 *   iam     — the OCI IAM corpus (shared/corpora/oci/*.policy.txt, 3,674 statements) as `.policy`
 *             files: parseStatement alone, then okelint's lint call over them with every rule
 *             (strict preset); prints statements/s and total ms.
 * Prints median wall times over the runs, the ratio lint / floor (target ≤ 1.5), the `--jobs 2`
 * speed-up (target ≥ 1.6× on 2 cores), files/s, MB/s and peak RSS.
 *
 *   node bench/run.mjs [--runs 5] [--startup-runs 21] [--files 2000] [--objects 20000] [--seed 1]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { availableParallelism, tmpdir } from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    mode: { type: 'string' }, runs: { type: 'string', default: '5' }, out: { type: 'string', default: join(tmpdir(), 'okelint-bench-corpus') },
    files: { type: 'string', default: '2000' }, objects: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' },
    list: { type: 'string' }, jobs: { type: 'string', default: '1' }, 'startup-runs': { type: 'string', default: '21' },
  },
});
const runs = Number(values.runs);
const here = dirname(fileURLToPath(import.meta.url));

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

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** A small manifest: one Deployment with a few findings, as a developer lints before a commit. */
const SMALL = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: registry.example.com/shop/web:1.4.2
          ports:
            - containerPort: 8080
          securityContext:
            allowPrivilegeEscalation: false
            runAsNonRoot: true
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 256Mi
`;

/**
 * Wall time of spawned commands, alternated so that machine load hits them alike.
 * @param {string[][]} commands node arguments
 * @param {number} n
 * @param {string} cwd
 */
function spawnTimes(commands, n, cwd) {
  const times = commands.map(() => /** @type {number[]} */ ([]));
  for (let i = 0; i < n; i++) {
    commands.forEach((args, j) => {
      const t0 = performance.now();
      const res = spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
      times[j]?.push(performance.now() - t0);
      if (res.status === null || res.status > 1) throw new Error(`node ${args.join(' ')} failed (${res.status ?? res.signal})`);
    });
  }
  return times;
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
  const jobs = Number(values.jobs);
  const r = await timeRuns(async () => {
    const out = await lint({ inputs: [values.out], cwd: process.cwd(), registry: rules, overrides: {}, today: '2026-11-23', jobs });
    return { findings: out.findings.length, objects: out.summary.objects, files: out.summary.filesLinted };
  });
  process.stdout.write(JSON.stringify(r));
} else if (values.mode === 'iam') {
  const { parseStatement } = await import('../dist/src/oci-iam/index.js');
  const { lint } = await import('../dist/src/engine/run.js');
  const { rules } = await import('../dist/rules/index.js');
  const { readdirSync } = await import('node:fs');
  const corpus = join(here, '../../shared/corpora/oci');
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
  writeFileSync(list, JSON.stringify(gen.files));
  /**
   * One child process: a warm-up call, then `n` timed calls.
   * @param {string} mode @param {string[]} [extra] @param {number} [n]
   */
  const child = (mode, extra = [], n = runs) => {
    const res = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--mode', mode, '--runs', String(n), '--out', values.out, '--list', list, ...extra], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (res.status !== 0) throw new Error(`${mode} run failed: ${res.stderr}`);
    return JSON.parse(res.stdout);
  };
  // The floor and the two lints take turns, one child process (warm-up + one timed call) each
  // per round, so that a change in machine load hits all three alike; the ratios are taken
  // within each round and their median is reported.
  /** @typedef {{ times: number[], maxRssKb: number, result?: any }} Measured */
  /** @type {Measured[][]} */
  const rounds = [];
  for (let i = 0; i < runs; i++) rounds.push([child('floor', [], 1), child('lint', ['--jobs', '1'], 1), child('lint', ['--jobs', '2'], 1)]);
  /** @param {number} k */
  const merged = (k) => {
    const all = rounds.map((r) => /** @type {Measured} */ (r[k]));
    return { times: all.map((m) => m.times[0] ?? NaN), maxRssKb: Math.max(...all.map((m) => m.maxRssKb)), result: all[0]?.result };
  };
  const floor = merged(0), lint1 = merged(1), lint2 = merged(2);
  const f = median(floor.times), l1 = median(lint1.times), l2 = median(lint2.times);
  const ratio = median(rounds.map((r) => (r[1]?.times[0] ?? NaN) / (r[0]?.times[0] ?? NaN)));
  const speedUp = median(rounds.map((r) => (r[1]?.times[0] ?? NaN) / (r[2]?.times[0] ?? NaN)));
  const mb = gen.bytes / 1e6;
  /** @param {{ times: number[] }} r */
  const all = (r) => `[${r.times.map((t) => t.toFixed(0)).join(', ')}]`;
  /** @param {number} ms */
  const rate = (ms) => `${(gen.files.length / (ms / 1000)).toFixed(0)} files/s, ${(mb / (ms / 1000)).toFixed(1)} MB/s`;
  /** @param {{ maxRssKb: number }} r */
  const rss = (r) => `peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB`;
  // Start-up: a small file in a directory of its own (no config, no .gitignore above it).
  const smallDir = join(tmpdir(), 'okelint-bench-small');
  mkdirSync(smallDir, { recursive: true });
  writeFileSync(join(smallDir, 'small.yaml'), SMALL);
  const startupRuns = Number(values['startup-runs']);
  const [bare = [], small = []] = spawnTimes([['-e', '0'], [join(here, '../bin/okelint.js'), 'small.yaml']], startupRuns, smallDir);
  const b = median(bare), s = median(small);
  const rows = [
    ['corpus', `${gen.files.length} files, ${gen.objects} objects, ${mb.toFixed(1)} MB (seed ${values.seed}); ${availableParallelism()} CPUs`],
    ['parse floor (yaml + LineCounter)', `${f.toFixed(0)} ms median of ${runs} rounds ${all(floor)}, ${rss(floor)}`],
    ['okelint lint --jobs 1', `${l1.toFixed(0)} ms median of ${runs} rounds ${all(lint1)}, ${rate(l1)}, ${rss(lint1)}`],
    ['ratio okelint --jobs 1 / floor', `${ratio.toFixed(2)} median of the rounds' ratios  (target ≤ 1.50)`],
    ['okelint lint --jobs 2', `${l2.toFixed(0)} ms median of ${runs} rounds ${all(lint2)}, ${rate(l2)}, ${rss(lint2)}`],
    ['speed-up --jobs 2 / --jobs 1', `${speedUp.toFixed(2)}× median of the rounds' speed-ups  (target ≥ 1.60× on 2 cores)`],
    ['okelint result', `${lint1.result.findings} findings over ${lint1.result.objects} objects in ${lint1.result.files} files (--jobs 2: ${lint2.result.findings} findings)`],
    ['start-up: node -e 0', `${b.toFixed(1)} ms median of ${startupRuns}`],
    ['start-up: okelint small.yaml', `${s.toFixed(1)} ms median of ${startupRuns}, ${(s / b).toFixed(2)}× node -e 0  (target ≤ 3.00×)`],
  ];
  const w = Math.max(...rows.map((r) => r[0]?.length ?? 0));
  for (const [k = '', v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
  // Language server: re-lint latency of a 2,000-line manifest after a one-line edit (bench/lsp.mjs).
  const lsp = spawnSync(process.execPath, [join(here, 'lsp.mjs')], { encoding: 'utf8' });
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
  const iw = Math.max(...iamRows.map((r) => r[0]?.length ?? 0));
  for (const [k = '', v] of iamRows) console.log(`${k.padEnd(iw)}  ${v}`);
}
