/**
 * Post-processing of template parts: the `<<-` indentation rule and joining adjacent text parts.
 * Both follow HashiCorp's hclsyntax (flushHeredocTemplateParts, meldConsecutiveStringLiterals).
 */
import type { TemplatePart, TemplateText } from './ast.js';
import { MapBuilder, mapOffset, sliceMap } from './offset-map.js';

function isSpaceChar(ch: string): boolean {
  return /\s/.test(ch);
}

/**
 * Removes the smallest leading-whitespace width from every line. Heredoc text parts end at each
 * newline, so a part that follows a newline starts a line. Whitespace-only lines do not count
 * towards the width and keep their whitespace; a line that starts with `${` or `%{` has width 0.
 */
export function flushIndent(parts: readonly TemplatePart[]): TemplatePart[] {
  let min = Number.MAX_SAFE_INTEGER;
  let newline = true;
  const adjust = new Set<number>();
  parts.forEach((part, idx) => {
    if (newline) {
      newline = false;
      let spaces = 0;
      if (part.kind === 'text') {
        let k = 0;
        while (k < part.value.length && isSpaceChar(part.value[k] ?? '')) k++;
        if (k === part.value.length && part.value.endsWith('\n')) spaces = Number.MAX_SAFE_INTEGER;
        else {
          spaces = k;
          adjust.add(idx);
        }
      }
      min = Math.min(min, spaces);
    }
    if (part.kind === 'text' && part.value.endsWith('\n')) newline = true;
  });
  if (min === 0 || min === Number.MAX_SAFE_INTEGER) return [...parts];
  return parts.map((part, idx) => {
    if (!adjust.has(idx) || part.kind !== 'text') return part;
    const cut = Math.min(min, part.value.length);
    return { kind: 'text', value: part.value.slice(cut), span: { start: mapOffset(part.map, cut), end: part.span.end }, map: sliceMap(part.map, cut, part.value.length) };
  });
}

/** Joins consecutive text parts (and drops empty ones between them) into one part. */
export function meld(parts: readonly TemplatePart[]): TemplatePart[] {
  const out: TemplatePart[] = [];
  let run: TemplateText[] = [];
  const flush = (): void => {
    const first = run[0];
    const last = run[run.length - 1];
    if (!first || !last) return;
    if (run.length === 1) out.push(first);
    else {
      const m = new MapBuilder();
      for (const p of run) m.append(p.map);
      out.push({ kind: 'text', value: run.map((p) => p.value).join(''), span: { start: first.span.start, end: last.span.end }, map: m.finish(last.map.rawEnd) });
    }
    run = [];
  };
  for (const part of parts) {
    if (part.kind === 'text') run.push(part);
    else {
      flush();
      out.push(part);
    }
  }
  flush();
  return out;
}
