/**
 * @fileoverview Credentials in ConfigMap `data`: a key that names a credential with a literal
 * value (`DB_PASSWORD: hunter2`), a value whose content is a well-known secret (a private key, an
 * AWS key id, a URL with a password), and `name = value` / `name: value` lines inside an embedded
 * configuration file (`application.properties`, `config.yaml`). The detectors are the ones
 * `secret-in-env` uses. Findings never show the value: messages give its length, the span is
 * redacted, and for a line inside a file the span is that line's value only.
 */
import { defineRule, envCredential, getMap, isScalar, secretContentKind, str, type At, type K8sResource, type Report } from '../../src/rule-api.js';

/** `name = value` or `name: value` on one line of an embedded file (properties, YAML, JSON, .env). */
const ASSIGNMENT = /^(\s*(?:[-{,]\s*)?(?:export\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*)(.*)$/;
const COMMENT = /^\s*(?:#|\/\/|;|!)/;
const PEM_BEGIN = /-{3,}\s*BEGIN /;
const PEM_END = /-{3,}\s*END /;

export default defineRule({
  meta: {
    id: 'secret-in-configmap',
    layer: 'workload',
    level: 'error',
    securitySeverity: 7.5,
    description: 'A ConfigMap holds a value that looks like a password, token, key or other credential.',
    remediation: 'Move the value to a Secret (ideally synced from OCI Vault), reference it from the pod, and rotate the exposed credential.',
    tags: ['secrets'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      byName: 'ConfigMap "{{name}}" sets {{key}} to a literal value ({{size}}) that looks like {{kind}}: ConfigMaps are not secret (anyone who can read them, and Git, sees it); move it to a Secret.',
      byContent: 'ConfigMap "{{name}}" key {{key}} holds a value ({{size}}) that contains {{kind}}: ConfigMaps are not secret (anyone who can read them, and Git, sees it); move it to a Secret.',
      inFile: 'ConfigMap "{{name}}" key {{key}} sets {{variable}} to a literal value ({{size}}) that looks like {{kind}}: ConfigMaps are not secret (anyone who can read them, and Git, sees it); move it to a Secret.',
    },
  },
  *check(ctx): Generator<Report> {
    const r = ctx.resource;
    if (r.kind !== 'ConfigMap' || r.apiVersion !== 'v1') return;
    const name = r.name ?? '';
    for (const pair of getMap(r.node, 'data')?.items ?? []) {
      const key = str(pair.key) ?? '';
      const valueNode = pair.value;
      const value = str(valueNode);
      if (!valueNode || !isScalar(valueNode) || value === undefined) continue;
      if (!value.includes('\n')) {
        const match = envCredential(key, value);
        if (!match) continue;
        const data = { name, key, kind: match.kind, size: size(value) };
        if (match.by === 'content') yield { messageId: 'byContent', data, at: valueNode, redact: true };
        else yield { messageId: 'byName', data, at: valueNode, redact: true };
        continue;
      }
      // An embedded file: look at it line by line so each finding points at one value.
      const source = valueNode.range ? r.file.text.slice(valueNode.range[0], valueNode.range[1]) : '';
      let cursor = 0;
      let reported = false;
      let inPem = false;
      for (const line of value.split('\n')) {
        if (inPem) { inPem = !PEM_END.test(line); continue; }
        if (line.trim() === '' || COMMENT.test(line)) continue;
        const assignment = ASSIGNMENT.exec(line);
        const named = assignment ? byName(assignment[2] ?? '', unquote((assignment[3] ?? '').trimEnd())) : undefined;
        const content = named ? undefined : secretContentKind(line);
        inPem = content !== undefined && PEM_BEGIN.test(line) && !PEM_END.test(line);
        const match = named ?? (content ? { by: 'content' as const, kind: content } : undefined);
        if (!match) continue;
        const m = named ? assignment : undefined;
        const variable = m?.[2];
        const raw = m?.[3]?.trimEnd();
        const cleaned = raw === undefined ? undefined : unquote(raw);
        const at = spanInSource(r, valueNode.range?.[0], source, line, cursor, m ? (m[1] ?? '').length : 0, m ? (raw ?? '').length : line.trim().length);
        if (at) cursor = at.next;
        reported = true;
        const target: At = at ? { range: at.range } : valueNode;
        const valueSize = size(cleaned ?? line.trim());
        if (match.by === 'content') yield { messageId: 'byContent', data: { name, key, kind: match.kind, size: valueSize }, at: target, redact: true };
        else yield { messageId: 'inFile', data: { name, key, variable: variable ?? '', kind: match.kind, size: valueSize }, at: target, redact: true };
      }
      if (!reported) {
        // A multi-line value under a credential-named key whose lines matched nothing on their own.
        const match = envCredential(key, value);
        if (match?.by === 'name') yield { messageId: 'byName', data: { name, key, kind: match.kind, size: size(value) }, at: valueNode, redact: true };
      }
    }
  },
});

/** A match by the variable's name only (content is judged on the whole line by the caller). */
function byName(variable: string, value: string): { by: 'name'; kind: string } | undefined {
  const match = envCredential(variable, value);
  return match?.by === 'name' ? { by: 'name', kind: match.kind } : undefined;
}

/** Strips a trailing comma (JSON) and matching quotes. */
function unquote(raw: string): string {
  const v = raw.replace(/,\s*$/, '').trim();
  const m = /^(["'])(.*)\1$/.exec(v);
  return m ? (m[2] ?? '') : v;
}

function size(value: string): string {
  return value.length === 1 ? '1 character' : `${value.length} characters`;
}

/**
 * The span, in file offsets, of a line's value inside the scalar's source text (a block scalar
 * holds its lines verbatim after the indentation). Undefined when the line cannot be found as
 * written (an escaped, quoted scalar): the finding then points at the whole value.
 */
function spanInSource(
  r: K8sResource, start: number | undefined, source: string, line: string, from: number, valueOffset: number, valueLength: number,
): { range: [number, number]; next: number } | undefined {
  if (start === undefined) return undefined;
  const trimmed = line.trimStart();
  const lead = line.length - trimmed.length;
  const at = source.indexOf(trimmed, from);
  if (at < 0 || trimmed === '') return undefined;
  const offset = start + at + Math.max(0, valueOffset - lead);
  const length = Math.max(1, valueLength);
  if (r.file.text.slice(offset, offset + length).includes('\n')) return undefined;
  return { range: [offset, offset + length], next: at + trimmed.length };
}
