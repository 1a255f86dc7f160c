/**
 * A chart's values.yaml: its data (for `if`/`with` truth and `range` elements) and the line of
 * each key (for the values related location). values.yaml is plain YAML, so it is parsed.
 */
import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import { parseYamlDocument } from '../sources/nesting.js';

/** A key found in a values file: how much of the asked path matched, and where. */
export interface ValuesHit {
  /** Number of path segments matched (the deepest key present). */
  readonly depth: number;
  /** 1-based line and column of the key (of the item for list elements), and the line's end column. */
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
}

export class ValuesFile {
  readonly data: unknown;
  private readonly root: Node | null;
  private readonly counter = new LineCounter();
  private readonly lines: readonly string[];

  private constructor(text: string) {
    const { doc, problems } = parseYamlDocument(text, { lineCounter: this.counter, uniqueKeys: false });
    const broken = doc.errors.length > 0 || problems.length > 0;
    this.root = broken ? null : (doc.contents as Node | null);
    this.data = broken ? undefined : toData(doc);
    this.lines = text.split(/\r?\n/);
  }

  /** The values file at `path`, or undefined when it cannot be read. */
  static read(path: string): ValuesFile | undefined {
    try {
      return new ValuesFile(readFileSync(path, 'utf8'));
    } catch {
      return undefined;
    }
  }

  /** The deepest key of `path` present in the file. */
  locate(path: readonly (string | number)[]): ValuesHit | undefined {
    let node: unknown = this.root;
    let hit: ValuesHit | undefined;
    for (let depth = 0; depth < path.length; depth++) {
      const seg = path[depth] as string | number;
      let at: number | undefined;
      let next: unknown;
      if (isMap(node) && typeof seg === 'string') {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
        if (!pair) break;
        at = (pair.key as Node).range?.[0];
        next = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        at = item.range?.[0];
        next = item;
      } else {
        break;
      }
      if (at === undefined) break;
      const pos = this.counter.linePos(at);
      hit = { depth: depth + 1, line: pos.line, column: pos.col, endColumn: (this.lines[pos.line - 1] ?? '').length + 1 };
      node = next;
    }
    return hit;
  }
}

/** The document as plain data; undefined for an alias bomb. */
function toData(doc: Document.Parsed): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch {
    return undefined;
  }
}

/** Deep merge of values maps: `over` wins, maps merge key by key (Helm's coalescing of parent values). */
export function mergeValues(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeValues(base[k], v);
  return out;
}

/** The value at `path`, or undefined. */
export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg] as unknown;
    else if (isPlainObject(cur) && typeof seg === 'string') cur = cur[seg];
    else return undefined;
  }
  return cur;
}

/** Go template truth: false, 0, "", nil, and empty maps and lists are false. */
export function goTruth(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isPlainObject(v)) return Object.keys(v).length > 0;
  return true;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
