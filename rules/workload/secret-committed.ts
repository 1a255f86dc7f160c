/**
 * @fileoverview Secret objects written out with their values (`data`, base64; `stringData`, plain):
 * whoever can read the repository, or the rendered chart, has the credential. One finding per
 * Secret, at its first real value (redacted). A Secret whose every value is empty or a
 * placeholder (`""`, `<password>`, `${DB_PASSWORD}`, `{{ .Values.x }}`, `REPLACE_ME`, `***`) is
 * reported as a note (a per-report level): nothing leaks, but the object invites someone to fill
 * it in and commit it.
 */
import type { Node } from 'yaml';
import { defineRule, getMap, isScalar, str, type Report } from '../../src/rule-api.js';

/** A value that stands for one held elsewhere, or one still to be filled in. */
const PLACEHOLDER = /^(?:\$\([^)]*\)|\$\{[^}]*\}|\{\{.*\}\}|<[^<>]*>|\*+|x{3,}|X{3,}|\.{3}|(?:replace[-_ ]?me|todo|tbd|fixme|placeholder|redacted|to[-_ ]?be[-_ ]?filled))$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

type ValueKind = 'real' | 'empty';

export default defineRule({
  meta: {
    id: 'secret-committed',
    layer: 'workload',
    level: 'error',
    securitySeverity: 7.8,
    description: 'A Secret object is written out with its values, so the credentials are in the repository or rendered output in clear base64.',
    remediation: 'Keep Secret values out of manifests: create them from OCI Vault with the External Secrets Operator or the Secrets Store CSI driver (or commit a SealedSecret), then rotate the exposed values.',
    tags: ['secrets'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      committed: 'Secret "{{name}}" is committed with {{count}} ({{keys}}): base64 is an encoding, not encryption, so anyone who can read this file has the credentials; source them from OCI Vault and rotate them.',
      placeholder: 'Secret "{{name}}" is committed with only empty or placeholder values ({{keys}}): nothing leaks today, but filling it in here would put the credentials in the repository; create it from OCI Vault instead.',
    },
  },
  *check(ctx): Generator<Report> {
    const r = ctx.resource;
    if (r.kind !== 'Secret' || r.apiVersion !== 'v1') return;
    const real: { key: string; node: Node }[] = [];
    const empty: string[] = [];
    let firstKey: Node | undefined;
    for (const [field, encoded] of [['data', true], ['stringData', false]] as const) {
      for (const pair of getMap(r.node, field)?.items ?? []) {
        const key = str(pair.key) ?? '';
        const keyNode = pair.key as Node | null;
        const valueNode = pair.value as Node | null;
        firstKey ??= keyNode ?? undefined;
        const kind = classify(valueNode, encoded);
        if (kind === 'real' && valueNode) real.push({ key, node: valueNode });
        else empty.push(key);
      }
    }
    const name = r.name ?? '';
    const first = real[0];
    if (first) {
      const count = real.length === 1 ? '1 value' : `${real.length} values`;
      yield { messageId: 'committed', data: { name, count, keys: keyList(real.map((v) => v.key)) }, at: first.node, redact: true };
    } else if (empty.length > 0 && firstKey) {
      yield { messageId: 'placeholder', data: { name, keys: keyList(empty) }, at: firstKey, level: 'note' };
    }
  },
});

/** Whether a `data` (base64) or `stringData` value holds something real. */
function classify(node: unknown, encoded: boolean): ValueKind {
  if (!isScalar(node)) return node === null || node === undefined ? 'empty' : 'real';
  const raw = str(node);
  if (raw === undefined) return 'empty';
  const text = raw.trim();
  if (text === '' || PLACEHOLDER.test(text)) return 'empty';
  if (!encoded) return 'real';
  const compact = text.replace(/\s+/g, '');
  if (!BASE64.test(compact)) return 'real';
  const decoded = Buffer.from(compact, 'base64').toString('utf8').trim();
  return decoded === '' || PLACEHOLDER.test(decoded) ? 'empty' : 'real';
}

/** `password, username` / `a, b, c and 2 more` (key names are not secret). */
function keyList(keys: readonly string[]): string {
  return keys.length <= 3 ? keys.join(', ') : `${keys.slice(0, 3).join(', ')} and ${keys.length - 3} more`;
}
