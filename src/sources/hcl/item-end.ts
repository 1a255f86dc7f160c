/**
 * Where a top-level HCL item ends, found without parsing it: the first line break outside
 * brackets, strings, comments and heredocs. The parser uses it to go on after an item too deeply
 * nested to parse; text it misjudges only costs more syntax errors.
 */

/** The offset just after the line break that ends the item starting at `start`, or the text's length. */
export function itemEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c === 10) {
      if (depth <= 0) return i + 1;
    } else if (c === 34 /* " */) {
      i = stringEnd(text, i);
    } else if (c === 35 /* # */ || (c === 47 && next === 47) /* // */) {
      i = lineEnd(text, i) - 1;
    } else if (c === 47 && next === 42 /* /* */) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === 60 && next === 60 /* << */) {
      i = heredocEnd(text, i) - 1;
    } else if (c === 123 || c === 91 || c === 40) {
      depth++;
    } else if (c === 125 || c === 93 || c === 41) {
      depth--;
    }
  }
  return text.length;
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

/** The closing quote of the string opening at `open` (escapes skipped), or the end of its line. */
function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i;
    else if (c === 10) return i - 1;
  }
  return text.length;
}

/** After `<<EOT` / `<<-EOT`: the line break ending the line that closes it (just the marker, maybe indented). */
function heredocEnd(text: string, at: number): number {
  const m = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(text.slice(at, at + 260));
  if (!m) return at + 2;
  const marker = m[1] ?? '';
  for (let line = at + m[0].length; line < text.length;) {
    const end = lineEnd(text, line);
    if (text.slice(line, end).trim() === marker) return end;
    line = end + 1;
  }
  return text.length;
}
