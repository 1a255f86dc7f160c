/**
 * Reads the Go template actions (`{{ … }}`) of a Helm template line by line: where each action
 * is, what kind it is (control, assignment, output), which `.Values` references, variables and
 * helper calls it holds, and how far `indent N` / `nindent N` pushes its output. This is a
 * reader for mapping findings back to templates, not a template engine: it never evaluates.
 */

/** One `{{ … }}` action. `line` is 0-based, columns are 0-based offsets in that line. */
export interface Action {
  readonly line: number;
  readonly start: number;
  /** Offset just past `}}` in the line where the action ends (which may be a later line). */
  readonly end: number;
  readonly endLine: number;
  /** The text between the delimiters and their trim markers, trimmed. */
  readonly body: string;
}

/** A template line: its text with every action blanked to `ACTION_MARK`s, and the actions starting on it. */
export interface TemplateLine {
  readonly raw: string;
  /** `raw` with action characters replaced by `ACTION_MARK` (same length); lines inside a multi-line action are all marks. */
  readonly literal: string;
  readonly actions: readonly Action[];
}

/** Stands for action text in `TemplateLine.literal`; it cannot occur in YAML keys we read. */
export const ACTION_MARK = '\u0001';

/** Splits a template into lines with their actions. Never throws: an unclosed action runs to the end. */
export function templateLines(text: string): TemplateLine[] {
  const raws = text.split(/\r?\n/);
  const literal = raws.map((r) => r.split(''));
  const actions: Action[][] = raws.map(() => []);
  let line = 0;
  let col = 0;
  const mark = (l: number, c: number): void => { (literal[l] as string[])[c] = ACTION_MARK; };
  while (line < raws.length) {
    const open = (raws[line] as string).indexOf('{{', col);
    if (open < 0) { line++; col = 0; continue; }
    const startLine = line;
    const body: string[] = [];
    mark(line, open); mark(line, open + 1);
    col = open + 2;
    let quote: string | undefined;
    let closed = false;
    while (line < raws.length) {
      const cur = raws[line] as string;
      if (col >= cur.length) { line++; col = 0; body.push('\n'); continue; }
      const ch = cur[col] as string;
      if (quote !== undefined) {
        if (ch === '\\' && quote === '"' && col + 1 < cur.length) { mark(line, col); body.push(ch); col++; }
        else if (ch === quote) quote = undefined;
      } else if (ch === '"' || ch === '`') {
        quote = ch;
      } else if (ch === '}' && cur[col + 1] === '}') {
        mark(line, col); mark(line, col + 1);
        col += 2;
        closed = true;
        break;
      }
      mark(line, col);
      body.push(cur[col] as string);
      col++;
    }
    const endLine = closed ? line : raws.length - 1;
    (actions[startLine] as Action[]).push({ line: startLine, start: open, end: closed ? col : (raws[endLine] ?? '').length, endLine, body: trimMarkers(body.join('')) });
    if (!closed) break;
  }
  return raws.map((raw, i) => ({ raw, literal: (literal[i] as string[]).join(''), actions: actions[i] as Action[] }));
}

function trimMarkers(body: string): string {
  return body.replace(/^-(?=\s)/, '').replace(/(?<=\s)-$/, '').trim();
}

/** What an action does to the template's structure. */
export type ActionKind =
  | { readonly kind: 'comment' }
  | { readonly kind: 'if' | 'with' | 'range' | 'elseIf' | 'elseWith'; readonly expr: string; readonly vars: readonly string[] }
  | { readonly kind: 'else' | 'end' }
  | { readonly kind: 'define'; readonly name: string }
  | { readonly kind: 'block'; readonly name: string; readonly expr: string }
  | { readonly kind: 'assign'; readonly name: string; readonly expr: string }
  | { readonly kind: 'output'; readonly expr: string };

