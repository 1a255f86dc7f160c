/**
 * okelint's RBAC rules against the peers' own RBAC test cases (../shared/corpora/peers, see its
 * README): each case is linted alone and the rule of its category must agree with the peer's
 * expected verdict, except where okelint deliberately disagrees (the table below, with reasons).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintProject } from '../../helpers/project-tester.js';

const PEERS = new URL('../../../../shared/corpora/peers/', import.meta.url).pathname;

/** Peer category → the okelint rule that covers it. */
const RULE_OF: Readonly<Record<string, string>> = {
  'rbac-cluster-admin': 'rbac-cluster-admin-binding',
  'rbac-wildcard': 'rbac-wildcard',
  'rbac-secrets': 'rbac-secrets-read',
};

/** Cases where okelint's verdict is deliberately the opposite of the peer's. */
const DISAGREEMENTS: Readonly<Record<string, string>> = {
  'kube-linter/cluster-admin-role-binding/00-ClusterRoleBinding-dont-fire.yaml':
    'A ClusterRoleBinding to the built-in admin role grants admin (Secrets, pod creation, exec, Roles and RoleBindings) in every namespace, kube-system included; okelint treats admin and edit bound cluster-wide like cluster-admin. kube-linter only looks for the name cluster-admin.',
};

interface Case { readonly path: string; readonly source: string; readonly expected: 'pass' | 'fail'; readonly category: string }

const cases: Case[] = readFileSync(`${PEERS}cases.tsv`, 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split('\t') as [string, string, 'pass' | 'fail', string])
  .filter(([, , , category]) => category in RULE_OF)
  .map(([path, source, expected, category]) => ({ path, source, expected, category }));

describe('peer RBAC cases (../shared/corpora/peers)', () => {
  it('covers every RBAC case of the corpus, and every disagreement names a case', () => {
    expect(cases.length).toBe(49);
    for (const path of Object.keys(DISAGREEMENTS)) expect(cases.map((c) => c.path)).toContain(path);
  });

  for (const c of cases) {
    const rule = RULE_OF[c.category] as string;
    const disagreement = DISAGREEMENTS[c.path];
    const verdict = (c.expected === 'fail') !== (disagreement !== undefined);
    it(`${c.path} (${c.category}): ${rule} ${verdict ? 'fires' : 'stays silent'}${disagreement ? ' (disagrees with the peer)' : ''}`, async () => {
      const findings = await lintProject({ 'case.yaml': readFileSync(PEERS + c.path, 'utf8') });
      expect(findings.filter((f) => f.ruleId === 'parse-error')).toEqual([]);
      expect(findings.some((f) => f.ruleId === rule)).toBe(verdict);
    });
  }
});
