/**
 * HelmMapper on hand-made charts: aliased subcharts and their parent's values, CRDs in both
 * `# Source:` spellings, several documents of one kind, object-level findings, and
 * `# okelint-disable-next-line` comments in templates.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { HelmMapper } from '../../src/helm/map.js';
import { templateDirective } from '../../src/helm/template-suppress.js';
import { tempDir } from '../helpers/cli.js';

const FILES: Record<string, string> = {
  'app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: cache-chart\n    alias: cache\n    version: 0.1.0\n',
  'app/values.yaml': 'cache:\n  image:\n    tag: "7.4"\nrbac:\n  admin: true\n',
  'app/crds/widgets.yaml': 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n',
  'app/templates/bindings.yaml': [
    '# Two bindings of one kind: told apart by name.',
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: ClusterRoleBinding',
    'metadata:',
    '  name: {{ .Release.Name }}-view',
    'roleRef:',
    '  name: view',
    '{{- if .Values.rbac.admin }}',
    '---',
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: ClusterRoleBinding',
    'metadata:',
    '  name: {{ .Release.Name }}-admin',
    'roleRef:',
    '  # okelint-disable-next-line rule-a -- reviewed in SEC-9',
    '  {{- /* a comment action */}}',
    '  name: cluster-admin',
    '  # okelint-disable-next-line rule-b',
    '  kind: ClusterRole',
    '{{- end }}',
  ].join('\n'),
  'bad/Chart.yaml': 'name: bad\n',
  'bad/values.yaml': 'image: [unclosed\n  tag: {{\n',
  'bad/templates/pod.yaml': 'kind: Pod\n{{- end }}\n{{- else }}\nspec:\n\t- weird\n  containers:\n  - image: {{ .Values.image.tag }}\n    args: {{ if .Values\n',
  'app/charts/cache-dir/Chart.yaml': 'apiVersion: v2\nname: cache-chart\nversion: 0.1.0\n',
  'app/charts/cache-dir/values.yaml': 'image:\n  repository: docker.io/library/redis\n  tag: "7.2"\n',
  'app/charts/cache-dir/templates/sts.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  template:\n    spec:\n      containers:\n        - name: redis\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n',
};

