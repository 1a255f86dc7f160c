/**
 * "One estate, one story" in the text report: with findings from both OKE configuration and
 * Kubernetes manifests, each layer lists its rules (most severe first, then by id; five at most)
 * with their counts and first location. Suppressed findings tell nothing; one source alone keeps
 * the plain summary.
 */
import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/report/text.js';
import { isEstateRun, layerRules } from '../../src/report/summary.js';
import { makeFinding, makeInput, makeRule } from '../helpers/findings.js';

const RULES = [
  makeRule({ id: 'oke-public-api-endpoint', layer: 'cluster-access', appliesTo: ['oke'] }),
  makeRule({ id: 'oke-basic-cluster', layer: 'workload', level: 'warning', appliesTo: ['oke'] }),
  makeRule({ id: 'rbac-cluster-admin-binding', layer: 'cluster-access', appliesTo: ['k8s'] }),
  ...['a', 'b', 'c', 'd', 'e', 'f'].map((x) => makeRule({ id: `w-${x}`, layer: 'workload', level: 'warning', appliesTo: ['k8s'] })),
];

const oke = makeFinding({ line: 10, column: 5 }, { ruleId: 'oke-public-api-endpoint', layer: 'cluster-access', file: 'infra/cluster.tf' });
const rbac = makeFinding({ line: 12, column: 11 }, { ruleId: 'rbac-cluster-admin-binding', layer: 'cluster-access', file: 'k8s/ci.yaml' });
const rbac2 = makeFinding({ line: 30, column: 11 }, { ruleId: 'rbac-cluster-admin-binding', layer: 'cluster-access', file: 'k8s/ci.yaml' });
const basic = makeFinding({ line: 1, column: 1 }, { ruleId: 'oke-basic-cluster', layer: 'workload', level: 'warning', file: 'infra/cluster.tf' });
const many = ['f', 'e', 'd', 'c', 'b', 'a'].map((x, i) => makeFinding({ line: i + 1, column: 3 }, { ruleId: `w-${x}`, layer: 'workload', level: 'warning', file: 'k8s/app.yaml' }));

function layerLines(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Security layers'));
  return lines.slice(start, lines.indexOf('', start));
}

describe('the estate story', () => {
  it('lists each layer\'s rules under it, most severe first, five at most', () => {
    const text = formatText(makeInput({ rules: RULES, findings: [basic, oke, rbac, rbac2, ...many] }));
    expect(layerLines(text)).toEqual([
      'Security layers (one estate: OKE cluster configuration and Kubernetes manifests):',
      '  cloud-control   no findings',
      '  cluster-access  3 errors  ← weakest',
      '                  rbac-cluster-admin-binding  2 errors  k8s/ci.yaml:12:11',
      '                  oke-public-api-endpoint     1 error   infra/cluster.tf:10:5',
      '  workload        7 warnings',
      '                  oke-basic-cluster  1 warning  infra/cluster.tf:1:1',
      '                  w-a                1 warning  k8s/app.yaml:6:3',
      '                  w-b                1 warning  k8s/app.yaml:5:3',
      '                  w-c                1 warning  k8s/app.yaml:4:3',
      '                  w-d                1 warning  k8s/app.yaml:3:3',
      '                  … and 2 more rules',
      '  supply-chain    no findings',
      '  node            no findings',
    ]);
  });

  it('needs unsuppressed findings from both sources', () => {
    const suppressed = { ...rbac, suppression: { kind: 'comment' as const, justification: 'break-glass' } };
    expect(isEstateRun([oke, rbac], RULES)).toBe(true);
    expect(isEstateRun([oke, suppressed], RULES)).toBe(false);
    expect(isEstateRun([oke, basic], RULES)).toBe(false);
    expect(layerLines(formatText(makeInput({ rules: RULES, findings: [oke, basic] })))[0]).toBe('Security layers:');
    expect(layerRules([oke, suppressed, rbac2], 'cluster-access').map((r) => [r.ruleId, r.counts.error, r.first.start.line])).toEqual([
      ['oke-public-api-endpoint', 1, 10], ['rbac-cluster-admin-binding', 1, 30],
    ]);
  });
});
