/**
 * A tolerant index of a Helm template (or values.yaml): which line holds which key path.
 * Templates are not valid YAML, so this reads them line by line: `{{ }}` actions are blanked,
 * block keys are tracked by indentation, list items by their `- ` markers. It is a map from
 * key paths to lines, built once per file, and never a YAML parse.
 */

/** One key found in the template. */
export interface TemplateKey {
  /** Key path from the document root; list items appear as their index among siblings. */
  readonly path: readonly (string | number)[];
  /** 1-based line and column of the key. */
  readonly line: number;
  readonly column: number;
  /** The raw line text. */
  readonly text: string;
  /** The document (0-based) the key is in: templates may hold several `---` documents. */
  readonly doc: number;
}

interface Frame {
  readonly indent: number;
  readonly path: readonly (string | number)[];
  /** Number of `- ` items seen directly under this key. */
  items: number;
}

const ACTION = /\{\{-?[\s\S]*?-?\}\}/g;
const KEY = /^(\s*)((?:-\s+)*)(["']?)([^\s"':#{}[\],&*!|>][^"':#{}]*?)\3\s*:(?:\s|$)/;

/** Blanks `{{ … }}` actions so the YAML-ish structure stays at the same columns. */
export function blankActions(line: string): string {
  return line.replace(ACTION, (m) => ' '.repeat(m.length));
}

/** Indexes the keys of a template or values file. */
export function indexTemplate(text: string): TemplateKey[] {
  const keys: TemplateKey[] = [];
  let stack: Frame[] = [{ indent: -1, path: [], items: 0 }];
  let doc = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (/^---(\s|$)/.test(raw)) {
      doc++;
      stack = [{ indent: -1, path: [], items: 0 }];
      continue;
    }
    const line = blankActions(raw);
    if (/^\s*(#|$)/.test(line)) continue;
    let indent = /^\s*/.exec(line)?.[0].length ?? 0;
    let rest = line.slice(indent);
    // List item markers open a new element under the enclosing key.
    while (rest.startsWith('- ') || rest === '-') {
      while (stack.length > 1 && (stack[stack.length - 1] as Frame).indent >= indent) stack.pop();
      const parent = stack[stack.length - 1] as Frame;
      const index = parent.items++;
      const markerWidth = /^-\s*/.exec(rest)?.[0].length ?? 2;
      const itemPath = [...parent.path, index];
      keys.push({ path: itemPath, line: i + 1, column: indent + 1, text: raw, doc });
      stack.push({ indent, path: itemPath, items: 0 });
      indent += markerWidth;
      rest = rest.slice(markerWidth);
      // The item's own content sits one column deeper than the marker.
      stack[stack.length - 1] = { ...(stack[stack.length - 1] as Frame), indent: indent - 1 };
    }
    const m = KEY.exec(' '.repeat(indent) + rest);
    if (!m) continue;
    const key = (m[4] as string).trim();
    while (stack.length > 1 && (stack[stack.length - 1] as Frame).indent >= indent) stack.pop();
    const parent = stack[stack.length - 1] as Frame;
    const path = [...parent.path, key];
    keys.push({ path, line: i + 1, column: indent + 1, text: raw, doc });
    stack.push({ indent, path, items: 0 });
  }
  return keys;
}

/**
 * The template key that best matches `path`: the deepest key whose path is a prefix of it
 * (list indexes must match, unless the template has fewer items — a `range` loop — in which
 * case any index matches). Ties go to the earliest line.
 */
export function bestKey(keys: readonly TemplateKey[], path: readonly (string | number)[]): { key: TemplateKey; depth: number } | undefined {
  let best: { key: TemplateKey; depth: number; exact: boolean } | undefined;
  for (const key of keys) {
    if (key.path.length > path.length) continue;
    let exact = true;
    let ok = true;
    for (let i = 0; i < key.path.length; i++) {
      const a = key.path[i];
      const b = path[i];
      if (a === b) continue;
      if (typeof a === 'number' && typeof b === 'number') { exact = false; continue; }
      ok = false;
      break;
    }
    if (!ok) continue;
    const depth = key.path.length;
    if (!best || depth > best.depth || (depth === best.depth && exact && !best.exact)) best = { key, depth, exact };
  }
  return best && { key: best.key, depth: best.depth };
}

/** `.Values.a.b` referenced on a template line (by `{{ .Values.a.b }}` or `toYaml .Values.a.b`). */
export function valuesRef(line: string): string | undefined {
  return /\.Values\.([A-Za-z0-9_][\w.-]*)/.exec(line)?.[1];
}
