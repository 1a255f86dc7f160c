import { describe, expect, it } from 'vitest';
import { ACTION_MARK, classify, fieldRefs, plainCondition, templateLines } from '../src/helm/actions.js';
import { bestKey, indexTemplate, plainPath, type Binding, type TemplateKey } from '../src/helm/template-index.js';

const TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "dash.fullname" . }}
  labels:
    {{- include "dash.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  template:
    spec:
      {{- with .Values.podSecurityContext }}
      securityContext:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          args:
            - --enable-skip-login
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
        - name: sidecar
          image: busybox
`;

/** A binding as a short string: `values:a.b`, `param:Values.x`, `root`, `unknown`. */
function show(b: Binding): string {
  if (b.kind === 'values') return `values:${b.path.map((s) => (typeof s === 'string' ? s : '[elem]')).join('.')}`;
  if (b.kind === 'param') return `param:${b.fields.join('.')}`;
  return b.kind;
}

const lineOf = (keys: readonly TemplateKey[], path: (string | number)[]) => bestKey(keys, path)?.key.line;

describe('helm template index', () => {
  const { keys } = indexTemplate(TEMPLATE);

  it('finds keys by path through actions and list items', () => {
    expect(lineOf(keys, ['spec', 'template', 'spec', 'containers', 0, 'image'])).toBe(17);
    expect(lineOf(keys, ['spec', 'template', 'spec', 'containers', 1, 'image'])).toBe(23);
    expect(lineOf(keys, ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'])).toBe(20);
    expect(lineOf(keys, ['spec', 'template', 'spec', 'securityContext', 'runAsNonRoot'])).toBe(12);
    expect(lineOf(keys, ['spec', 'replicas'])).toBe(8);
    expect(lineOf(keys, ['metadata', 'labels', 'app'])).toBe(5);
  });

  it('falls back to the nearest ancestor key', () => {
    const best = bestKey(keys, ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits']);
    expect(best && plainPath(best.key.segs)).toEqual(['spec', 'template', 'spec', 'containers', 0]);
    expect(best?.key.line).toBe(16);
    expect(best?.key.column).toBe(9);
  });

  it('records the values each key reads and the blocks emitted under it', () => {
    const at = (line: number) => keys.find((k) => k.line === line && k.segs.length > 0 && !('index' in (k.segs[k.segs.length - 1] ?? {}))) as TemplateKey;
    expect(at(17).refs.map(show)).toEqual(['values:image.repository', 'values:image.tag']);
    expect(at(8).refs.map(show)).toEqual(['values:replicaCount']);
    expect(at(4).calls.map((c) => `${c.name}(${show(c.arg)})`)).toEqual(['dash.fullname(root)']);
    expect(at(20).emits.map((e) => [e.line, e.refs.map(show)])).toEqual([[21, ['values:securityContext']]]);
    // `toYaml .` inside `with .Values.podSecurityContext`.
    expect(at(12).emits.map((e) => e.refs.map(show))).toEqual([['values:podSecurityContext']]);
    expect(at(5).emits.map((e) => e.calls.map((c) => c.name))).toEqual([['dash.labels']]);
    const gate = at(12).gate;
    expect(gate && show(gate)).toBe('values:podSecurityContext');
  });

  it('reads a sequence at its key’s own indentation (the Dashboard chart’s style)', () => {
    const idx = indexTemplate(`spec:
  containers:
  - name: a
    image: x
    ports:
    - containerPort: 1
    - containerPort: 2
  - name: b
    image: y
  volumes:
  - name: v
`);
    expect(lineOf(idx.keys, ['spec', 'containers', 1, 'image'])).toBe(9);
    expect(lineOf(idx.keys, ['spec', 'containers', 0, 'ports', 1, 'containerPort'])).toBe(7);
    expect(lineOf(idx.keys, ['spec', 'volumes', 0, 'name'])).toBe(11);
  });

  it('gives if/else branches the same item index and prefers the branch the values make true', () => {
    const text = `ports:
{{- if .Values.protocolHttp }}
- name: http
  containerPort: 9090
{{- else }}
- name: https
  containerPort: 8443
{{- end }}
- name: metrics
  containerPort: 9000
`;
    const truthy = (b: Binding) => (b.kind === 'values' && b.path.join('.') === 'protocolHttp' ? false : undefined);
    const live = indexTemplate(text, { truthy });
    expect(lineOf(live.keys, ['ports', 0, 'containerPort'])).toBe(7);
    expect(lineOf(live.keys, ['ports', 1, 'containerPort'])).toBe(10);
    expect(live.keys.find((k) => k.line === 4)?.dead).toBe(true);
    expect(live.keys.find((k) => k.line === 7)?.dead).toBe(false);
    // Without values, the first branch wins the tie.
    expect(lineOf(indexTemplate(text).keys, ['ports', 0, 'containerPort'])).toBe(4);
  });

  it('lets a range item stand for every rendered item and binds its element', () => {
    const idx = indexTemplate(`env:
  - name: FIXED
    value: "1"
  {{- range $name, $value := .Values.env }}
  - name: {{ $name }}
    value: {{ $value | quote }}
  {{- end }}
`);
    expect(lineOf(idx.keys, ['env', 0, 'value'])).toBe(3);
    expect(lineOf(idx.keys, ['env', 1, 'value'])).toBe(6);
    expect(lineOf(idx.keys, ['env', 7, 'value'])).toBe(6);
    const value = idx.keys.find((k) => k.line === 6) as TemplateKey;
    expect(value.refs.map(show)).toEqual(['values:env.[elem]']);
    const ref = value.refs[0] as Binding & { kind: 'values' };
    const element = ref.path[1] as { element: { base: number; depth?: number } };
    // The element is at position 1 of the object path (env[i]), after 1 literal item.
    expect([element.element.depth, element.element.base]).toEqual([1, 1]);
  });

  it('reads templated keys as any key, and their range element by name', () => {
    const idx = indexTemplate(`data:
  {{- range $key, $value := .Values.config }}
  {{ $key }}: {{ $value | quote }}
  {{- end }}
  fixed: "1"
`);
    expect(lineOf(idx.keys, ['data', 'SMTP_PASSWORD'])).toBe(3);
    expect(lineOf(idx.keys, ['data', 'fixed'])).toBe(5);
    expect(plainPath((idx.keys.find((k) => k.line === 3) as TemplateKey).segs)).toEqual(['data', '*']);
  });

  it('attaches toYaml output to the key its indent puts it under, counting the literal items before it', () => {
    const idx = indexTemplate(`        args:
          - --namespace={{ .Release.Namespace }}
{{- if not .Values.protocolHttp }}
          - --auto-generate-certificates
{{- end }}
{{- if .Values.extraArgs }}
{{ toYaml .Values.extraArgs | indent 10 }}
{{- end }}
        ports:
        - containerPort: 8443
`);
    const args = idx.keys.find((k) => k.line === 1) as TemplateKey;
    expect(args.emits.map((e) => [e.line, e.base, e.refs.map(show)])).toEqual([[7, 2, ['values:extraArgs']]]);
    expect(lineOf(idx.keys, ['args', 3])).toBe(1);
    expect(lineOf(idx.keys, ['ports', 0, 'containerPort'])).toBe(10);
  });

  it('keeps define bodies out of the output, with their keys and outputs by helper name', () => {
    const idx = indexTemplate(`{{/*
Container securityContext. {{ not an action }}
*/}}
{{- define "shop.securityContext" -}}
securityContext:
  readOnlyRootFilesystem: {{ .Values.readOnlyRootFilesystem }}
{{- end }}

{{- define "shop.image" -}}
{{- with .Values.image -}}
{{ .registry }}/{{ .repository }}:{{ .tag | default $.Chart.AppVersion }}
{{- end -}}
{{- end }}
`);
    expect(idx.keys.filter((k) => k.define === undefined)).toEqual([]);
    const ro = idx.keys.find((k) => k.define === 'shop.securityContext' && k.line === 6) as TemplateKey;
    expect(plainPath(ro.segs)).toEqual(['securityContext', 'readOnlyRootFilesystem']);
    expect(ro.refs.map(show)).toEqual(['param:Values.readOnlyRootFilesystem']);
    // One output per action; `$` inside a define is its argument too.
    expect(idx.defines.get('shop.image')?.outputs.map((o) => [o.line, o.refs.map(show)])).toEqual([
      [11, ['param:Values.image.registry']], [11, ['param:Values.image.repository']], [11, ['param:Values.image.tag', 'param:Chart.AppVersion']],
    ]);
  });

  it('counts documents across `---` and keeps control blocks that span them', () => {
    const idx = indexTemplate(`kind: A
{{- if .Values.b }}
---
kind: B
metadata:
  name: x
{{- end }}
`);
    expect(idx.keys.map((k) => [k.line, k.doc, k.gate && show(k.gate)])).toEqual([[1, 0, undefined], [4, 1, 'values:b'], [5, 1, 'values:b'], [6, 1, 'values:b']]);
  });
});

describe('helm template actions', () => {
  it('masks actions, including multi-line ones and braces inside strings', () => {
    const lines = templateLines('a: {{ printf "}}" .x }}\n{{/*\nnote\n*/}}\nb: 1');
    expect(lines.map((l) => l.literal.replaceAll(ACTION_MARK, '~'))).toEqual(['a: ~~~~~~~~~~~~~~~~~~~~', '~~~~', '~~~~', '~~~~', 'b: 1']);
    expect(lines[0]?.actions.map((a) => a.body)).toEqual(['printf "}}" .x']);
    expect(lines[1]?.actions.map((a) => classify(a.body).kind)).toEqual(['comment']);
  });

  it('reads field chains, conditions and range variables', () => {
    expect(fieldRefs('default "x" .Values.a.b | quote')).toEqual([{ fields: ['Values', 'a', 'b'] }]);
    expect(fieldRefs('toYaml . | nindent 4')).toEqual([{ fields: [] }]);
    expect(fieldRefs('$v.name')).toEqual([{ variable: '$v', fields: ['name'] }]);
    expect(fieldRefs('$.Values.x')).toEqual([{ variable: '$', fields: ['Values', 'x'] }]);
    expect(plainCondition('not .Values.protocolHttp')).toEqual({ ref: { fields: ['Values', 'protocolHttp'] }, negate: true });
    expect(plainCondition('and .Values.a .Values.b')).toBeUndefined();
    expect(classify('range $key, $value := .Values.config')).toEqual({ kind: 'range', expr: '.Values.config', vars: ['$key', '$value'] });
    expect(classify('else if .Values.x')).toEqual({ kind: 'elseIf', expr: '.Values.x', vars: [] });
  });
});
