/**
 * The HCL parser: bodies (attributes, blocks, labels, one-line blocks, comments), every
 * expression form (operators, conditionals, traversals, splats, calls, collections, for
 * expressions), templates and heredocs, spans, and recovery after errors.
 */
import { describe, expect, it } from 'vitest';
import type { Attribute, Block, TemplateExpr } from '../../../src/sources/hcl/ast.js';
import { parseHcl } from '../../../src/sources/hcl/parser.js';
import { errorsOf, expr, show, showBody } from './show.js';

const at = (text: string, s: { start: number; end: number }): string => text.slice(s.start, s.end);

describe('HCL bodies', () => {
  it('reads attributes, blocks with quoted and bare labels, nested and one-line blocks', () => {
    const text = [
      'resource "oci_identity_policy" p {',
      '  name = "x"',
      '  lifecycle { ignore_changes = [defined_tags] }',
      '  dynamic "rule" {',
      '    for_each = var.rules',
      '    content {}',
      '  }',
      '}',
      'count = 3',
    ].join('\n');
    const { body, errors } = parseHcl(text);
    expect(errors).toEqual([]);
    expect(showBody(body)).toEqual([
      'resource "oci_identity_policy" "p" {',
      '  name = "x"',
      '  lifecycle {',
      '    ignore_changes = [defined_tags]',
      '  }',
      '  dynamic "rule" {',
      '    for_each = var.rules',
      '    content {',
      '    }',
      '  }',
      '}',
      'count = 3',
    ]);
    const block = body.items[0] as Block;
    expect(at(text, block.typeSpan)).toBe('resource');
    expect(block.labels.map((l) => at(text, l.span))).toEqual(['"oci_identity_policy"', 'p']);
    expect(at(text, block.span)).toBe(text.slice(0, text.indexOf('\ncount')));
    expect(at(text, block.openBrace)).toBe('{');
    expect(block.closeBrace && block.closeBrace.start).toBe(text.indexOf('}\ncount'));
    const name = block.body.items[0] as Attribute;
    expect([at(text, name.nameSpan), at(text, name.expr.span), at(text, name.span)]).toEqual(['name', '"x"', 'name = "x"']);
  });

  it('skips #, // and /* */ comments anywhere between tokens and lists them', () => {
    const text = '# head\na = 1 // tail\n/* block\n */ b = /* inline */ 2\n';
    const { body, errors, comments } = parseHcl(text);
    expect(errors).toEqual([]);
    expect(showBody(body)).toEqual(['a = 1', 'b = 2']);
    expect(comments.map((c) => at(text, c))).toEqual(['# head', '// tail', '/* block\n */', '/* inline */']);
  });

  it('does not list comment-like text inside strings and heredocs as comments', () => {
    const text = 'a = "# not // a comment"\nb = <<EOT\n# nor this\nEOT\n# but this\n';
    expect(parseHcl(text).comments.map((c) => at(text, c))).toEqual(['# but this']);
  });

  it('accepts CRLF line ends, a final line without newline, and an empty file', () => {
    expect(showBody(parseHcl('a = 1\r\nb {\r\n  c = "d"\r\n}').body)).toEqual(['a = 1', 'b {', '  c = "d"', '}']);
    expect(parseHcl('')).toMatchObject({ body: { items: [], span: { start: 0, end: 0 } }, errors: [] });
  });
});

