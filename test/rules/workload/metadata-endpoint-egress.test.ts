import { describe, expect, it } from 'vitest';
import { cidrContains, networkPolicyOf, parseIPv4, parseLabelSelector, selectorMatches } from '../../../src/k8s/network-policy.js';
import { parseK8sFile } from '../../../src/sources/k8s-yaml.js';
import { at, deployment, docsExampleCounts, namespace, policy, projectLint } from '../../helpers/project-lint.js';
import { yaml } from '../../helpers/rule-tester.js';

const RULE = 'metadata-endpoint-egress';
const lint = (files: Record<string, string>, preset: 'strict' | 'recommended' = 'strict') => projectLint(files, { rules: [RULE], preset });

const DENY_EGRESS = 'podSelector: {}\npolicyTypes: [Egress]';
const egressTo = (rule: string): string => `podSelector: {}\npolicyTypes: [Egress]\negress:\n${rule.replace(/^/gm, '  ')}`;

describe('CIDR containment of 169.254.169.254', () => {
  it.each([
    ['0.0.0.0/0', true], ['169.254.0.0/16', true], ['169.254.169.254/32', true], ['169.254.169.254', true], ['128.0.0.0/1', true],
    ['169.254.169.0/24', true], ['169.254.169.255/32', false], ['10.0.0.0/8', false], ['0.0.0.0/1', false], ['::/0', false],
    ['fd00::/8', false], ['999.0.0.0/8', undefined], ['1.2.3.4/33', undefined], ['banana', undefined],
  ])('%s → %s', (cidr, expected) => expect(cidrContains(cidr, '169.254.169.254')).toBe(expected));

  it('parses dotted quads only', () => {
    expect([parseIPv4('169.254.169.254'), parseIPv4('256.0.0.1'), parseIPv4('1.2.3')]).toEqual([2852039166, undefined, undefined]);
  });
});

describe('label selectors', () => {
  const sel = (text: string) => parseLabelSelector(parseK8sFile('s.yaml', `apiVersion: v1\nkind: X\nspec:\n  s: ${text}\n`).resources[0]?.node.getIn(['spec', 's'], true));
  it('matchLabels and every operator', () => {
    const s = sel('{ matchLabels: { app: web }, matchExpressions: [{ key: tier, operator: In, values: [a, b] }, { key: legacy, operator: DoesNotExist }, { key: env, operator: NotIn, values: [dev] }, { key: team, operator: Exists }] }');
    expect(selectorMatches(s, { app: 'web', tier: 'a', env: 'prod', team: 'x' })).toBe(true);
    expect(selectorMatches(s, { app: 'web', tier: 'c', team: 'x' })).toBe(false);
    expect(selectorMatches(s, { app: 'web', tier: 'a', team: 'x', legacy: 'y' })).toBe(false);
    expect(selectorMatches(s, { app: 'web', tier: 'a', env: 'dev', team: 'x' })).toBe(false);
    expect(selectorMatches(s, { app: 'web', tier: 'a' })).toBe(false);
  });
  it('{} selects everything; an unknown operator nothing', () => {
    expect(sel('{}').all).toBe(true);
    expect(selectorMatches(sel('{ matchExpressions: [{ key: a, operator: Maybe }] }'), {})).toBe(false);
  });
});

