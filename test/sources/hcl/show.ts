/** Compact, unambiguous renderings of HCL ASTs and values for assertions. */
import type { Attribute, Block, Body, Expr, TemplatePart } from '../../../src/sources/hcl/ast.js';
import { parseHcl } from '../../../src/sources/hcl/parser.js';

function part(p: TemplatePart): string {
  if (p.kind === 'text') return JSON.stringify(p.value).slice(1, -1);
  if (p.kind === 'interpolation') return `\${${p.stripLeft ? '~' : ''}${show(p.expr)}${p.stripRight ? '~' : ''}}`;
  const vars = p.valueVar === undefined ? '' : ` ${p.keyVar === undefined ? '' : `${p.keyVar}, `}${p.valueVar} in`;
  return `%{${p.keyword}${vars}${p.expr ? ` ${show(p.expr)}` : ''}}`;
}

/** One expression as text: calls, traversals and literals read as written, operators fully parenthesised. */
export function show(e: Expr): string {
  switch (e.kind) {
    case 'literal': return JSON.stringify(e.value);
    case 'template': return `${e.heredoc ? `<<${e.heredoc.flush ? '-' : ''}${e.heredoc.marker}` : ''}"${e.parts.map(part).join('')}"`;
    case 'tuple': return `[${e.items.map(show).join(', ')}]`;
    case 'object': return `{${e.items.map((i) => `${show(i.key)} = ${show(i.value)}`).join(', ')}}`;
    case 'variable': return e.name;
    case 'traversal': return show(e.source) + e.steps.map((s) => (s.kind === 'attr' ? `.${s.name}` : s.kind === 'index' ? `[${show(s.key)}]` : s.full ? '[*]' : '.*')).join('');
    case 'call': return `${e.name}(${e.args.map(show).join(', ')}${e.expandFinal ? '...' : ''})`;
    case 'unary': return `(${e.op}${show(e.operand)})`;
    case 'binary': return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'conditional': return `(${show(e.cond)} ? ${show(e.then)} : ${show(e.else)})`;
    case 'paren': return `paren(${show(e.inner)})`;
    case 'invalid': return '<invalid>';
    case 'for': {
      const vars = `${e.keyVar ? `${e.keyVar.name}, ` : ''}${e.valueVar.name}`;
      const value = e.keyExpr ? `${show(e.keyExpr)} => ${show(e.valueExpr)}${e.group ? '...' : ''}` : show(e.valueExpr);
      const body = `for ${vars} in ${show(e.collection)} : ${value}${e.cond ? ` if ${show(e.cond)}` : ''}`;
      return e.object ? `{${body}}` : `[${body}]`;
    }
  }
}

/** A body as nested lines: `name = expr` and `type "label" { ... }`. */
export function showBody(body: Body, indent = ''): string[] {
  return body.items.flatMap((item: Attribute | Block) => item.kind === 'attribute'
    ? [`${indent}${item.name} = ${show(item.expr)}`]
    : [`${indent}${item.type}${item.labels.map((l) => ` "${l.value}"`).join('')} {`, ...showBody(item.body, `${indent}  `), `${indent}}`]);
}

/** The expression of `x = <src>`, asserting it parsed without error. */
export function expr(src: string): Expr {
  const { body, errors } = parseHcl(`x = ${src}\n`);
  if (errors.length) throw new Error(`parse errors in ${src}: ${errors.map((e) => e.message).join('; ')}`);
  const first = body.items[0];
  if (first?.kind !== 'attribute') throw new Error('no attribute');
  return first.expr;
}

/** Errors of parsing `text` as `offset: message`. */
export function errorsOf(text: string): string[] {
  return parseHcl(text).errors.map((e) => `${e.span.start}-${e.span.end}: ${e.message}`);
}
