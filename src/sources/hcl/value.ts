/**
 * Values produced by evaluating literal HCL expressions. A `Traced` value remembers, for every
 * string, which file it came from and how each character maps to a raw offset there, so a policy
 * statement's own parser can report positions inside the `.tf` file.
 */
import type { Span } from './ast.js';
import { MapBuilder, fixedMap, type OffsetMap } from './offset-map.js';

/** A plain value: what a rule compares against. */
export type HclValue = string | number | boolean | null | readonly HclValue[] | { readonly [key: string]: HclValue };

export interface TracedString {
  readonly kind: 'string';
  readonly value: string;
  /** The file `map` points into. */
  readonly path: string;
  readonly map: OffsetMap;
}

export type Traced =
  | TracedString
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'list'; readonly items: readonly Traced[] }
  /** Objects and maps; iteration order follows Terraform (keys sorted) only where it matters. */
  | { readonly kind: 'map'; readonly entries: ReadonlyMap<string, Traced> };

/** Why an expression has no literal value, and where (file and span) the obstacle is. */
export interface Unresolved {
  readonly unresolved: true;
  readonly reason: string;
  readonly span: Span;
  readonly path: string;
}

export type BindingSource = 'tfvars' | 'default' | 'local';

/** A `var.*` or `local.*` value that an evaluation went through. */
export interface ScopeUse {
  readonly ref: string;
  readonly source: BindingSource;
  /** Where the value is written (a tfvars file, a `variable` default, a `locals` block). */
  readonly path: string;
  readonly span: Span;
}

export type Evaluated =
  | { readonly unresolved?: undefined; readonly value: HclValue; readonly traced: Traced; readonly uses: readonly ScopeUse[] }
  | Unresolved;

/** The reason of an expression the parser could not read (already reported as a syntax error). */
export const SYNTAX_ERROR = 'the expression has a syntax error';

export function isUnresolved(v: Traced | Unresolved): v is Unresolved {
  return 'unresolved' in v;
}

export function unresolved(reason: string, span: Span, path: string): Unresolved {
  return { unresolved: true, reason, span, path };
}

export const NULL: Traced = { kind: 'null' };

export function str(value: string, path: string, map: OffsetMap): TracedString {
  return { kind: 'string', value, path, map };
}

/** A string made by the evaluator (a number turned to text, a joined list): it maps to `at`. */
export function madeString(value: string, path: string, at: Span): TracedString {
  return str(value, path, fixedMap(value.length, at.start, at.end));
}

/** Budget against values that grow exponentially through shared references. */
export class Budget {
  constructor(public left = 200_000) {}
  spend(n: number): boolean {
    this.left -= Math.max(1, n);
    return this.left >= 0;
  }
}

/** The plain form of a traced value, or undefined when it exceeds the budget. */
export function toPlain(v: Traced, budget = new Budget()): HclValue | undefined {
  if (!budget.spend(1)) return undefined;
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return v.value;
    case 'null':
      return null;
    case 'list': {
      const out: HclValue[] = [];
      for (const item of v.items) {
        const p = toPlain(item, budget);
        if (p === undefined) return undefined;
        out.push(p);
      }
      return out;
    }
    case 'map': {
      const out: Record<string, HclValue> = {};
      for (const [k, item] of v.entries) {
        const p = toPlain(item, budget);
        if (p === undefined) return undefined;
        Object.defineProperty(out, k, { value: p, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
  }
}

/** Builds a string from pieces, keeping raw offsets for pieces that live in `path`. */
export class StringBuilder {
  private readonly pieces: string[] = [];
  private readonly map = new MapBuilder();
  /** The raw offset just past the last piece. */
  private end: number | undefined;
  constructor(readonly path: string) {}

  /** A traced piece; if it lives in another file, its characters map to `fallback` instead. */
  traced(s: TracedString, fallback: Span): void {
    this.pieces.push(s.value);
    if (s.path === this.path) {
      this.map.append(s.map);
      this.end = s.map.rawEnd;
    } else {
      this.map.fixed(fallback.start, s.value.length);
      this.end = fallback.end;
    }
  }

  /** A piece of `text` that maps to `at.start`. */
  fixed(text: string, at: Span): void {
    this.pieces.push(text);
    this.map.fixed(at.start, text.length);
    this.end = at.end;
  }

  /** A piece with its own map (in `path`). */
  mapped(text: string, map: OffsetMap): void {
    this.pieces.push(text);
    this.map.append(map);
    this.end = map.rawEnd;
  }

  get length(): number {
    return this.map.length;
  }

  /** The string; its end maps past the last piece (or to `rawEnd` when there is none). */
  finish(rawEnd: number): TracedString {
    return str(this.pieces.join(''), this.path, this.map.finish(this.end ?? rawEnd));
  }
}

/** `true`/`false`, or the strings `"true"`/`"false"` (Terraform converts them); else undefined. */
export function asBool(v: HclValue | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** A number, or a string that Terraform would convert to one; else undefined. */
export function asNumber(v: Traced): number | undefined {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'string' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v.value)) return Number(v.value);
  return undefined;
}

/** Text of a primitive for string conversion (templates, join, format `%v`), or undefined. */
export function primitiveText(v: Traced): string | undefined {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'number') return String(v.value);
  if (v.kind === 'bool') return v.value ? 'true' : 'false';
  return undefined;
}

export function typeName(v: Traced): string {
  return v.kind === 'list' ? 'a list' : v.kind === 'map' ? 'a map' : v.kind === 'null' ? 'null' : `a ${v.kind}`;
}