describe(`${RULE}: egress rules that allow it`, () => {
  const one = async (rule: string): Promise<string[]> => (await lint({ 'np.yaml': policy('egress', 'shop', egressTo(rule)) })).map(at);

  it('an ipBlock containing the address, at the CIDR', async () => {
    const found = await lint({ 'np.yaml': policy('internet', 'shop', egressTo('- to:\n    - ipBlock:\n        cidr: 0.0.0.0/0')) });
    expect(found.map(at)).toEqual(['np.yaml:12:19 ipBlock']);
    expect(found[0]?.message).toBe('NetworkPolicy "internet" allows egress to 0.0.0.0/0, which contains the instance metadata endpoint 169.254.169.254: a compromised pod can take the node\'s instance-principal credentials; add 169.254.169.254/32 to ipBlock.except.');
  });

  it('an except that removes it, or a CIDR that leaves it out, is fine', async () => {
    expect(await one('- to:\n    - ipBlock: { cidr: 0.0.0.0/0, except: [169.254.169.254/32] }')).toEqual([]);
    expect(await one('- to:\n    - ipBlock: { cidr: 0.0.0.0/0, except: [10.0.0.0/8, 169.254.0.0/16] }')).toEqual([]);
    expect(await one('- to:\n    - ipBlock: { cidr: 10.0.0.0/8 }\n    - ipBlock: { cidr: "::/0" }')).toEqual([]);
    expect(await one('- to:\n    - ipBlock: { cidr: 0.0.0.0/0, except: [10.0.0.0/8] }')).toEqual(['np.yaml:11:28 ipBlock']);
  });

  it('a rule with no destination allows it, unless its ports keep TCP 80 out', async () => {
    expect(await one('- {}')).toEqual(['np.yaml:10:7 anyDestination']);
    expect(await one('- ports: [{ port: 53, protocol: UDP }, { port: 53, protocol: TCP }]')).toEqual([]);
    expect(await one('- to: []\n  ports: [{ port: 80 }]')).toEqual(['np.yaml:10:7 anyDestination']);
  });

  it('ports: numbers, ranges, protocols and named ports', async () => {
    const block = (ports: string) => `- to: [{ ipBlock: { cidr: 169.254.0.0/16 } }]\n  ports: ${ports}`;
    expect(await one(block('[{ port: 443 }]'))).toEqual([]);
    expect(await one(block('[{ port: 80, protocol: UDP }]'))).toEqual([]);
    expect(await one(block('[{ port: http }]'))).toEqual([]);
    expect(await one(block('[{ port: 1, endPort: 1024 }]'))).toEqual(['np.yaml:10:31 ipBlock']);
    expect(await one(block('[{ protocol: TCP }]'))).toEqual(['np.yaml:10:31 ipBlock']);
    expect(await one(block('[{ port: "80" }]'))).toEqual(['np.yaml:10:31 ipBlock']);
  });

  it('egress rules of a policy that does not isolate egress are ignored', async () => {
    const found = await lint({ 'np.yaml': policy('ingress-only', 'shop', 'podSelector: {}\npolicyTypes: [Ingress]\negress:\n  - {}') });
    expect(found).toEqual([]);
  });

  it('is reported whatever the preset: the policy is in the set', async () => {
    const found = await lint({ 'np.yaml': policy('internet', 'shop', egressTo('- to: [{ ipBlock: { cidr: 0.0.0.0/0 } }]')) }, 'recommended');
    expect(found.map(at)).toEqual(['np.yaml:10:31 ipBlock']);
  });

  it('view: policy types follow the API defaults', () => {
    const view = (spec: string) => {
      const [r] = parseK8sFile('p.yaml', policy('p', 'ns', spec)).resources;
      return r && networkPolicyOf(r);
    };
    expect(view('podSelector: {}')).toMatchObject({ ingress: true, egress: false, denyAllIngress: true, denyAllEgress: false });
    expect(view('podSelector: {}\negress: [{}]')).toMatchObject({ ingress: true, egress: true, denyAllEgress: false });
    expect(view('podSelector: {}\npolicyTypes: [Egress]')).toMatchObject({ ingress: false, egress: true, denyAllEgress: true });
  });
});