function chartDir(): string {
  const dir = tempDir('okelint-helm-map-');
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function finding(helmTemplate: string, kind: string, name: string, path: (string | number)[], ruleId = 'rule-a'): Finding {
  return {
    ruleId, messageId: 'm', level: 'warning', layer: 'workload', message: 'Problem.',
    file: 'out.yaml', uri: 'out.yaml', lineText: '', span: { start: 0, end: 1 },
    start: { line: 7, column: 3 }, end: { line: 7, column: 9 }, path, object: { kind, name }, helmTemplate, fingerprint: 'x',
  };
}

const brief = (f: Finding) => [f.file, f.start.line, f.start.column, ...(f.related ?? []).map((r) => `${r.file}:${r.start.line}:${r.start.column} ${r.message}`)];

describe('HelmMapper', () => {
  const dir = chartDir();
  const mapper = new HelmMapper({ roots: [{ name: 'app', dir: join(dir, 'app') }, { name: 'bad', dir: join(dir, 'bad') }], explicit: false, cwd: dir, repoRoot: dir });

  it('finds an aliased subchart and takes the parent’s override of its values', () => {
    const f = mapper.map(finding('app/charts/cache/templates/sts.yaml', 'StatefulSet', 'x-cache', ['spec', 'template', 'spec', 'containers', 0, 'image']));
    expect(brief(f)).toEqual([
      'app/charts/cache-dir/templates/sts.yaml', 8, 11,
      'out.yaml:7:3 Rendered by helm template',
      'app/charts/cache-dir/values.yaml:2:3 Value from charts/cache-dir/values.yaml: image.repository',
      'app/values.yaml:3:5 Value from values.yaml: cache.image.tag',
    ]);
    expect(f.message).toBe('Problem. (value from charts/cache-dir/values.yaml: image.repository; values.yaml: cache.image.tag)');
  });

  it('maps CRDs printed with the chart name and, as some Helm 3 versions did, without it', () => {
    for (const source of ['app/crds/widgets.yaml', 'crds/widgets.yaml']) {
      expect(brief(mapper.map(finding(source, 'CustomResourceDefinition', 'widgets.example.com', ['spec', 'group'])))
        .slice(0, 3)).toEqual(['app/crds/widgets.yaml', 6, 3]);
    }
  });

  it('tells documents of one kind apart by their name, and names the values that switch a document on', () => {
    const admin = mapper.map(finding('app/templates/bindings.yaml', 'ClusterRoleBinding', 'rel-admin', ['roleRef', 'kind'], 'rule-c'));
    expect(brief(admin)).toEqual(['app/templates/bindings.yaml', 19, 3, 'out.yaml:7:3 Rendered by helm template', 'app/values.yaml:5:3 Enabled by values.yaml: rbac.admin']);
    expect(admin.message).toBe('Problem. (enabled by values.yaml: rbac.admin)');
    const view = mapper.map(finding('app/templates/bindings.yaml', 'ClusterRoleBinding', 'rel-view', ['roleRef', 'name']));
    expect(brief(view).slice(0, 3)).toEqual(['app/templates/bindings.yaml', 7, 3]);
  });

  it('points an object-level finding at the document’s kind line, not at line 1', () => {
    expect(brief(mapper.map(finding('app/templates/bindings.yaml', 'ClusterRoleBinding', 'rel-view', []))).slice(0, 3))
      .toEqual(['app/templates/bindings.yaml', 3, 1]);
  });

  it('honours a valid okelint-disable-next-line comment above the template line, across action-only lines', () => {
    const a = mapper.map(finding('app/templates/bindings.yaml', 'ClusterRoleBinding', 'rel-admin', ['roleRef', 'name'], 'rule-a'));
    expect([a.start.line, a.suppression]).toEqual([17, { kind: 'comment', justification: 'reviewed in SEC-9' }]);
    // Another rule, or a directive without a reason, does not suppress.
    expect(mapper.map(finding('app/templates/bindings.yaml', 'ClusterRoleBinding', 'rel-admin', ['roleRef', 'name'], 'rule-z')).suppression).toBeUndefined();
    expect(mapper.map(finding('app/templates/bindings.yaml', 'ClusterRoleBinding', 'rel-admin', ['roleRef', 'kind'], 'rule-b')).suppression).toBeUndefined();
  });

  it('reads broken templates and values without failing: stray ends, tabs, an unclosed action, invalid YAML', () => {
    const f = mapper.map(finding('bad/templates/pod.yaml', 'Pod', 'p', ['spec', 'containers', 0, 'image']));
    expect(brief(f)).toEqual(['bad/templates/pod.yaml', 7, 5, 'out.yaml:7:3 Rendered by helm template']);
    expect(f.message).toBe('Problem.');
  });

  it('leaves findings alone when the chart or the template is not there', () => {
    const other = finding('other/templates/x.yaml', 'Pod', 'p', ['spec']);
    expect(mapper.map(other)).toBe(other);
    const missing = finding('app/templates/gone.yaml', 'Pod', 'p', ['spec']);
    expect(mapper.map(missing)).toBe(missing);
    // A single chart named by the user serves whatever name the output prints.
    const explicit = new HelmMapper({ roots: [{ name: 'app', dir: join(dir, 'app') }], explicit: true, cwd: dir, repoRoot: dir });
    expect(explicit.map(finding('release-x/crds/widgets.yaml', 'CustomResourceDefinition', 'w', ['spec'])).file).toBe('app/crds/widgets.yaml');
  });
});

describe('templateDirective', () => {
  const lines = ['a:', '  # okelint-disable-next-line r1,r2 -- why', '  {{- if .Values.x }}', '  b: 1', '', '  c: 2'];
  it('finds the directive above a line, skipping action-only lines, and stops at anything else', () => {
    expect(templateDirective(lines, 4, 'r2')).toBe('why');
    expect(templateDirective(lines, 4, 'r3')).toBeUndefined();
    expect(templateDirective(lines, 6, 'r1')).toBeUndefined();
    expect(templateDirective(lines, 1, 'r1')).toBeUndefined();
  });
});