/** Classifies an action by its first word. */
export function classify(body: string): ActionKind {
  if (body.startsWith('/*')) return { kind: 'comment' };
  const word = /^[a-z]+/.exec(body)?.[0];
  const rest = body.slice(word?.length ?? 0).trim();
  switch (word) {
    case 'if': case 'with': return { kind: word, expr: rest, vars: [] };
    case 'range': {
      const m = /^((?:\$\w*\s*,\s*)?\$\w*)\s*:?=\s*([\s\S]*)$/.exec(rest);
      return m ? { kind: 'range', expr: (m[2] as string).trim(), vars: (m[1] as string).split(',').map((v) => v.trim()) } : { kind: 'range', expr: rest, vars: [] };
    }
    case 'else': {
      const inner = /^(if|with)\b([\s\S]*)$/.exec(rest);
      if (!inner) return { kind: 'else' };
      return { kind: inner[1] === 'if' ? 'elseIf' : 'elseWith', expr: (inner[2] as string).trim(), vars: [] };
    }
    case 'end': return { kind: 'end' };
    case 'define': return { kind: 'define', name: /^"([^"]*)"/.exec(rest)?.[1] ?? '' };
    case 'block': {
      const m = /^"([^"]*)"\s*([\s\S]*)$/.exec(rest);
      return { kind: 'block', name: m?.[1] ?? '', expr: m?.[2] ?? '.' };
    }
    default: {
      const assign = /^(\$\w+)\s*:?=\s*([\s\S]*)$/.exec(body);
      if (assign) return { kind: 'assign', name: assign[1] as string, expr: (assign[2] as string).trim() };
      return { kind: 'output', expr: body };
    }
  }
}

/** A field chain as written: `$var.a.b`, `.a.b`, `$` or `.` (`fields` empty). */
export interface FieldRef {
  /** `$name`, `$`, or undefined for the dot. */
  readonly variable?: string;
  readonly fields: readonly string[];
}

const REF = /(\$\w*)?((?:\.[A-Za-z_]\w*)+)|(\$\w*)(?![\w.])|(?<![\w)\]."'])\.(?![\w.])/g;

/** Every field chain in an expression, left to right, outside string literals. */
export function fieldRefs(expr: string): FieldRef[] {
  const out: FieldRef[] = [];
  const text = expr.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, (m) => ' '.repeat(m.length));
  for (const m of text.matchAll(REF)) {
    if (m[2] !== undefined) out.push({ ...(m[1] !== undefined && { variable: m[1] }), fields: m[2].slice(1).split('.') });
    else if (m[3] !== undefined) out.push({ variable: m[3], fields: [] });
    else out.push({ fields: [] });
  }
  return out;
}

/** A helper call: `include "name" ARG`, `template "name" ARG`. */
export interface HelperCall {
  readonly name: string;
  /** The argument as written (`.`, `$`, `.Values.x`), or undefined when it is not a plain reference. */
  readonly arg?: FieldRef;
}

/** The `include`/`template` calls of an expression. */
export function helperCalls(expr: string): HelperCall[] {
  const out: HelperCall[] = [];
  for (const m of expr.matchAll(/\b(?:include|template)\s+"([^"]+)"\s*(\(?\s*[^\s|)]*)/g)) {
    const argText = (m[2] ?? '').trim();
    const ref = argText.startsWith('(') ? undefined : fieldRefs(argText)[0];
    out.push({ name: m[1] as string, ...(ref && { arg: ref }) });
  }
  return out;
}

/** The expression with its helper calls (and their arguments) blanked, so their references are not read as values. */
export function withoutHelperCalls(expr: string): string {
  return expr.replace(/\b(?:include|template)\s+"[^"]+"\s*(\(?\s*[^\s|)]*)/g, (m) => ' '.repeat(m.length));
}

/** `indent N` / `nindent N` in a pipeline: the column its output starts at. */
export function indentOf(expr: string): number | undefined {
  const m = /\bn?indent\s+(\d+)/.exec(expr);
  return m ? Number(m[1]) : undefined;
}

/** Whether the output action emits a block of YAML (toYaml, include with indent, tpl) rather than a scalar. */
export function emitsBlock(expr: string): boolean {
  return /\b(toYaml|toYamlPretty|include|template|tpl)\b/.test(expr) && (indentOf(expr) !== undefined || /\btoYaml/.test(expr));
}

/**
 * A plain condition: `X` or `not X` where X is one field chain, so that it can be evaluated
 * against values. Anything else (`and`, `eq`, function calls) is undefined.
 */
export function plainCondition(expr: string): { readonly ref: FieldRef; readonly negate: boolean } | undefined {
  const m = /^(not\s+)?\(?\s*(\$\w*)?((?:\.[A-Za-z_]\w*)*)\s*\)?$/.exec(expr.trim());
  if (!m || (m[2] === undefined && (m[3] ?? '') === '' && expr.trim().replace(/^not\s+/, '') !== '.')) return undefined;
  const fields = (m[3] ?? '') === '' ? [] : (m[3] as string).slice(1).split('.');
  return { ref: { ...(m[2] !== undefined && { variable: m[2] }), fields }, negate: m[1] !== undefined };
}