describe(`${RULE}: pods no egress policy selects`, () => {
  it('reports the namespace at its Namespace object, naming the open workloads', async () => {
    const found = await lint({
      'ns.yaml': namespace('shop'),
      'apps.yaml': [deployment('web', 'shop'), deployment('api', 'shop'), deployment('db', 'shop', '{ app: db, tier: data }')].join('---\n'),
      'np.yaml': policy('db-egress', 'shop', 'podSelector: { matchExpressions: [{ key: tier, operator: In, values: [data] }] }\npolicyTypes: [Egress]'),
    });
    expect(found.map(at)).toEqual(['ns.yaml:2:7 unrestricted']);
    expect(found[0]?.message).toBe('Namespace "shop": no egress NetworkPolicy selects 2 workloads ("web" and "api"), so their pods can reach the instance metadata endpoint 169.254.169.254 and take the node\'s instance-principal credentials.');
  });

  it('a default deny for egress covers every pod; ingress-only policies do not', async () => {
    expect(await lint({ 'ns.yaml': namespace('shop'), 'a.yaml': deployment('web', 'shop'), 'np.yaml': policy('deny', 'shop', DENY_EGRESS) })).toEqual([]);
    const found = await lint({ 'ns.yaml': namespace('shop'), 'a.yaml': deployment('web', 'shop'), 'np.yaml': policy('deny', 'shop', 'podSelector: {}') });
    expect(found.map(at)).toEqual(['ns.yaml:2:7 unrestricted']);
  });

  it('a Namespace with no workloads in the set is reported when nothing restricts the egress of all its pods', async () => {
    const found = await lint({ 'ns.yaml': namespace('shop') });
    expect(found.map(at)).toEqual(['ns.yaml:2:7 noEgressPolicy']);
    expect(await lint({ 'ns.yaml': namespace('shop'), 'np.yaml': policy('deny', 'shop', DENY_EGRESS) })).toEqual([]);
  });

  it('host-network pods are left to host-namespaces', async () => {
    const host = deployment('agent', 'shop').replace('      containers:', '      hostNetwork: true\n      containers:');
    expect(await lint({ 'ns.yaml': namespace('shop'), 'a.yaml': host })).toEqual([]);
  });

  it('strict: a chart without a Namespace is reported at its first open workload; recommended: not at all', async () => {
    const chart = { 'chart.yaml': [deployment('web', undefined, '{ app: web, egress: locked }'), deployment('worker'), deployment('cron')].join('---\n'), 'np.yaml': policy('lock', '""', 'podSelector: { matchLabels: { egress: locked } }\npolicyTypes: [Egress]').replace('  namespace: ""\n', '') };
    const found = await lint(chart);
    expect(found.map(at)).toEqual(['chart.yaml:17:7 unrestricted']);
    expect(found[0]?.message).toContain('selects 2 workloads ("worker" and "cron")');
    expect(await lint(chart, 'recommended')).toEqual([]);
  });

  it('names at most three workloads', async () => {
    const found = await lint({ 'ns.yaml': namespace('shop'), 'a.yaml': ['a', 'b', 'c', 'd', 'e'].map((n) => deployment(n, 'shop')).join('---\n') });
    expect(found[0]?.message).toContain('selects 5 workloads ("a", "b", "c" and 2 more)');
  });

  it('counts every workload kind with pods', async () => {
    const cron = yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata: { name: report, namespace: shop }
      spec:
        schedule: "@daily"
        jobTemplate:
          spec:
            template:
              spec:
                containers: [{ name: r, image: "registry.example.com/report:1.0" }]
    `;
    const found = await lint({ 'ns.yaml': namespace('shop'), 'c.yaml': cron });
    expect(found[0]?.message).toContain('selects 1 workload ("report")');
  });
});

describe('metadata-endpoint-egress docs examples (the project pass runs; test/docs.test.ts lints per file only)', () => {
  it('Incorrect fires, Correct does not', async () => {
    const { incorrect, correct } = await docsExampleCounts('workload', 'metadata-endpoint-egress');
    expect(incorrect.length).toBe(1);
    expect(correct.length).toBe(1);
    expect(incorrect[0]).toBeGreaterThan(0);
    expect(correct).toEqual([0]);
  });
});