describe('HCL expressions', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['(1 + 2) * 3', '(paren((1 + 2)) * 3)'],
    ['a || b && c == d', '(a || (b && (c == d)))'],
    ['!a == -b', '((!a) == (-b))'],
    ['a < b != c >= d', '((a < b) != (c >= d))'],
    ['10 % 3 - 4 / 2', '((10 % 3) - (4 / 2))'],
    ['a ? b : c ? d : e', '(a ? b : (c ? d : e))'],
    ['a == 1 ? "x" : "y"', '((a == 1) ? "x" : "y")'],
    ['true && false || null == null', '((true && false) || (null == null))'],
  ])('parses %s by precedence', (src, want) => {
    expect(show(expr(src))).toBe(want);
  });

  it.each([
    ['var.a.b[0]["k"].c', 'var.a.b[0]["k"].c'],
    ['aws_instance.web[*].id', 'aws_instance.web[*].id'],
    ['list.*.name', 'list.*.name'],
    ['a.0.b', 'a[0].b'],
    ['a.0.1', 'a[0][1]'],
    ['f(x)[1].y', 'f(x)[1].y'],
    ['[1, 2][0]', '[1, 2][0]'],
  ])('parses the traversal %s', (src, want) => {
    expect(show(expr(src))).toBe(want);
  });

  it.each([
    ['concat(a, [1, 2], [])', 'concat(a, [1, 2], [])'],
    ['max(list...)', 'max(list...)'],
    ['f()', 'f()'],
    ['join(",", [\n  "a",\n  "b",\n])', 'join(",", ["a", "b"])'],
    ['{ a = 1, "b" = 2, c: 3, (k) = 4 }', '{a = 1, "b" = 2, c = 3, paren(k) = 4}'],
    ['{\n  a = 1\n  b = [\n    2,\n  ]\n}', '{a = 1, b = [2]}'],
    ['{}', '{}'],
    ['[]', '[]'],
    ['[\n]', '[]'],
  ])('parses the collection or call %s', (src, want) => {
    expect(show(expr(src))).toBe(want);
  });

  it.each([
    ['[for s in var.list : upper(s) if s != ""]', '[for s in var.list : upper(s) if (s != "")]'],
    ['[for i, v in xs : "${i}=${v}"]', '[for i, v in xs : "${i}=${v}"]'],
    ['{for k, v in m : k => v}', '{for k, v in m : k => v}'],
    ['{for u in users : u.role => u.name...}', '{for u in users : u.role => u.name...}'],
    ['{\n  for k, v in m :\n  k => v\n  if v != null\n}', '{for k, v in m : k => v if (v != null)}'],
    ['[for]', '[for]'],
  ])('parses the for expression %s', (src, want) => {
    // `[for]` alone is a tuple holding the variable `for`.
    expect(show(expr(src))).toBe(want);
  });

  it('gives every expression its exact span', () => {
    const text = 'x = a.b[c] + f(1, "s") ? [for v in l : v] : { k = 1 }\n';
    const e = (parseHcl(text).body.items[0] as Attribute).expr;
    if (e.kind !== 'conditional' || e.cond.kind !== 'binary') throw new Error(show(e));
    expect([e, e.cond, e.cond.left, e.cond.right, e.then, e.else].map((n) => at(text, n.span))).toEqual([
      'a.b[c] + f(1, "s") ? [for v in l : v] : { k = 1 }', 'a.b[c] + f(1, "s")', 'a.b[c]', 'f(1, "s")', '[for v in l : v]', '{ k = 1 }',
    ]);
    const call = e.cond.right;
    if (call.kind !== 'call') throw new Error('not a call');
    expect([at(text, call.nameSpan), ...call.args.map((a) => at(text, a.span))]).toEqual(['f', '1', '"s"']);
  });
});

describe('HCL templates', () => {
  const tpl = (src: string): TemplateExpr => {
    const e = expr(src);
    if (e.kind !== 'template') throw new Error(show(e));
    return e;
  };

  it('decodes escapes and literal $${ and %%{', () => {
    expect(show(expr('"a\\tb\\n\\"q\\" \\\\ \\u00e9 \\U0001F600"'))).toBe(`"a\\tb\\n\\"q\\" \\\\ é 😀"`);
    expect(show(expr('"$${x} %%{y} $ % $x"'))).toBe('"${x} %{y} $ % $x"');
  });

  it('reads interpolations with nested strings and braces', () => {
    expect(show(expr('"a ${b} c ${f("}", {k = "${d}"})} e"'))).toBe('"a ${b} c ${f("}", {k = "${d}"})} e"');
  });

  it('applies ~ strip markers to the neighbouring text only', () => {
    expect(show(expr('"a  ${~ b ~}  c ${d} e"'))).toBe('"a${~b~}c ${d} e"');
  });

  it('reads if and for directives in order', () => {
    expect(show(expr('"%{ if a }yes%{ else }no%{ endif }"'))).toBe('"%{if a}yes%{else}no%{endif}"');
    expect(show(expr('"%{ for k, v in m }${k}%{ endfor }"'))).toBe('"%{for k, v in m}${k}%{endfor}"');
  });

  it('maps decoded text back to raw offsets through escapes', () => {
    const text = 'x = "a\\u00e9b\\nc"\n';
    const e = (parseHcl(text).body.items[0] as Attribute).expr as TemplateExpr;
    const t = e.parts[0];
    if (t?.kind !== 'text') throw new Error('no text');
    expect(t.value).toBe('aéb\nc');
    const raw = [...t.value].map((_, i) => text[mapAt(t.map, i)]);
    expect(raw).toEqual(['a', '\\', 'b', '\\', 'c']);
  });

  it('reads heredocs: the text up to the marker line, with interpolations', () => {
    const t = tpl('<<EOT\n  Allow group ${g} to\n    read all-resources\nEOT');
    expect(show(t)).toBe('<<EOT"  Allow group ${g} to\\n    read all-resources\\n"');
  });

  it('removes the common indentation of <<- heredocs, ignoring blank lines', () => {
    expect(show(tpl('<<-EOT\n    a\n\n      b ${c}\n    EOT'))).toBe('<<-EOT"a\\n\\n  b ${c}\\n"');
    expect(show(tpl('<<-EOT\n\ta\n\t  b\n\tEOT'))).toBe('<<-EOT"a\\n  b\\n"');
  });

  it('keeps indentation when an interpolation starts a line of a <<- heredoc', () => {
    expect(show(tpl('<<-EOT\n    a\n${b}\n    EOT'))).toBe('<<-EOT"    a\\n${b}\\n"');
  });

  it('does not end a heredoc at a line that only starts with the marker', () => {
    expect(show(tpl('<<EOT\nEOTX\n EOT'))).toBe('<<EOT"EOTX\\n"');
  });

  it('maps heredoc text to its raw offsets after removing the indentation', () => {
    const text = 'x = <<-EOT\n    Allow any-user\n    EOT\n';
    const e = (parseHcl(text).body.items[0] as Attribute).expr as TemplateExpr;
    const t = e.parts[0];
    if (t?.kind !== 'text') throw new Error('no text');
    expect(t.value).toBe('Allow any-user\n');
    expect(text.slice(mapAt(t.map, 0), mapAt(t.map, 5))).toBe('Allow');
    expect(at(text, e.span)).toBe('<<-EOT\n    Allow any-user\n    EOT');
  });

  it('gives an empty string one empty text part at its position', () => {
    const e = tpl('""');
    expect(e.parts).toHaveLength(1);
    expect(e.parts[0]).toMatchObject({ kind: 'text', value: '', span: { start: 5, end: 5 } });
  });
});

