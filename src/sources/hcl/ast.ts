/**
 * AST of the HCL2 native syntax. Every node carries a `span`: a half-open UTF-16 offset range
 * into the text it was parsed from, so findings can point at the exact attribute or string.
 */
import type { Span } from '../../engine/types.js';
import type { OffsetMap } from './offset-map.js';

export type { Span };

/** A syntax problem; the parser never throws, it records these and goes on. */
export interface HclError {
  readonly message: string;
  readonly span: Span;
}

export interface Body {
  readonly items: readonly (Attribute | Block)[];
  readonly span: Span;
}

export interface Attribute {
  readonly kind: 'attribute';
  readonly name: string;
  readonly nameSpan: Span;
  readonly expr: Expr;
  /** From the name to the end of the expression. */
  readonly span: Span;
}

export interface BlockLabel {
  readonly value: string;
  readonly span: Span;
}

export interface Block {
  readonly kind: 'block';
  readonly type: string;
  readonly typeSpan: Span;
  readonly labels: readonly BlockLabel[];
  readonly body: Body;
  readonly openBrace: Span;
  /** Missing when the file ends before the block is closed. */
  readonly closeBrace: Span | undefined;
  readonly span: Span;
}

export type Expr =
  | LiteralExpr
  | TemplateExpr
  | TupleExpr
  | ObjectExpr
  | VariableExpr
  | TraversalExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | ConditionalExpr
  | ForExpr
  | ParenExpr
  | InvalidExpr;

export interface LiteralExpr {
  readonly kind: 'literal';
  readonly value: number | boolean | null;
  readonly span: Span;
}

/** A piece of template text: `value` is decoded (escapes, `$${`, heredoc indentation removed). */
export interface TemplateText {
  readonly kind: 'text';
  readonly value: string;
  /** The raw source the text was decoded from. */
  readonly span: Span;
  /** Maps an index into `value` to its raw offset in the file. */
  readonly map: OffsetMap;
}

export interface TemplateInterpolation {
  readonly kind: 'interpolation';
  readonly expr: Expr;
  /** From `${` to the closing `}`. */
  readonly span: Span;
  readonly stripLeft: boolean;
  readonly stripRight: boolean;
}

/** `%{ if c }`, `%{ else }`, `%{ endif }`, `%{ for k, v in c }`, `%{ endfor }`; kept flat, in order. */
export interface TemplateDirective {
  readonly kind: 'directive';
  readonly keyword: 'if' | 'else' | 'endif' | 'for' | 'endfor';
  readonly expr?: Expr;
  readonly keyVar?: string;
  readonly valueVar?: string;
  readonly span: Span;
}

export type TemplatePart = TemplateText | TemplateInterpolation | TemplateDirective;

export interface HeredocInfo {
  readonly marker: string;
  /** `<<-`: the common leading whitespace was removed from every line. */
  readonly flush: boolean;
}

export interface TemplateExpr {
  readonly kind: 'template';
  readonly parts: readonly TemplatePart[];
  /** Quoted strings have no `heredoc`. */
  readonly heredoc?: HeredocInfo;
  /** Includes the quotes or the heredoc markers. */
  readonly span: Span;
}

export interface TupleExpr {
  readonly kind: 'tuple';
  readonly items: readonly Expr[];
  readonly span: Span;
}

export interface ObjectItem {
  /** A bare identifier key is a `variable` expression that names the key (it is not looked up). */
  readonly key: Expr;
  readonly value: Expr;
  readonly span: Span;
}

export interface ObjectExpr {
  readonly kind: 'object';
  readonly items: readonly ObjectItem[];
  readonly span: Span;
}

export interface VariableExpr {
  readonly kind: 'variable';
  readonly name: string;
  readonly span: Span;
}

export type TraversalStep =
  | { readonly kind: 'attr'; readonly name: string; readonly span: Span }
  | { readonly kind: 'index'; readonly key: Expr; readonly span: Span }
  /** `.*` (attribute-only splat, `full: false`) or `[*]` (full splat). */
  | { readonly kind: 'splat'; readonly full: boolean; readonly span: Span };

/** `var.x`, `a.b[0].c`, `f(x)[1]`, `list[*].id`. */
export interface TraversalExpr {
  readonly kind: 'traversal';
  readonly source: Expr;
  readonly steps: readonly TraversalStep[];
  readonly span: Span;
}

export interface CallExpr {
  readonly kind: 'call';
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly Expr[];
  /** The last argument was written `x...`. */
  readonly expandFinal: boolean;
  readonly span: Span;
}

export interface UnaryExpr {
  readonly kind: 'unary';
  readonly op: '!' | '-';
  readonly operand: Expr;
  readonly span: Span;
}

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryExpr {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export interface ConditionalExpr {
  readonly kind: 'conditional';
  readonly cond: Expr;
  readonly then: Expr;
  readonly else: Expr;
  readonly span: Span;
}

export interface ForVar {
  readonly name: string;
  readonly span: Span;
}

/** `[for k, v in coll : value if cond]` or `{for k, v in coll : key => value... if cond}`. */
export interface ForExpr {
  readonly kind: 'for';
  readonly object: boolean;
  readonly keyVar?: ForVar;
  readonly valueVar: ForVar;
  readonly collection: Expr;
  readonly keyExpr?: Expr;
  readonly valueExpr: Expr;
  /** `...` after the value of an object `for`: values are grouped into lists. */
  readonly group: boolean;
  readonly cond?: Expr;
  readonly span: Span;
}

export interface ParenExpr {
  readonly kind: 'paren';
  readonly inner: Expr;
  readonly span: Span;
}

/** Stands in for an expression that could not be parsed (an error was recorded). */
export interface InvalidExpr {
  readonly kind: 'invalid';
  readonly span: Span;
}
