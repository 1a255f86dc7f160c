import { describe, expect, it } from 'vitest';
import { at, deployment, docsExampleCounts, namespace, projectLint } from '../../helpers/project-lint.js';

const RULE = 'namespace-no-resource-quota';
const object = (ns?: string): string => `apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: quota${ns === undefined ? '' : `\n  namespace: ${ns}`}\nspec:\n  hard: { requests.cpu: "4", requests.memory: 8Gi, limits.memory: 8Gi, pods: "20" }\n`;

describe(RULE, () => {
  it('reports a Namespace object with no ResourceQuota, at its kind', async () => {
    const found = await projectLint({ 'ns.yaml': namespace('shop'), 'app.yaml': deployment('web', 'shop') }, { rules: [RULE] });
    expect(found.map(at)).toEqual(['ns.yaml:2:7 missing']);
    expect(found[0]?.message).toBe('Namespace "shop" has no ResourceQuota: one compromised or runaway workload can claim the CPU, memory and objects the rest of the cluster needs.');
    expect(found[0]?.level).toBe('warning');
  });

  it('is satisfied by a ResourceQuota of that namespace in any file', async () => {
    expect(await projectLint({ 'ns.yaml': namespace('shop'), 'z/quota.yaml': object('shop') }, { rules: [RULE] })).toEqual([]);
  });

  it('a ResourceQuota of another namespace does not count', async () => {
    const found = await projectLint({ 'ns.yaml': namespace('shop'), 'quota.yaml': object('other') }, { rules: [RULE] });
    expect(found.map(at)).toEqual(['ns.yaml:2:7 missing']);
  });

  it('strict: objects without a namespace form one group, reported at the first workload unless it has its own ResourceQuota', async () => {
    const chart = { 'a.yaml': deployment('web'), 'b.yaml': deployment('api') };
    const found = await projectLint(chart, { rules: [RULE] });
    expect(found.map(at)).toEqual(['a.yaml:2:7 missing']);
    expect(found[0]?.message).toBe('The namespace these objects are deployed to (none sets metadata.namespace) has no ResourceQuota: one compromised or runaway workload can claim the CPU, memory and objects the rest of the cluster needs.');
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

describe('namespace-no-resource-quota docs examples (the project pass runs; test/docs.test.ts lints per file only)', () => {
  it('Incorrect fires, Correct does not', async () => {
    const { incorrect, correct } = await docsExampleCounts('workload', 'namespace-no-resource-quota');
    expect(incorrect.length).toBe(1);
    expect(correct.length).toBe(1);
    expect(incorrect[0]).toBeGreaterThan(0);
    expect(correct).toEqual([0]);
  });
});
