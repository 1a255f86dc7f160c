/**
 * `# okelint-disable-next-line <id>[,<id>] -- <reason>` and `# okelint-disable <id> -- <reason>`
 * (rest of the YAML document). Parsed once per file, only when the file mentions the marker.
 */
import type { Span } from './types.js';

export interface Directive {
  readonly scope: 'next-line' | 'rest';
  readonly ids: readonly { readonly id: string; readonly span: Span }[];
  readonly reason: string;
  /** Span of the whole comment. */
  readonly span: Span;
  /** For `next-line`: the offset range of the following line. For `rest`: comment to document end. */
  readonly applies: Span;
}

const MARKER = 'okelint-disable';
const DIRECTIVE = /#\s*okelint-disable(-next-line)?\b[ \t]*([^\n]*)/y;
const DOC_START = /^(?:---|\.\.\.)(?:[ \t]|$)/m;

/** Every suppression directive in `text`, in order. */
export function parseDirectives(text: string): Directive[] {
  if (!text.includes(MARKER)) return [];
  const out: Directive[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(MARKER, from);
    if (at < 0) break;
    from = at + MARKER.length;
    const hash = text.lastIndexOf('#', at);
    const lineStart = text.lastIndexOf('\n', at) + 1;
    if (hash < lineStart || text.slice(hash + 1, at).trim() !== '') continue;
    DIRECTIVE.lastIndex = hash;
    const m = DIRECTIVE.exec(text);
    if (!m) continue;
    // The directive ends at the line end or at a later ` #` comment.
    const body = (m[2] ?? '').replace(/\r$/, '').replace(/\s#.*$/, '');
    const bodyStart = hash + m[0].length - (m[2] ?? '').length;
    const end = hash + m[0].length;
    out.push(directive(text, m[1] ? 'next-line' : 'rest', body, bodyStart, { start: hash, end }));
  }
  return out;
}

function directive(text: string, scope: Directive['scope'], body: string, bodyStart: number, span: Span): Directive {
  const sep = body.search(/\s--(\s|$)/);
  const idsPart = sep >= 0 ? body.slice(0, sep) : body;
  const reason = sep >= 0 ? body.slice(sep).replace(/^\s--/, '').trim() : '';
  const ids: { id: string; span: Span }[] = [];
  const idRe = /[^\s,]+/g;
  for (let m = idRe.exec(idsPart); m; m = idRe.exec(idsPart)) {
    ids.push({ id: m[0], span: { start: bodyStart + m.index, end: bodyStart + m.index + m[0].length } });
  }
  const lineEnd = text.indexOf('\n', span.end);
  let applies: Span;
  if (scope === 'next-line') {
    const nextStart = lineEnd < 0 ? text.length : lineEnd + 1;
    const nextEnd = text.indexOf('\n', nextStart);
    applies = { start: nextStart, end: nextEnd < 0 ? text.length : nextEnd };
  } else {
    const rest = lineEnd < 0 ? '' : text.slice(lineEnd + 1);
    const m = DOC_START.exec(rest);
    applies = { start: span.start, end: m ? lineEnd + 1 + m.index : text.length };
  }
  return { scope, ids, reason, span, applies };
}
