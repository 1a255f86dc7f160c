/**
 * Binding resolution and aggregation (src/k8s/rbac-graph.ts), seen through rbac-secrets-read's chains.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_ROLES } from '../../../src/k8s/rbac-builtin.js';
import { messages, rbacBinding, rbacRole, yaml } from '../../helpers/project-tester.js';

const ID = 'rbac-secrets-read';
const READ = { apiGroups: [''], resources: ['secrets'], verbs: ['get'] };

describe('RBAC graph', () => {
  it('resolves Roles by namespace; a missing namespace on either side matches', async () => {
    const noNs = (text: string): string => text.replace(/^ {2}namespace: .*\n/m, '');
    const msgs = await messages(ID, {
      'a.yaml': rbacRole('Role', 'r', 'shop', [READ]),
      'b.yaml': rbacBinding('RoleBinding', 'same', 'shop', ['Role', 'r'], [['User', 'alice']]),
      'c.yaml': rbacBinding('RoleBinding', 'other', 'web', ['Role', 'r'], [['User', 'bob']]),
      'd.yaml': noNs(rbacBinding('RoleBinding', 'unset', 'x', ['Role', 'r'], [['User', 'carol']])),
      'e.yaml': rbacBinding('ClusterRoleBinding', 'invalid', undefined, ['Role', 'r'], [['User', 'dave']]),
    });
    expect(msgs).toEqual([expect.stringContaining('granted to User alice → RoleBinding shop/same → Role "r" in namespace "shop"; User carol → RoleBinding unset → Role "r" in namespace "shop".')]);
  });

  it('expands matchExpressions selectors and survives aggregation cycles', async () => {
    const aggregating = (name: string, label: string, selects: string): string => yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: ${name}
        labels: { ${label}: "true" }
      aggregationRule:
        clusterRoleSelectors:
          - matchExpressions: [{ key: ${selects}, operator: Exists }]
      rules: [{ apiGroups: [""], resources: [secrets], verbs: [list] }]
    `;
    const msgs = await messages(ID, {
      'a.yaml': aggregating('a', 'x', 'y'),
      'b.yaml': aggregating('b', 'y', 'x'),
      'c.yaml': rbacBinding('RoleBinding', 'to-a', 'shop', ['ClusterRole', 'a'], [['User', 'alice']]),
    });
    expect(msgs).toEqual([
      expect.stringContaining('ClusterRole "a" can list Secrets in namespace "shop": every credential and service-account token stored there; granted to User alice → RoleBinding shop/to-a → ClusterRole "a".'),
      expect.stringContaining('ClusterRole "b" can list Secrets in namespace "shop": every credential and service-account token stored there; granted to User alice → RoleBinding shop/to-a → ClusterRole "a" (which aggregates ClusterRole "b").'),
    ]);
  });

  it('lists at most three chains', async () => {
    const subjects = ['a', 'b', 'c', 'd', 'e'].map((n) => ['User', n] as const);
    const msgs = await messages(ID, {
      'a.yaml': rbacRole('Role', 'r', 'shop', [READ]),
      'b.yaml': rbacBinding('RoleBinding', 'many', 'shop', ['Role', 'r'], subjects),
    });
    expect(msgs[0]).toMatch(/User c → RoleBinding shop\/many → Role "r" in namespace "shop" and 2 more\.$/);
  });

  it('models the bootstrap roles: view reads no secrets, edit has no bind or escalate', () => {
    const verbsOn = (role: string, resource: string): string[] => (BUILTIN_ROLES.get(role)?.rules ?? [])
      .filter((r) => r.resources.some((i) => i.value === resource)).flatMap((r) => r.verbs.map((v) => v.value));
    expect(verbsOn('system:aggregate-to-view', 'secrets')).toEqual([]);
    expect(verbsOn('system:aggregate-to-edit', 'secrets')).toEqual(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection']);
    expect([...BUILTIN_ROLES.values()].flatMap((r) => r.rules.flatMap((x) => x.verbs.map((v) => v.value))).filter((v) => v === 'bind' || v === 'escalate')).toEqual([]);
  });
});
