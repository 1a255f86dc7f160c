/**
 * `terraform.tfvars.json` and `*.auto.tfvars.json`: the variable values of a JSON object, as
 * traced values whose strings map to their characters in the JSON file (escapes included), so a
 * policy statement written there is reported where it is written. Read with the `yaml` parser
 * (JSON is YAML) for node ranges; a file that is not a JSON object gives no values.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { jsonStringOffsets } from '../iam-policy.js';
import { parseYamlDocument } from '../nesting.js';
import type { Span } from './ast.js';
import { MapBuilder, type OffsetMap } from './offset-map.js';
import { Budget, NULL, str, type Traced } from './value.js';

/**
 * The top-level values of a tfvars JSON file with their spans, or undefined when it is not a JSON
 * object (or is nested deeper than the readers' limit).
 */
export function readTfvarsJson(path: string, text: string): Map<string, { readonly value: Traced; readonly span: Span }> | undefined {
  const { doc, problems } = parseYamlDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  if (problems.length > 0 || doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const out = new Map<string, { value: Traced; span: Span }>();
  const budget = new Budget();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof key !== 'string') continue;
    const node = pair.value as Node | null;
    const v = valueOf(node, path, text, budget);
    if (v === undefined) return out;
    const [start, end] = node?.range ?? [0, 0];
    out.set(key, { value: v, span: { start, end } });
  }
  return out;
}

function valueOf(node: Node | null, path: string, text: string, budget: Budget): Traced | undefined {
  if (!budget.spend(1)) return undefined;
  if (isSeq(node)) {
    const items: Traced[] = [];
    for (const item of node.items) {
      const v = valueOf(item as Node | null, path, text, budget);
      if (v === undefined) return undefined;
      items.push(v);
    }
    return { kind: 'list', items };
  }
  if (isMap(node)) {
    const entries = new Map<string, Traced>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const v = valueOf(pair.value as Node | null, path, text, budget);
      if (v === undefined) return undefined;
      entries.set(key, v);
    }
    return { kind: 'map', entries };
  }
  if (!isScalar(node)) return NULL;
  const value: unknown = node.value;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (typeof value !== 'string') return NULL;
  const [start, end] = node.range ?? [0, 0];
  return str(value, path, stringMap(text.slice(start, end), start, value));
}

/** The map of a JSON string literal at `start` (or, if it does not decode to `value`, its whole span). */
function stringMap(raw: string, start: number, value: string): OffsetMap {
  const m = new MapBuilder();
  const decoded = jsonStringOffsets(raw);
  if (raw.startsWith('"') && decoded.value === value) {
    const o = decoded.offsets;
    for (let i = 0; i < value.length; i++) {
      const a = o[i] ?? 0;
      if ((o[i + 1] ?? a + 1) - a === 1) m.plain(start + a, 1);
      else m.fixed(start + a, 1);
    }
    return m.finish(start + (o[value.length] ?? raw.length));
  }
  m.fixed(start, value.length);
  return m.finish(start + raw.length);
}
