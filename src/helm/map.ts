/**
 * Maps findings on `helm template` output back to the chart: the template file and line behind
 * the offending field, and the values.yaml key when the template takes the value from values.
 * The rendered-stream location is kept as a related location.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Finding, RelatedLocation } from '../engine/types.js';
import { bestKey, indexTemplate, valuesRef, type TemplateKey } from './template-index.js';

/** A chart directory and the name `helm template` prints for it in `# Source:` comments. */
export interface ChartRoot {
  readonly name: string;
  /** Absolute path of the directory holding Chart.yaml. */
  readonly dir: string;
}

export interface MapperOptions {
  readonly roots: readonly ChartRoot[];
  /** The roots were named by the user: a single one serves whatever chart name the output prints. */
  readonly explicit: boolean;
  readonly cwd: string;
  readonly repoRoot: string;
}

export class HelmMapper {
  private readonly indexes = new Map<string, TemplateKey[] | null>();

  constructor(private readonly opts: MapperOptions) {}

  /** `f` located in its template when the template can be found, else `f` unchanged. */
  map(f: Finding): Finding {
    if (!f.helmTemplate || !f.object) return f;
    const [chartName, ...rest] = f.helmTemplate.split('/');
    const root = this.opts.roots.find((r) => r.name === chartName) ?? (this.opts.explicit && this.opts.roots.length === 1 ? this.opts.roots[0] : undefined);
    if (!root || rest.length === 0) return f;
    const templatePath = join(root.dir, ...rest);
    const keys = this.index(templatePath);
    if (!keys) return f;
    const docKeys = keysOfKind(keys, f.object.kind);
    const best = bestKey(docKeys, f.path);
    const key = best?.key;
    const line = key?.line ?? 1;
    const column = key?.column ?? 1;
    const lineText = key?.text ?? '';
    const related: RelatedLocation[] = [{ file: f.file, uri: f.uri, start: f.start, end: f.end, message: 'Rendered by helm template' }];
    let message = f.message;
    const values = key && this.valuesLocation(root, key, f.path.slice(best.depth), keys);
    if (values) {
      related.push(values.location);
      message += ` (value from values.yaml: ${values.key})`;
    }
    return {
      ...f,
      message,
      file: this.display(templatePath),
      uri: this.uri(templatePath),
      lineText,
      start: { line, column },
      end: { line, column: Math.max(column + 1, lineText.length + 1) },
      related: [...related, ...(f.related ?? [])],
    };
  }

  private valuesLocation(root: ChartRoot, key: TemplateKey, restPath: readonly (string | number)[], keys: readonly TemplateKey[]):
    { key: string; location: RelatedLocation } | undefined {
    const next = keys.find((k) => k.line > key.line && k.doc === key.doc);
    // `key: {{ .Values.x }}` on the line, or `key:` then `{{- toYaml .Values.x | nindent N }}` below it.
    const ref = valuesRef(key.text) ?? (next && next.line === key.line + 1 ? undefined : this.lineAfter(key));
    if (!ref) return undefined;
    const full = [...ref.split('.'), ...restPath.filter((p): p is string => typeof p === 'string')];
    const valuesPath = join(root.dir, 'values.yaml');
    const valuesKeys = this.index(valuesPath);
    const found = valuesKeys && bestKey(valuesKeys, full);
    if (!found) return undefined;
    const shown = found.key.path.join('.');
    return {
      key: shown,
      location: {
        file: this.display(valuesPath), uri: this.uri(valuesPath),
        start: { line: found.key.line, column: found.key.column },
        end: { line: found.key.line, column: found.key.text.length + 1 },
        message: `Value from values.yaml: ${shown}`,
      },
    };
  }

  /** `.Values.x` on the line right after a key (`securityContext:` then `{{- toYaml .Values.x | nindent }}`). */
  private lineAfter(key: TemplateKey): string | undefined {
    const text = this.lines.get(key);
    return text === undefined ? undefined : valuesRef(text);
  }

  private readonly lines = new Map<TemplateKey, string>();

  private index(path: string): TemplateKey[] | null {
    let keys = this.indexes.get(path);
    if (keys === undefined) {
      let text: string | undefined;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        text = undefined;
      }
      keys = text === undefined ? null : indexTemplate(text);
      if (text !== undefined && keys) {
        const all = text.split(/\r?\n/);
        for (const k of keys) this.lines.set(k, all[k.line] ?? '');
      }
      this.indexes.set(path, keys);
    }
    return keys;
  }

  private display(abs: string): string {
    const rel = relative(this.opts.cwd, abs);
    return (rel.startsWith('..') ? abs : rel).split(sep).join('/');
  }

  private uri(abs: string): string {
    const rel = relative(this.opts.repoRoot, abs);
    return (rel.startsWith('..') ? abs : rel).split(sep).join('/');
  }
}

/** The keys of the template document that renders `kind` (all keys when the kind is templated). */
function keysOfKind(keys: readonly TemplateKey[], kind: string): readonly TemplateKey[] {
  const doc = keys.find((k) => k.path.length === 1 && k.path[0] === 'kind' && new RegExp(`:\\s*["']?${kind}["']?\\s*$`).test(k.text))?.doc;
  return doc === undefined ? keys : keys.filter((k) => k.doc === doc);
}
