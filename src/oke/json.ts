/**
 * OKE configuration in JSON: API request bodies and GET responses (camelCase), and OCI CLI
 * output (`oci ce cluster get`, `oci ce node-pool get`, and the list commands: kebab-case under
 * `data`). Read with the yaml parser for positions; every key and value keeps its span. Never
 * throws: syntax errors are returned as problems (`parse-error`).
 */
import { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { TextFile } from '../engine/types.js';
import { jsonStringOffsets } from '../sources/iam-policy.js';
import type { ParseProblem } from '../sources/k8s-yaml.js';
import { parseYamlDocument } from '../sources/nesting.js';
import { candidates, classifyKeys } from './classify.js';
import { canonicalKey } from './keys.js';
import type { OkeField, OkeFormat, OkeNode, OkeObject, OkeResource, PlainValue, Span } from './model.js';

export interface OkeJsonSource {
  readonly file: TextFile;
  readonly resources: readonly OkeResource[];
  readonly problems: readonly ParseProblem[];
}

const NO_SUBNETS = new Map<never, never>();

/** Reads every cluster, node pool and virtual node pool of a JSON file. */
export function readOkeJson(path: string, text: string): OkeJsonSource {
  const lineCounter = new LineCounter();
  const file: TextFile = { path, text, lineCounter };
  const { doc, problems: tooDeep } = parseYamlDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
  if (tooDeep.length > 0) return { file, resources: [], problems: tooDeep };
  if (doc.errors.length > 0) {
    return { file, resources: [], problems: doc.errors.map((e) => problemOf(e.pos, e.message, e.code, text.length)) };
  }
  const resources: OkeResource[] = [];
  const root = doc.contents as Node | null;
  const found = candidates<Node | null>(root, entriesOf, (n) => (isSeq(n) ? (n.items as (Node | null)[]) : undefined));
  for (const c of found) {
    if (!isMap(c.node)) continue;
    const kind = classifyKeys(entriesOf(c.node)?.map((e) => e.key) ?? []);
    if (!kind) continue;
    const map = c.node;
    const format: OkeFormat = c.wrapped || hasKebab(map) ? 'cli' : 'api';
    const rootObject = objectOf(map, text);
    const nameField = rootObject.fields.find((f) => f.key === 'name' || f.key === 'displayname');
    const name = nameField?.value.kind === 'value' && typeof nameField.value.value === 'string' ? nameField.value.value : undefined;
    const dataPair = isMap(root) && c.wrapped ? pairOf(root, 'data') : undefined;
    const anchor = nameField?.span ?? (dataPair?.key ? rangeOf(dataPair.key as Node) : { start: rootObject.span.start, end: rootObject.span.start + 1 });
    const listed = c.path.some((p) => typeof p === 'number');
    resources.push({ kind, format, ...(name !== undefined && { name }), anchor, root: rootObject, path: c.path, repeated: false, listed, subnets: NO_SUBNETS });
  }
  return { file, resources, problems: [] };
}

function entriesOf(n: Node | null): { key: string; value: Node | null }[] | undefined {
  if (!isMap(n)) return undefined;
  return (n.items as Pair<unknown, unknown>[]).map((p) => ({ key: keyText(p), value: (p.value ?? null) as Node | null }));
}

function pairOf(map: YAMLMap, key: string): Pair<unknown, unknown> | undefined {
  return (map.items as Pair<unknown, unknown>[]).find((p) => keyText(p) === key);
}

function keyText(p: Pair<unknown, unknown>): string {
  return isScalar(p.key) ? String(p.key.value) : String(p.key);
}

function hasKebab(map: YAMLMap): boolean {
  return (map.items as Pair<unknown, unknown>[]).some((p) => keyText(p).includes('-'));
}

function rangeOf(n: Node): Span {
  const r = n.range ?? [0, 0, 0];
  return { start: r[0], end: r[1] };
}

function objectOf(map: YAMLMap, text: string): OkeObject {
  const fields: OkeField[] = [];
  for (const pair of map.items as Pair<unknown, unknown>[]) {
    const keyNode = pair.key as Node | null;
    const value = (pair.value ?? null) as Node | null;
    const keySpan = keyNode ? rangeOf(keyNode) : { start: 0, end: 0 };
    const end = value?.range?.[1] ?? keySpan.end;
    const name = keyText(pair);
    fields.push({ key: canonicalKey(name), name, keySpan, span: { start: keySpan.start, end }, value: nodeOf(value, keySpan, text) });
  }
  return { kind: 'object', span: rangeOf(map), fields };
}

function nodeOf(n: Node | null, fallback: Span, text: string): OkeNode {
  if (isMap(n)) return objectOf(n, text);
  if (isSeq(n) && n.items.some((i) => isMap(i))) {
    return { kind: 'list', span: rangeOf(n), items: (n.items as (Node | null)[]).map((i) => nodeOf(i, i ? rangeOf(i) : fallback, text)) };
  }
  const valueSpan = n ? rangeOf(n) : fallback;
  const locate = isScalar(n) && n.type === 'QUOTE_DOUBLE' && typeof n.value === 'string' ? locator(text, valueSpan) : undefined;
  return { kind: 'value', value: n ? (n.toJSON() as PlainValue) : null, valueSpan, ...(locate && { locate }) };
}

/** Maps decoded indexes of a JSON string literal at `span` to file offsets (escapes included), computed on first use. */
function locator(text: string, span: Span): (start: number, end: number) => Span {
  let offsets: readonly number[] | undefined;
  return (start, end) => {
    offsets ??= jsonStringOffsets(text.slice(span.start, span.end)).offsets;
    const at = (i: number): number => span.start + (offsets?.[Math.max(0, Math.min(i, offsets.length - 1))] ?? 0);
    return { start: at(start), end: at(end) };
  };
}

function problemOf(pos: readonly [number, number], message: string, code: string, length: number): ParseProblem {
  const start = Math.min(pos[0], length);
  const end = Math.max(start, Math.min(pos[1], length));
  return { span: { start, end }, message: message.split('\n', 1)[0] ?? message, code };
}
