/**
 * The nesting limit every reader applies before a recursive parser sees the text.
 *
 * The `yaml` package recurses once per collection level: its CST parser when a block collection
 * ends many levels at once, its composer for every collection. Thousands of levels overflow the
 * call stack; the composer catches that (`RESOURCE_EXHAUSTION`), but near the stack limit it
 * also runs a regular expression that V8 compiles to native code on its second use, and a
 * compile that runs out of stack there aborts the whole process ("RegExpCompiler Allocation
 * failed"), which no `try` can catch. So the depth is measured first, without recursion:
 *
 * 1. A linear scan of the characters gives an upper bound (a block collection inside another
 *    starts at the same or a greater column, and at most a map and a sequence share one column;
 *    a flow collection needs a `[` or `{`). Real files are far below the limit and stop here.
 * 2. Otherwise the `yaml` lexer's tokens are followed with a stack of block indentations and a
 *    count of open brackets, which gives each collection's depth as the parser will nest it.
 *
 * A document with a collection deeper than MAX_NESTING is not parsed: its body is blanked (same
 * length and line breaks, so every other offset and line stays right), and a `parse-error`
 * problem with code `NESTING` points at the first token of the first collection beyond the
 * limit. The other documents of the stream are parsed as usual.
 */
import { CST, Lexer, parseAllDocuments, parseDocument, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import type { ParseProblem } from './k8s-yaml.js';

/**
 * Deepest nesting of collections a reader parses. Kubernetes objects stay under 30 levels and
 * OCI/Terraform JSON under 20; 256 leaves room for any real file and keeps the parsers' stacks
 * small.
 */
export const MAX_NESTING = 256;

export const NESTING_CODE = 'NESTING';

/** The problem for a collection starting at `offset` that is nested deeper than the limit. */
export function nestingProblem(offset: number, max = MAX_NESTING): ParseProblem {
  return { span: { start: offset, end: offset + 1 }, message: nestingMessage(max), code: NESTING_CODE };
}

export function nestingMessage(max = MAX_NESTING): string {
  return `collections are nested deeper than ${max} levels, the limit okelint reads`;
}

/** A document of a YAML stream with a collection nested beyond the limit. */
export interface DeepDocument {
  /** Offset of the first token of the first collection beyond the limit. */
  readonly at: number;
  /** The document's body (after `---` and leading comments) up to its end: what is not parsed. */
  readonly body: { readonly start: number; readonly end: number };
}

/** The documents of `text` (YAML or JSON) nested deeper than `max`, in order. */
export function deepDocuments(text: string, max = MAX_NESTING): DeepDocument[] {
  if (depthBound(text) <= max) return [];
  return new DepthScan(text, max).run();
}

/** `text` without the bodies of its too-deep documents (blanked), and one problem per such document. */
export function withinNesting(text: string, max = MAX_NESTING): { readonly text: string; readonly problems: ParseProblem[] } {
  const deep = deepDocuments(text, max);
  if (deep.length === 0) return { text, problems: [] };
  let out = '';
  let from = 0;
  for (const d of deep) {
    out += text.slice(from, d.body.start) + text.slice(d.body.start, d.body.end).replace(/[^\r\n]/g, ' ');
    from = d.body.end;
  }
  return { text: out + text.slice(from), problems: deep.map((d) => nestingProblem(d.at, max)) };
}

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** `parseAllDocuments` under the nesting limit. */
export function parseYamlStream(text: string, options: Options): { readonly docs: ReturnType<typeof parseAllDocuments>; readonly problems: ParseProblem[] } {
  const guarded = withinNesting(text);
  return { docs: parseAllDocuments(guarded.text, options), problems: guarded.problems };
}

/** `parseDocument` under the nesting limit (a blanked document parses as empty). */
export function parseYamlDocument(text: string, options: Options): { readonly doc: ReturnType<typeof parseDocument>; readonly problems: ParseProblem[] } {
  const guarded = withinNesting(text);
  return { doc: parseDocument(guarded.text, options), problems: guarded.problems };
}

const SPACE = 32;
const TAB = 9;
const NL = 10;

/**
 * An upper bound of the nesting depth of any document in `text`: twice the number of columns a
 * block collection can start at (spaces and `-`, `?`, `:` indicators at the start of a line),
 * plus every `[` and `{`.
 */
export function depthBound(text: string): number {
  let brackets = 0;
  let lead = 0;
  let maxLead = 0;
  let atLead = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NL) {
      atLead = true;
      lead = 0;
    } else if (atLead && (c === SPACE || c === TAB || c === 45 /* - */ || c === 63 /* ? */ || c === 58 /* : */)) {
      if (++lead > maxLead) maxLead = lead;
    } else {
      atLead = false;
      if (c === 91 /* [ */ || c === 123 /* { */) brackets++;
    }
  }
  return 2 * (maxLead + 1) + brackets;
}

