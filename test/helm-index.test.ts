import { describe, expect, it } from 'vitest';
import { bestKey, indexTemplate, valuesRef } from '../src/helm/template-index.js';

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

describe('helm template index', () => {
  const keys = indexTemplate(TEMPLATE);

  it('finds keys by path through actions and list items', () => {
    const at = (path: (string | number)[]) => bestKey(keys, path)?.key.line;
    expect(at(['spec', 'template', 'spec', 'containers', 0, 'image'])).toBe(17);
    expect(at(['spec', 'template', 'spec', 'containers', 1, 'image'])).toBe(23);
    expect(at(['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'])).toBe(20);
    expect(at(['spec', 'template', 'spec', 'securityContext', 'runAsNonRoot'])).toBe(12);
    expect(at(['spec', 'replicas'])).toBe(8);
    expect(at(['metadata', 'labels', 'app'])).toBe(5);
  });

  it('falls back to the nearest ancestor key', () => {
    const best = bestKey(keys, ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits']);
    expect(best?.key.path).toEqual(['spec', 'template', 'spec', 'containers', 0]);
    expect(best?.key.line).toBe(16);
  });

  it('reads .Values references', () => {
    expect(valuesRef('            {{- toYaml .Values.securityContext | nindent 12 }}')).toBe('securityContext');
    expect(valuesRef('  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"')).toBe('image.repository');
  });
});
