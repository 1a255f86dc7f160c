/**
 * Lints an in-memory set of files as one project (pre-pass, file pass, project pass), for
 * cross-document rules: the files are written to a fresh temp directory and linted with the
 * strict preset, as the CLI would lint that directory.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ConfigFile } from '../../src/engine/config-file.js';
import { lint } from '../../src/engine/run.js';
import type { Finding } from '../../src/engine/types.js';
import { registry } from './registry-config.js';

export { yaml } from './rule-tester.js';

/** Every finding of linting `files` (relative path → text) together, sorted by file and position. */
export async function lintProject(files: Readonly<Record<string, string>>, rules?: ConfigFile['rules']): Promise<Finding[]> {
  const dir = mkdtempSync(join(tmpdir(), 'okelint-project-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const out = await lint({
      inputs: ['.'], cwd: dir, registry, overrides: {}, today: '2026-11-23',
      configFile: { path: join(dir, '.okelint.yaml'), preset: 'strict', ...(rules && { rules }) },
    });
    return out.findings;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The findings of one rule as `[file, line, column, messageId, level]`. */
export async function positions(ruleId: string, files: Readonly<Record<string, string>>): Promise<[string, number, number, string, string][]> {
  return (await lintProject(files)).filter((f) => f.ruleId === ruleId).map((f) => [f.file, f.start.line, f.start.column, f.messageId, f.level]);
}

/** The messages of one rule's findings. */
export async function messages(ruleId: string, files: Readonly<Record<string, string>>): Promise<string[]> {
  return (await lintProject(files)).filter((f) => f.ruleId === ruleId).map((f) => f.message);
}

/** One `rules[]` entry, lists written as flow sequences. */
export interface RbacRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  readonly resourceNames?: readonly string[];
}

const flow = (xs: readonly string[]): string => `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;

/**
 * A Role (with a namespace) or ClusterRole (with a labels line instead) in a fixed layout:
 * line 4 the name, line 6 `rules:`, the first entry's apiGroups on line 7, resources on line 8
 * (first item at column 17), verbs on line 9 (first item at column 13), then resourceNames if
 * given; each entry takes 3 lines (4 with resourceNames).
 */
export function rbacRole(kind: 'Role' | 'ClusterRole', name: string, namespace: string | undefined, rules: readonly RbacRule[], labels: Readonly<Record<string, string>> = {}): string {
  const meta = kind === 'Role' ? `  namespace: ${namespace ?? 'default'}` : `  labels: ${JSON.stringify(labels)}`;
  const entries = rules.map((r) => [
    `  - apiGroups: ${flow(r.apiGroups)}`, `    resources: ${flow(r.resources)}`, `    verbs: ${flow(r.verbs)}`,
    ...(r.resourceNames ? [`    resourceNames: ${flow(r.resourceNames)}`] : []),
  ].join('\n'));
  return ['apiVersion: rbac.authorization.k8s.io/v1', `kind: ${kind}`, 'metadata:', `  name: ${name}`, meta, 'rules:', ...entries, ''].join('\n');
}

/**
 * A RoleBinding (with a namespace) or ClusterRoleBinding in a fixed layout: line 9 the roleRef
 * name (value at column 9), line 10 `subjects:`, then each subject as `- kind:` and `name:` (value
 * at column 11) lines, plus a `namespace:` line when given.
 */
export function rbacBinding(kind: 'RoleBinding' | 'ClusterRoleBinding', name: string, namespace: string | undefined, roleRef: readonly [string, string], subjects: readonly (readonly [string, string, string?])[]): string {
  const meta = kind === 'RoleBinding' ? `  namespace: ${namespace ?? 'default'}` : '  labels: {}';
  const subs = subjects.map(([k, n, ns]) => [`  - kind: ${k}`, `    name: ${JSON.stringify(n)}`, ...(ns ? [`    namespace: ${ns}`] : [])].join('\n'));
  return [
    'apiVersion: rbac.authorization.k8s.io/v1', `kind: ${kind}`, 'metadata:', `  name: ${name}`, meta,
    'roleRef:', '  apiGroup: rbac.authorization.k8s.io', `  kind: ${roleRef[0]}`, `  name: ${JSON.stringify(roleRef[1])}`, 'subjects:', ...subs, '',
  ].join('\n');
}
