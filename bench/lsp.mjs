#!/usr/bin/env node
// @ts-check
/**
 * Language-server latency: spawns `node bin/okelint.js lsp --stdio` (built), opens a generated
 * 2,000-line multi-document manifest, then sends one-line edits (incremental didChange, debounce
 * 0) one at a time and times each from sending the change to receiving the publishDiagnostics of
 * that version: the whole round trip over stdio, as an editor sees it. Target (DESIGN.md): a
 * median of at most 20 ms.
 *
 *   node bench/lsp.mjs [--runs 60] [--warmup 15] [--lines 2000] [--json]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import proto from 'vscode-languageserver-protocol/node';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '60' }, warmup: { type: 'string', default: '15' },
    lines: { type: 'string', default: '2000' }, json: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const lineCount = Number(values.lines);

/**
 * A manifest of exactly `lines` lines: Deployments of 40 lines each, a third of them with
 * findings (latest tags, privilege escalation), the rest hardened.
 * @param {number} lines
 */
function manifest(lines) {
  /** @type {string[]} */
  const out = [];
  for (let i = 0; out.length < lines; i++) {
    const block = [
      '---', 'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: app-${i}`, `  namespace: team-${i % 7}`,
      '  labels:', `    app: app-${i}`, 'spec:', '  replicas: 2', '  selector:', '    matchLabels:', `      app: app-${i}`,
      '  template:', '    metadata:', '      labels:', `        app: app-${i}`, '    spec:', '      automountServiceAccountToken: false',
      '      containers:', '        - name: main', `          image: iad.ocir.io/acme/app-${i}:${i % 3 === 0 ? 'latest' : `1.2.${i}`}`,
      '          ports:', '            - containerPort: 8080', '          securityContext:',
      `            allowPrivilegeEscalation: ${i % 3 === 0}`, '            readOnlyRootFilesystem: true', '            runAsNonRoot: true',
      '          resources:', '            limits:', '              cpu: 500m', '              memory: 256Mi',
      '            requests:', '              cpu: 100m', '              memory: 128Mi', '          env:',
      '            - name: MODE', '              value: production', '            - name: LOG_LEVEL', '              value: info',
    ];
    for (const l of block) if (out.length < lines) out.push(l);
  }
  return `${out.join('\n')}\n`;
}

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
/** @param {number[]} xs @param {number} q */
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN;

const dir = mkdtempSync(join(tmpdir(), 'okelint-bench-lsp-'));
const file = join(dir, 'big.yaml');
const text = manifest(lineCount);
writeFileSync(file, text);
const uri = pathToFileURL(file).href;
const bin = fileURLToPath(new URL('../bin/okelint.js', import.meta.url));
const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = proto.createProtocolConnection(new proto.StreamMessageReader(child.stdout), new proto.StreamMessageWriter(child.stdin));

/** @type {Map<number, (count: number) => void>} */
const waiting = new Map();
connection.onNotification(proto.PublishDiagnosticsNotification.type, (p) => {
  if (p.uri !== uri || p.version === undefined) return;
  waiting.get(p.version)?.(p.diagnostics.length);
  waiting.delete(p.version);
});
connection.onRequest(proto.ConfigurationRequest.type, (p) => p.items.map(() => null));
connection.listen();

/** @param {number} version */
const published = (version) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within 30 s`)), 30_000);
  waiting.set(version, (count) => { clearTimeout(timer); resolve(count); });
});

try {
  await connection.sendRequest(proto.InitializeRequest.type, {
    processId: process.pid, rootUri: pathToFileURL(dir).href, initializationOptions: { debounceMs: 0 }, capabilities: { workspace: { configuration: true } },
  });
  await connection.sendNotification(proto.InitializedNotification.type, {});
  const opened = published(1);
  await connection.sendNotification(proto.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  let diagnostics = await opened;
  const replicaLines = text.split('\n').flatMap((l, i) => (l === '  replicas: 2' ? [i] : []));
  /** @type {number[]} */
  const times = [];
  for (let k = 0; k < warmup + runs; k++) {
    const version = k + 2;
    const line = replicaLines[(k * 7) % replicaLines.length] ?? 9;
    const done = published(version);
    const t0 = performance.now();
    await connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 12 }, end: { line, character: 13 } }, text: String((k % 8) + 1) }],
    });
    diagnostics = /** @type {number} */ (await done);
    if (k >= warmup) times.push(performance.now() - t0);
  }
  await connection.sendRequest(proto.ShutdownRequest.type);
  await connection.sendNotification(proto.ExitNotification.type);
  const m = median(times);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ lines: lineCount, runs, medianMs: m, p90Ms: quantile(times, 0.9), minMs: Math.min(...times), diagnostics })}\n`);
  } else {
    const label = `lsp re-lint (${lineCount.toLocaleString('en-US')}-line manifest, one-line edit)`;
    console.log(`${label}  ${m.toFixed(1)} ms median of ${runs}  (p90 ${quantile(times, 0.9).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms; ${diagnostics} diagnostics; target ≤ 20 ms)`);
  }
} finally {
  connection.dispose();
  child.stdin.end();
  rmSync(dir, { recursive: true, force: true });
}
