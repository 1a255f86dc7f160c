import { describe, expect, it } from 'vitest';
import { parseK8sFile } from '../src/sources/k8s-yaml.js';
import { yaml } from './helpers/rule-tester.js';

describe('parseK8sFile', () => {
  it('splits multi-document streams and counts non-Kubernetes documents', () => {
    const res = parseK8sFile('a.yaml', yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: one, namespace: shop }
      ---
      just: data
      ---
      - a
      - list
      ---
      # only a comment
      ---
      apiVersion: v1
      kind: Service
      metadata: { name: two }
    `);
    expect(res.resources.map((r) => [r.kind, r.name, r.namespace])).toEqual([
      ['ConfigMap', 'one', 'shop'],
      ['Service', 'two', undefined],
    ]);
    expect(res.skippedDocuments).toBe(2);
    expect(res.problems).toEqual([]);
  });

  it('expands kind: List and *List items', () => {
    const res = parseK8sFile('l.yaml', yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Pod
          metadata: { name: p }
        - not: an object
        - apiVersion: apps/v1
          kind: Deployment
          metadata: { name: d }
      ---
      apiVersion: v1
      kind: ConfigMapList
      items:
        - apiVersion: v1
          kind: ConfigMap
          metadata: { name: c }
    `);
    expect(res.resources.map((r) => `${r.kind}/${r.name}`)).toEqual(['Pod/p', 'Deployment/d', 'ConfigMap/c']);
    expect(res.skippedDocuments).toBe(0);
  });

  it('records the helm template of each object from its # Source comment', () => {
    const res = parseK8sFile('rendered.yaml', yaml`
      ---
      # Source: shop/templates/service.yaml
      apiVersion: v1
      kind: Service
      metadata: { name: web }
      ---
      # Source: shop/charts/redis/templates/statefulset.yaml
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: { name: redis }
    `);
    expect(res.resources.map((r) => r.helmTemplate)).toEqual([
      'shop/templates/service.yaml',
      'shop/charts/redis/templates/statefulset.yaml',
    ]);
  });

  it('reports syntax errors at the parser position and keeps the other documents', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nkey: [unclosed\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: b}\n';
    const res = parseK8sFile('b.yaml', text);
    expect(res.resources.map((r) => r.name)).toEqual(['a', 'b']);
    expect(res.problems.length).toBeGreaterThan(0);
    expect(res.problems[0]?.span.start).toBeGreaterThanOrEqual(text.indexOf('[unclosed'));
  });

  it('parses JSON manifests through the same parser', () => {
    const res = parseK8sFile('p.json', '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"j"},"spec":{"containers":[]}}');
    expect(res.resources.map((r) => r.name)).toEqual(['j']);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${levels.map((l) => '  ' + l).join('\n')}\n`;
    const res = parseK8sFile('bomb.yaml', text);
    expect(res.problems.map((p) => p.code)).toEqual(['ALIAS_LIMIT']);
    expect(res.resources).toEqual([]);
  });

  it('treats an empty file as nothing to lint', () => {
    expect(parseK8sFile('e.yaml', '')).toMatchObject({ resources: [], problems: [], skippedDocuments: 0 });
  });
});
