import { describe, expect, it } from 'vitest';
import { at, deployment, docsExampleCounts, namespace, policy, projectLint } from '../../helpers/project-lint.js';

const RULE = 'namespace-no-default-deny';

const DENY_ALL = 'podSelector: {}\npolicyTypes: [Ingress, Egress]';

describe(RULE, () => {
  it('reports a Namespace object without a default deny, at its kind, whatever file the rest is in', async () => {
    const found = await projectLint({ 'ns.yaml': namespace('shop'), 'app.yaml': deployment('web', 'shop') }, { rules: [RULE] });
    expect(found.map(at)).toEqual(['ns.yaml:2:7 missing']);
    expect(found[0]?.message).toBe('Namespace "shop" has no default-deny NetworkPolicy for ingress or egress: without one, a compromised pod can freely reach (or be reached from) the rest of the cluster.');
    expect(found[0]?.level).toBe('warning');
  });

  it('is satisfied by one deny-all policy for both directions in another file', async () => {
    const found = await projectLint({ 'ns.yaml': namespace('shop'), 'np.yaml': policy('default-deny', 'shop', DENY_ALL) }, { rules: [RULE] });
    expect(found).toEqual([]);
  });

  it('is satisfied by one deny-all policy per direction (policyTypes defaults to Ingress)', async () => {
    const found = await projectLint({
      'ns.yaml': namespace('shop'),
      'np.yaml': `${policy('deny-ingress', 'shop', 'podSelector: {}')}---\n${policy('deny-egress', 'shop', 'podSelector: {}\npolicyTypes: [Egress]')}`,
    }, { rules: [RULE] });
    expect(found).toEqual([]);
  });

  it('names the missing direction', async () => {
    const found = await projectLint({ 'ns.yaml': namespace('shop'), 'np.yaml': policy('deny-ingress', 'shop', 'podSelector: {}\npolicyTypes: [Ingress]') }, { rules: [RULE] });
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('for egress:')]);
  });

  it('does not take a policy with allowing rules, a narrower selector or another namespace for a default deny', async () => {
    const found = await projectLint({
      'ns.yaml': namespace('shop'),
      'np.yaml': [
        policy('allow-dns', 'shop', `${DENY_ALL}\negress:\n  - ports: [{ port: 53, protocol: UDP }]\ningress:\n  - from: [{ podSelector: {} }]`),
        policy('web-only', 'shop', 'podSelector: { matchLabels: { app: web } }\npolicyTypes: [Ingress, Egress]'),
        policy('default-deny', 'other', DENY_ALL),
      ].join('---\n'),
    }, { rules: [RULE] });
    expect(found.map(at)).toEqual(['ns.yaml:2:7 missing']);
  });

  describe('noise policy', () => {
    const chart = { 'templates.yaml': `${deployment('web')}---\n${deployment('api')}` };

    it('strict: a chart without a Namespace object is reported once, at its first workload', async () => {
      const found = await projectLint(chart, { rules: [RULE] });
      expect(found.map(at)).toEqual(['templates.yaml:2:7 missing']);
      expect(found[0]?.message).toMatch(/^The namespace these objects are deployed to \(none sets metadata.namespace\) has no default-deny/);
    });

    it('recommended: the same chart is not reported; a declared Namespace is', async () => {
      expect(await projectLint(chart, { rules: [RULE], preset: 'recommended' })).toEqual([]);
      const found = await projectLint({ ...chart, 'ns.yaml': namespace('shop'), 'shop.yaml': deployment('cart', 'shop') }, { rules: [RULE], preset: 'recommended' });
      expect(found.map(at)).toEqual(['ns.yaml:2:7 missing']);
    });

    it('the scope option overrides the preset', async () => {
      expect((await projectLint(chart, { rules: [RULE], preset: 'recommended', options: { [RULE]: { scope: 'all' } } })).map(at)).toEqual(['templates.yaml:2:7 missing']);
      expect(await projectLint(chart, { rules: [RULE], options: { [RULE]: { scope: 'declared' } } })).toEqual([]);
    });

    it('never reports the system namespaces', async () => {
      const found = await projectLint({ 'ns.yaml': namespace('kube-system'), 'a.yaml': deployment('tiller', 'kube-system'), 'b.yaml': deployment('x', 'kube-public') }, { rules: [RULE] });
      expect(found).toEqual([]);
    });

    it('reports each namespace once, at its Namespace object or first workload', async () => {
      const found = await projectLint({ 'a.yaml': `${deployment('web', 'shop')}---\n${deployment('api', 'shop')}`, 'b.yaml': deployment('db', 'data'), 'c.yaml': namespace('data') }, { rules: [RULE] });
      expect(found.map(at)).toEqual(['a.yaml:2:7 missing', 'c.yaml:2:7 missing']);
    });
  });

  it('honours a suppression comment in the anchor file', async () => {
    const found = await projectLint({ 'ns.yaml': `apiVersion: v1\n# okelint-disable-next-line ${RULE} -- Calico GlobalNetworkPolicy denies by default\nkind: Namespace\nmetadata:\n  name: shop\n` }, { rules: [RULE] });
    expect(found.map((f) => f.suppression?.kind)).toEqual(['comment']);
  });

  it('honours the ignore annotation on the Namespace object', async () => {
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  annotations:\n    okelint.io/ignore: namespace-no-default-deny\n    okelint.io/ignore-reason: Calico GlobalNetworkPolicy denies by default\n';
    const found = await projectLint({ 'ns.yaml': ns }, { rules: [RULE] });
    expect(found.map((f) => [f.suppression?.kind, f.suppression?.justification])).toEqual([['annotation', 'Calico GlobalNetworkPolicy denies by default']]);
  });
});

describe('namespace-no-default-deny docs examples (the project pass runs; test/docs.test.ts lints per file only)', () => {
  it('Incorrect fires, Correct does not', async () => {
    const { incorrect, correct } = await docsExampleCounts('workload', 'namespace-no-default-deny');
    expect(incorrect.length).toBe(1);
    expect(correct.length).toBe(1);
    expect(incorrect[0]).toBeGreaterThan(0);
    expect(correct).toEqual([0]);
  });
});
