import { describe, expect, it } from 'vitest';
import { at, deployment, docsExampleCounts, namespace, projectLint } from '../../helpers/project-lint.js';

const RULE = 'namespace-no-limit-range';
const object = (ns?: string): string => `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: limits${ns === undefined ? '' : `\n  namespace: ${ns}`}\nspec:\n  limits:\n    - type: Container\n      default: { cpu: 500m, memory: 512Mi }\n      defaultRequest: { cpu: 100m, memory: 128Mi }\n`;

describe(RULE, () => {
  it('reports a Namespace object with no LimitRange, at its kind', async () => {
    const found = await projectLint({ 'ns.yaml': namespace('shop'), 'app.yaml': deployment('web', 'shop') }, { rules: [RULE] });
    expect(found.map(at)).toEqual(['ns.yaml:2:7 missing']);
    expect(found[0]?.message).toBe('Namespace "shop" has no LimitRange: containers that set no limits get none, and nothing stops one from requesting unreasonably high or low values.');
    expect(found[0]?.level).toBe('warning');
  });

  it('is satisfied by a LimitRange of that namespace in any file', async () => {
    expect(await projectLint({ 'ns.yaml': namespace('shop'), 'z/limits.yaml': object('shop') }, { rules: [RULE] })).toEqual([]);
  });

  it('a LimitRange of another namespace does not count', async () => {
    const found = await projectLint({ 'ns.yaml': namespace('shop'), 'limits.yaml': object('other') }, { rules: [RULE] });
    expect(found.map(at)).toEqual(['ns.yaml:2:7 missing']);
  });

  it('strict: objects without a namespace form one group, reported at the first workload unless it has its own LimitRange', async () => {
    const chart = { 'a.yaml': deployment('web'), 'b.yaml': deployment('api') };
    const found = await projectLint(chart, { rules: [RULE] });
    expect(found.map(at)).toEqual(['a.yaml:2:7 missing']);
    expect(found[0]?.message).toBe('The namespace these objects are deployed to (none sets metadata.namespace) has no LimitRange: containers that set no limits get none, and nothing stops one from requesting unreasonably high or low values.');
    expect(await projectLint({ ...chart, 'c.yaml': object() }, { rules: [RULE] })).toEqual([]);
  });

  it('recommended: only namespaces whose Namespace object is in the set', async () => {
    const files = { 'a.yaml': deployment('web', 'shop'), 'b.yaml': deployment('api'), 'ns.yaml': namespace('data'), 'c.yaml': deployment('db', 'data') };
    expect((await projectLint(files, { rules: [RULE], preset: 'recommended' })).map(at)).toEqual(['ns.yaml:2:7 missing']);
    expect((await projectLint(files, { rules: [RULE] })).map(at)).toEqual(['a.yaml:2:7 missing', 'b.yaml:2:7 missing', 'ns.yaml:2:7 missing']);
  });

  it('never reports the system namespaces', async () => {
    expect(await projectLint({ 'ns.yaml': namespace('kube-system'), 'a.yaml': deployment('x', 'kube-node-lease') }, { rules: [RULE] })).toEqual([]);
  });
});

describe('namespace-no-limit-range docs examples (the project pass runs; test/docs.test.ts lints per file only)', () => {
  it('Incorrect fires, Correct does not', async () => {
    const { incorrect, correct } = await docsExampleCounts('workload', 'namespace-no-limit-range');
    expect(incorrect.length).toBe(1);
    expect(correct.length).toBe(1);
    expect(incorrect[0]).toBeGreaterThan(0);
    expect(correct).toEqual([0]);
  });
});
