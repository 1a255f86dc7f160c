/**
 * Turns "this field should hold this value" intents into minimal text edits, using the node
 * ranges of the `yaml` AST. Everything outside the edited spots stays byte-for-byte: comments,
 * key order, quoting, indentation, flow or block style, line endings.
 *
 * What an edit can be:
 * - an existing scalar replaced (`true` → `false`, `Unconfined` → `RuntimeDefault`, keeping its quotes);
 * - an empty or `null` value given one (`securityContext:` → the nested keys below it);
 * - new keys appended to a block map, on new lines after its last entry, at its keys' indentation
 *   (nested maps indented by the document's own step);
 * - new keys appended inside a flow map `{ ... }` (JSON included: keys quoted, multi-line layout kept);
 * - an item appended to a block or flow sequence (`drop: [NET_RAW]` → `drop: [NET_RAW, ALL]`).
 *
 * Intents of one object are merged into one tree first, so several fixes that create the same
 * `securityContext:` create it once, with all their keys.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Edit } from './edits.js';

/** The value a field should end up with. */
export type Want =
  | { readonly kind: 'scalar'; readonly value: boolean | string }
  /** The field is a sequence holding this string (appended if missing). */
  | { readonly kind: 'item'; readonly value: string };

/** "The field at `path` (from the object's root map) should hold `want`." */
export interface Intent {
  readonly path: readonly (string | number)[];
  readonly want: Want;
}

/** Why an intent cannot be turned into edits. */
export class PlanFailure extends Error {}

interface Leaf {
  readonly kind: 'leaf';
  readonly want: Want;
}
interface Branch {
  readonly kind: 'branch';
  readonly children: Map<string | number, Tree>;
}
type Tree = Leaf | Branch;

/** Layout facts of the file an edit must match. */
export interface Style {
  readonly text: string;
  /** `\r\n` when the file uses it, else `\n`. */
  readonly eol: string;
  /** Indentation step of nested block (or pretty-printed JSON) maps. */
  readonly step: number;
  /** The document is JSON (a flow map at the root): quote keys and strings. */
  readonly json: boolean;
}

/** Merges intents into one tree; throws PlanFailure when two of them disagree. */
export function treeOf(intents: readonly Intent[]): Branch {
  const root: Branch = { kind: 'branch', children: new Map() };
  for (const intent of intents) {
    if (intent.path.length === 0) throw new PlanFailure('an intent without a path');
    let cur = root;
    intent.path.forEach((key, i) => {
      const last = i === intent.path.length - 1;
      const existing = cur.children.get(key);
      if (last) {
        if (!existing) cur.children.set(key, { kind: 'leaf', want: intent.want });
        else if (existing.kind === 'branch' || !sameWant(existing.want, intent.want)) throw new PlanFailure(`two fixes disagree about ${intent.path.join('.')}`);
        return;
      }
      if (existing?.kind === 'leaf') throw new PlanFailure(`two fixes disagree about ${intent.path.slice(0, i + 1).join('.')}`);
      let next = existing;
      if (!next) cur.children.set(key, (next = { kind: 'branch', children: new Map() }));
      cur = next;
    });
  }
  return root;
}

function sameWant(a: Want, b: Want): boolean {
  return a.kind === b.kind && a.value === b.value;
}

/** The edits that make `root` (an object's map) satisfy `tree`. Throws PlanFailure. */
export function planTree(root: YAMLMap, tree: Branch, style: Style): Edit[] {
  const edits: Edit[] = [];
  new Planner(style, edits).ensureMap(root, tree);
  return edits;
}

/** Detects the file's line ending. */
export function eolOf(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}

/**
 * The indentation step of the document: the first nested map whose keys sit on their own line,
 * measured against its parent key. 2 when nothing tells.
 */
export function stepOf(text: string, root: Node | null): number {
  let found: number | undefined;
  const walk = (node: unknown, depth: number): void => {
    if (found !== undefined || depth > 64) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (isMap(value) && isScalar(key) && key.range && value.items.length > 0) {
          const child = value.items[0]?.key as Node | null;
          if (isScalar(child) && child.range && !sameLine(text, key.range[0], child.range[0])) {
            const diff = columnOf(text, child.range[0]) - columnOf(text, key.range[0]);
            if (diff > 0 && diff <= 8) {
              found = diff;
              return;
            }
          }
        }
        walk(value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item, depth + 1);
    }
  };
  walk(root, 0);
  return found ?? 2;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function sameLine(text: string, a: number, b: number): boolean {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return !text.slice(lo, hi).includes('\n');
}

