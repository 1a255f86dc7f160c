/**
 * Lints a small multi-file project through the engine's full pipeline (pre-pass, per-file
 * rules, project pass), for rules that need the whole set: the files are written to a fresh
 * temporary directory and linted as one set with only the named rules (and the engine's own).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Preset } from '../../src/engine/config-types.js';
import { lint } from '../../src/engine/run.js';
import type { Finding } from '../../src/engine/types.js';
import { registry } from './registry-config.js';
import { yaml } from './rule-tester.js';

export interface ProjectLintOptions {
  /** Rule ids to enable (default: every rule). */
  readonly rules?: readonly string[];
  readonly preset?: Preset;
  /** Per-rule options. */
  readonly options?: Readonly<Record<string, Record<string, unknown>>>;
}

/** Lints `files` (relative path → text) as one project; returns the findings of the enabled rules. */
export async function projectLint(files: Readonly<Record<string, string>>, opts: ProjectLintOptions = {}): Promise<Finding[]> {
  const dir = mkdtempSync(join(tmpdir(), 'okelint-project-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return lintPaths(Object.keys(files).sort(), dir, opts);
}

/** Lints existing `paths` (relative to `cwd`) as one project. */
export async function lintPaths(paths: readonly string[], cwd: string, opts: ProjectLintOptions = {}): Promise<Finding[]> {
  const ids = opts.rules ? new Set(opts.rules) : undefined;
  const rules = ids ? registry.filter((r) => ids.has(r.meta.id) || r.meta.appliesTo.includes('engine')) : registry;
  const settings: Record<string, { options: Record<string, unknown> }> = {};
  for (const [id, options] of Object.entries(opts.options ?? {})) settings[id] = { options };
  const out = await lint({
    inputs: paths, cwd, registry: rules, overrides: {}, today: '2026-11-23',
    configFile: { path: join(cwd, '.virtual-okelint.yaml'), preset: opts.preset ?? 'strict', rules: settings },
  });
  return out.findings.filter((f) => !ids || ids.has(f.ruleId));
}

/** `file:line:column messageId` for compact assertions. */
export function at(f: Finding): string {
  return `${f.file}:${f.start.line}:${f.start.column} ${f.messageId}`;
}

// Builders for namespace-wide cases.

/** A Namespace object. */
export const namespace = (name: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

/** A Deployment (in `ns` when given) whose pods carry `labels`. */
export const deployment = (name: string, ns?: string, labels = `{ app: ${name} }`): string => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ${name}${ns === undefined ? '' : `\n    namespace: ${ns}`}
  spec:
    selector:
      matchLabels: ${labels}
    template:
      metadata:
        labels: ${labels}
      spec:
        containers:
          - name: app
            image: registry.example.com/${name}:1.0
`;

/** A NetworkPolicy in `ns` with `spec` (YAML, unindented). */
export const policy = (name: string, ns: string, spec: string): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n${spec.replace(/^/gm, '  ')}\n`;

/**
 * Findings of rule `id` for each example of its docs body (`rules/<layer>/<id>.md`), linted alone
 * through the full pipeline with the strict preset, as the docs harness does for per-object rules.
 */
export async function docsExampleCounts(layer: string, id: string): Promise<{ incorrect: number[]; correct: number[] }> {
  const md = readFileSync(new URL(`../../rules/${layer}/${id}.md`, import.meta.url), 'utf8');
  const blocks = (title: string): string[] => {
    const start = md.search(new RegExp(`^## ${title}\\s*$`, 'm'));
    if (start < 0) return [];
    const rest = md.slice(start).split('\n').slice(1).join('\n');
    const end = rest.search(/^## /m);
    return [...(end < 0 ? rest : rest.slice(0, end)).matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  };
  const count = async (code: string): Promise<number> => (await projectLint({ 'doc.yaml': code }, { rules: [id] })).filter((f) => !f.suppression).length;
  return {
    incorrect: await Promise.all(blocks('Incorrect').map(count)),
    correct: await Promise.all(blocks('Correct').map(count)),
  };
}