function mapAt(map: TemplateExpr['parts'][number] extends infer P ? (P extends { map: infer M } ? M : never) : never, i: number): number {
  let k = 0;
  for (let j = 0; j < map.d.length; j++) if ((map.d[j] ?? 0) <= i) k = j;
  return map.step[k] === 1 ? (map.r[k] ?? 0) + i - (map.d[k] ?? 0) : map.r[k] ?? 0;
}

describe('HCL syntax errors', () => {
  it.each([
    ['a = \n', ['4-5: expected an expression, found a newline']],
    ['a = = 2\nb = 1\n', ['4-5: expected an expression, found \'=\'']],
    ['a b\n', ["3-4: expected '=' or '{' after the block labels, found a newline"]],
    ['a = 1 2\n', ['6-7: expected a newline after the attribute, found \'2\'']],
    ['= 1\n', ["0-1: expected an attribute or a block, found '='"]],
    ['}\n', ["0-1: unexpected '}'"]],
    ['b {\n  c = 1\n', ["2-3: this '{' is never closed"]],
    ['a = "open\nb = 1\n', ['4-9: unterminated string: a quoted string cannot span lines']],
    ['a = <<EOT\nno end\n', ['4-17: unterminated heredoc: no closing EOT line']],
    ['a = "\\q"\n', ['5-7: invalid escape sequence \\q']],
    ['a = [1, 2\nb = 3\n', ["10-11: expected ']' to close the '[' on line 1, found 'b'"]],
    ['a = ["x",\n}\n', ["10-11: expected ']' to close the '[' on line 1, found '}'", "10-11: unexpected '}'"]],
    ['a = f(1,\n', ["9-9: expected ')' to close the '(' on line 1, found the end of the file"]],
    ['a = "${b"\n', ['5-8: expected } to close ${']],
    ['a = "${b c} d"\n', ['5-9: expected } to close ${']],
    ['a /* open\n', ['2-10: unterminated /* comment', "10-10: expected '=' or '{' after 'a', found the end of the file"]],
    ['l "${x}" {}\n', ['2-8: block labels cannot contain interpolations or directives']],
  ])('reports %j at the exact token', (text, want) => {
    expect(errorsOf(text)).toEqual(want);
  });

  it('goes on after an error: the next lines and blocks still parse', () => {
    const { body, errors } = parseHcl('a = = 1\nb = 2\nc {\n  d = ]\n  e = 3\n}\nf = 4\n');
    expect(errors).toHaveLength(2);
    expect(showBody(body)).toEqual(['a = <invalid>', 'b = 2', 'c {', '  d = <invalid>', '  e = 3', '}', 'f = 4']);
  });

  it('stops at the nesting limit with one error at the 257th bracket, skips that item and goes on', () => {
    const deep = `a = ${'['.repeat(5000)}${']'.repeat(5000)}\nb = 1\n`;
    const { body, errors } = parseHcl(deep);
    expect(errors.map((e) => `${e.span.start}: ${e.message}`)).toEqual([
      `${4 + 256}: nested deeper than 256 levels, okelint's limit (NESTING), so its top-level block was not read`,
    ]);
    expect(showBody(body)).toEqual(['b = 1']);
  });
});