function isNullish(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

const PLAIN_SAFE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

class Planner {
  constructor(private readonly style: Style, private readonly edits: Edit[]) {}

  private get text(): string {
    return this.style.text;
  }

  ensureMap(map: YAMLMap, tree: Branch): void {
    if (map.anchor) throw new PlanFailure(`the map at line ${this.lineOf(map)} has an anchor (&${map.anchor}): editing it would change every alias of it`);
    const missing: [string, Tree][] = [];
    for (const [key, sub] of tree.children) {
      if (typeof key === 'number') throw new PlanFailure('a list index where a map was found');
      const pair = pairOf(map, key);
      if (!pair) missing.push([key, sub]);
      else this.ensureValue(pair, sub, map);
    }
    if (missing.length > 0) this.edits.push(map.flow ? this.insertFlowPairs(map, missing) : this.insertBlockPairs(map, missing));
  }

  private ensureSeq(seq: YAMLSeq, tree: Branch): void {
    for (const [key, sub] of tree.children) {
      const item = typeof key === 'number' ? (seq.items[key] as Node | null | undefined) : undefined;
      if (!isMap(item) || sub.kind !== 'branch') throw new PlanFailure(`list item ${String(key)} is not a map`);
      this.ensureMap(item, sub);
    }
  }

  private ensureValue(pair: Pair<Node, Node | null>, sub: Tree, parent: YAMLMap): void {
    const value = pair.value;
    const name = String((pair.key as Scalar).value);
    if (isAlias(value)) throw new PlanFailure(`${name} is an alias (*${value.source}): fix the anchored value instead`);
    if (value && 'anchor' in value && value.anchor) {
      throw new PlanFailure(`${name} has an anchor (&${value.anchor}): editing it would change every alias of it`);
    }
    if (sub.kind === 'branch') {
      const numeric = [...sub.children.keys()].some((k) => typeof k === 'number');
      if (numeric && isSeq(value)) return this.ensureSeq(value, sub);
      if (!numeric && isMap(value)) return this.ensureMap(value, sub);
      if (!numeric && isNullish(value)) return void this.edits.push(this.fillNull(pair, sub, parent));
      throw new PlanFailure(`${name} at line ${this.lineOf(pair.key)} is not a ${numeric ? 'list' : 'map'}`);
    }
    const { want } = sub;
    if (isNullish(value)) return void this.edits.push(this.fillNull(pair, sub, parent));
    if (want.kind === 'scalar') {
      if (!isScalar(value)) throw new PlanFailure(`${name} at line ${this.lineOf(pair.key)} is not a single value`);
      if (value.value === want.value) return;
      const range = value.range;
      if (!range) throw new PlanFailure(`${name} has no position`);
      this.edits.push({ start: range[0], end: range[1], text: this.scalarLike(want.value, value) });
      return;
    }
    if (!isSeq(value)) throw new PlanFailure(`${name} at line ${this.lineOf(pair.key)} is not a list`);
    if (value.items.some((item) => isScalar(item) && item.value === want.value)) return;
    this.edits.push(this.appendItem(value, want.value));
  }

  /** A value for an empty (`key:`) or null (`key: null`, `~`) entry. */
  private fillNull(pair: Pair<Node, Node | null>, sub: Tree, parent: YAMLMap): Edit {
    const node = pair.value;
    const range = node?.range;
    const keyRange = (pair.key as Node).range;
    if (!range || !keyRange) throw new PlanFailure('a null value without a position');
    const source = this.text.slice(range[0], range[1]);
    if (source === '' && !parent.flow && sub.kind === 'branch') {
      // `securityContext:` with nothing after it: the nested keys go on the lines below.
      const indent = this.keyColumn(keyRange[0]) + this.style.step;
      const lines = this.blockLines(sub, ' '.repeat(indent));
      return this.insertLines(this.lineEndAfter(range[0]), lines);
    }
    const inline = this.inline(sub, parent.flow ? this.flowQuotes(parent) : this.style.json);
    if (source !== '') return { start: range[0], end: range[1], text: inline };
    const before = this.text[range[0] - 1] === ':' ? ' ' : '';
    const after = this.text[range[0]] === '#' ? ' ' : '';
    return { start: range[0], end: range[0], text: before + inline + after };
  }

  private insertBlockPairs(map: YAMLMap, missing: readonly [string, Tree][]): Edit {
    const last = map.items[map.items.length - 1] as Pair<Node, Node | null> | undefined;
    const keyRange = last && isScalar(last.key) ? last.key.range : undefined;
    if (!last || !keyRange) throw new PlanFailure('a block map without a plain last key');
    const indent = ' '.repeat(this.keyColumn(keyRange[0]));
    const lines = missing.flatMap(([key, sub]) => this.blockPair(key, sub, indent));
    return this.insertLines(this.lineEndAfter(this.contentEnd(last)), lines);
  }

  private insertFlowPairs(map: YAMLMap, missing: readonly [string, Tree][]): Edit {
    const quote = this.flowQuotes(map);
    const pairs = missing.map(([key, sub]) => `${this.keyText(key, quote)}: ${this.inline(sub, quote)}`);
    const last = map.items[map.items.length - 1] as Pair<Node, Node | null> | undefined;
    return this.insertFlow(map, '{', '}', pairs, last ? this.contentEnd(last) : undefined, last?.key as Node | undefined, (indent) =>
      missing.map(([key, sub]) => `${this.keyText(key, quote)}: ${this.pretty(sub, quote, indent)}`));
  }

  private appendItem(seq: YAMLSeq, value: string): Edit {
    const sample = seq.items.find((item): item is Scalar => isScalar(item) && typeof item.value === 'string');
    const itemText = sample?.type === Scalar.QUOTE_DOUBLE || this.style.json ? JSON.stringify(value)
      : sample?.type === Scalar.QUOTE_SINGLE ? `'${value}'` : this.plainOrQuoted(value);
    const last = seq.items[seq.items.length - 1] as Node | null | undefined;
    if (seq.flow) {
      return this.insertFlow(seq, '[', ']', [itemText], last ? this.contentEnd(last) : undefined, last ?? undefined, () => [itemText]);
    }
    const range = seq.range;
    if (!range || this.text[range[0]] !== '-' || !last) throw new PlanFailure('a block list without items');
    const indent = ' '.repeat(this.keyColumn(range[0]));
    const firstItem = seq.items[0] as Node | null | undefined;
    const gap = firstItem?.range && sameLine(this.text, range[0], firstItem.range[0]) ? Math.max(1, firstItem.range[0] - range[0] - 1) : 1;
    return this.insertLines(this.lineEndAfter(this.contentEnd(last)), [`${indent}-${' '.repeat(gap)}${itemText}`]);
  }

  /**
   * Inserts entries before the closing bracket of a flow collection, after its last entry:
   * `{a: 1}` → `{a: 1, b: 2}`; a trailing comma is kept; a multi-line collection gets each
   * new entry on its own line at the indentation of the last one.
   */
  private insertFlow(
    node: YAMLMap | YAMLSeq, open: string, close: string, entries: readonly string[],
    lastEnd: number | undefined, lastNode: Node | undefined, prettyEntries: (indent: string) => readonly string[],
  ): Edit {
    const range = node.range;
    if (!range || this.text[range[0]] !== open) throw new PlanFailure(`a flow collection without "${open}"`);
    const closeAt = this.text.lastIndexOf(close, range[1] - 1);
    if (closeAt < range[0]) throw new PlanFailure(`a flow collection without "${close}"`);
    if (lastEnd === undefined || !lastNode?.range) {
      const inner = this.text.slice(range[0] + 1, closeAt);
      if (inner.trim() !== '') throw new PlanFailure('an empty flow collection with content');
      return { start: range[0] + 1, end: range[0] + 1, text: entries.join(', ') };
    }
    const between = this.text.slice(lastEnd, closeAt);
    if (between.includes('#')) throw new PlanFailure('a comment before the closing bracket');
    const comma = between.indexOf(',');
    const lastStart = lastNode.range[0];
    const multiline = !sameLine(this.text, range[0], lastStart);
    const lineStart = this.text.lastIndexOf('\n', lastStart - 1) + 1;
    if (multiline && /^[ ]*$/.test(this.text.slice(lineStart, lastStart))) {
      const indent = ' '.repeat(lastStart - lineStart);
      const items = prettyEntries(indent);
      const eol = this.style.eol;
      if (comma >= 0) return { start: lastEnd + comma + 1, end: lastEnd + comma + 1, text: items.map((e) => `${eol}${indent}${e},`).join('') };
      return { start: lastEnd, end: lastEnd, text: items.map((e) => `,${eol}${indent}${e}`).join('') };
    }
    if (comma >= 0) return { start: lastEnd + comma + 1, end: lastEnd + comma + 1, text: ` ${entries.join(', ')},` };
    return { start: lastEnd, end: lastEnd, text: `, ${entries.join(', ')}` };
  }

  /** Whole lines inserted at a line start (`at`), or after the last line when the file has no final newline (`at` = -1). */
  private insertLines(at: number, lines: readonly string[]): Edit {
    const { eol } = this.style;
    if (at < 0) return { start: this.text.length, end: this.text.length, text: eol + lines.join(eol) };
    return { start: at, end: at, text: lines.map((l) => l + eol).join('') };
  }

  private blockPair(key: string, sub: Tree, indent: string): string[] {
    if (sub.kind === 'leaf') return [`${indent}${key}: ${this.leafText(sub.want, this.style.json)}`];
    const lines = [`${indent}${key}:`];
    return lines.concat(this.blockLines(sub, indent + ' '.repeat(this.style.step)));
  }

  private blockLines(tree: Branch, indent: string): string[] {
    const out: string[] = [];
    for (const [key, sub] of tree.children) {
      if (typeof key === 'number') throw new PlanFailure('a list index under a missing key');
      out.push(...this.blockPair(key, sub, indent));
    }
    return out;
  }

  /** A subtree as an inline flow value: `{allowPrivilegeEscalation: false}`, `["ALL"]`, `false`. */
  private inline(tree: Tree, quote: boolean): string {
    if (tree.kind === 'leaf') return this.leafText(tree.want, quote);
    const parts: string[] = [];
    for (const [key, sub] of tree.children) {
      if (typeof key === 'number') throw new PlanFailure('a list index under a missing key');
      parts.push(`${this.keyText(key, quote)}: ${this.inline(sub, quote)}`);
    }
    return `{${parts.join(', ')}}`;
  }

  /** A subtree for a multi-line flow map: pretty-printed JSON, indented under `indent`. */
  private pretty(tree: Tree, quote: boolean, indent: string): string {
    if (!quote || tree.kind === 'leaf') return this.inline(tree, quote);
    const json = JSON.stringify(toPlain(tree), null, this.style.step);
    return json.split('\n').join(this.style.eol + indent);
  }

  private leafText(want: Want, quote: boolean): string {
    if (want.kind === 'item') return `[${JSON.stringify(want.value)}]`;
    if (typeof want.value === 'boolean') return String(want.value);
    return quote ? JSON.stringify(want.value) : this.plainOrQuoted(want.value);
  }

  /** A replacement for an existing scalar, in the same quoting style when it is a string. */
  private scalarLike(value: boolean | string, old: Scalar): string {
    if (typeof value === 'boolean') return String(value);
    if (old.type === Scalar.QUOTE_DOUBLE || this.style.json) return JSON.stringify(value);
    if (old.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
    return this.plainOrQuoted(value);
  }

  private plainOrQuoted(value: string): string {
    return PLAIN_SAFE.test(value) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(value) ? value : JSON.stringify(value);
  }

  private keyText(key: string, quote: boolean): string {
    return quote ? JSON.stringify(key) : key;
  }

  /** Keys of a flow map are quoted when the file is JSON or the map already quotes its keys. */
  private flowQuotes(map: YAMLMap): boolean {
    if (this.style.json) return true;
    const first = map.items[0]?.key;
    return isScalar(first) && first.type === Scalar.QUOTE_DOUBLE;
  }

  /** Where a node's own text ends: past the last value, before trailing comments. */
  private contentEnd(node: Node | Pair<Node, Node | null>): number {
    if (isPair(node)) {
      const keyEnd = (node.key as Node).range?.[1] ?? 0;
      return node.value ? Math.max(keyEnd, this.contentEnd(node.value)) : keyEnd;
    }
    const range = node.range;
    if (!range) throw new PlanFailure('a node without a position');
    if ((isMap(node) || isSeq(node)) && !node.flow) {
      const last = node.items[node.items.length - 1] as Node | Pair<Node, Node | null> | null | undefined;
      if (last) return this.contentEnd(last);
    }
    return range[1];
  }

  /** The start of the line after `offset` (itself when it is a line start), or -1 at the end of a file without a final newline. */
  private lineEndAfter(offset: number): number {
    if (offset > 0 && this.text[offset - 1] === '\n') return offset;
    const nl = this.text.indexOf('\n', offset);
    return nl < 0 ? -1 : nl + 1;
  }

  /** The column of a block key (or `-`): only spaces and sequence dashes may precede it on its line. */
  private keyColumn(offset: number): number {
    const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    if (!/^ *(?:- +)*$/.test(this.text.slice(lineStart, offset))) {
      throw new PlanFailure(`cannot tell the indentation at line ${this.lineOf(offset)}`);
    }
    return offset - lineStart;
  }

  private lineOf(at: unknown): number {
    const offset = typeof at === 'number' ? at : ((at as Node | undefined)?.range?.[0] ?? 0);
    let line = 1;
    for (let i = this.text.indexOf('\n'); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) line++;
    return line;
  }
}

function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  for (const item of map.items as Pair<Node, Node | null>[]) {
    if (isScalar(item.key) && item.key.value === key) return item;
  }
  return undefined;
}

function toPlain(tree: Tree): unknown {
  if (tree.kind === 'leaf') return tree.want.kind === 'item' ? [tree.want.value] : tree.want.value;
  return Object.fromEntries([...tree.children].map(([k, v]) => [String(k), toPlain(v)]));
}