interface Open {
  readonly column: number;
  readonly seq: boolean;
}

/** Follows the `yaml` lexer's tokens, document by document, with the parser's nesting rules. */
class DepthScan {
  private readonly found: DeepDocument[] = [];
  private offset = 0;
  private lineStart = 0;
  private blocks: Open[] = [];
  private flow = 0;
  /** Offset of the first token of the line's current node (a key when `:` follows), if any. */
  private keyAt: number | undefined;
  private bodyStart: number | undefined;
  private hit: number | undefined;

  constructor(private readonly text: string, private readonly max: number) {}

  run(): DeepDocument[] {
    let atScalar = false;
    for (const lexeme of new Lexer().lex(this.text)) {
      const type = atScalar ? 'value' : CST.tokenType(lexeme);
      atScalar = type === 'scalar';
      const at = this.offset;
      // Markers the lexer adds (document mode, flow error end, scalar start) take no text.
      if (type !== 'doc-mode' && type !== 'flow-error-end' && type !== 'scalar') this.offset += lexeme.length;
      this.token(type, at);
      const nl = lexeme.lastIndexOf('\n');
      if (nl >= 0 && type !== 'scalar') {
        this.lineStart = at + nl + 1;
        this.keyAt = undefined;
      }
    }
    this.endDocument(this.text.length);
    return this.found;
  }

  private token(type: string | null, at: number): void {
    switch (type) {
      case 'doc-start':
      case 'doc-end':
        this.endDocument(at);
        return;
      case 'flow-error-end':
        this.flow = 0;
        return;
      case 'newline': case 'space': case 'comment': case 'comma': case 'doc-mode': case 'byte-order-mark': case 'directive-line':
        return;
    }
    this.bodyStart ??= at;
    if (this.hit !== undefined) return;
    switch (type) {
      case 'seq-item-ind':
        if (this.flow === 0) this.openBlock(true, at, at);
        this.keyAt = undefined;
        return;
      case 'explicit-key-ind':
        if (this.flow === 0) this.openBlock(false, at, at);
        this.keyAt = undefined;
        return;
      case 'map-value-ind':
        if (this.flow === 0) this.openBlock(false, this.keyAt ?? at, at);
        this.keyAt = undefined;
        return;
      case 'flow-map-start':
      case 'flow-seq-start':
        if (this.flow === 0) this.keyAt ??= at;
        this.flow++;
        this.check(this.blocks.length + this.flow, at);
        return;
      case 'flow-map-end':
      case 'flow-seq-end':
        if (this.flow > 0) this.flow--;
        return;
      default:
        // Scalars, aliases, anchors, tags, block scalar headers: a node starts (a key if `:` follows).
        if (this.flow === 0) this.keyAt ??= at;
    }
  }

  /** A block map (its first key at `start`) or sequence (its `-` at `start`): a new level unless it continues the open one. */
  private openBlock(seq: boolean, start: number, at: number): void {
    const column = start - this.lineStart;
    let top = this.blocks[this.blocks.length - 1];
    while (top && (top.column > column || (!seq && top.seq && top.column === column))) {
      this.blocks.pop();
      top = this.blocks[this.blocks.length - 1];
    }
    if (top && top.column === column && top.seq === seq) return;
    this.blocks.push({ column, seq });
    this.check(this.blocks.length, seq ? at : start);
  }

  private check(depth: number, at: number): void {
    if (depth > this.max) this.hit = at;
  }

  private endDocument(end: number): void {
    if (this.hit !== undefined && this.bodyStart !== undefined) this.found.push({ at: this.hit, body: { start: this.bodyStart, end } });
    this.blocks = [];
    this.flow = 0;
    this.keyAt = undefined;
    this.bodyStart = undefined;
    this.hit = undefined;
  }
}
