import { describe, expect, it } from 'vitest';
import { messages, positions, rbacBinding, rbacRole, yaml } from '../../helpers/project-tester.js';

const ID = 'rbac-wildcard';

describe(ID, () => {
  it('reports each rules[] entry once, at its first "*" in the source, naming the fields', async () => {
    const files = {
      'a.yaml': rbacRole('ClusterRole', 'all', undefined, [
        { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
        { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', '*'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
      ]),
    };
    expect(await positions(ID, files)).toEqual([
      ['a.yaml', 7, 17, 'clusterWide', 'error'],
      ['a.yaml', 12, 20, 'clusterWide', 'error'],
    ]);
    expect(await messages(ID, files)).toEqual([
      'ClusterRole "all" uses "*" in apiGroups, resources, verbs cluster-wide: it grants every matching verb and resource, including those added later (CRDs, new subresources); no binding in the linted files grants it yet.',
      'ClusterRole "all" uses "*" in verbs cluster-wide: it grants every matching verb and resource, including those added later (CRDs, new subresources); no binding in the linted files grants it yet.',
    ]);
  });

  it('picks the first "*" by position when verbs come before resources', async () => {
    const text = yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: { name: r, namespace: shop }
      rules:
        - verbs: ["*"]
          apiGroups: ["*"]
          resources: [pods]
    `;
    expect(await positions(ID, { 'a.yaml': text })).toEqual([['a.yaml', 5, 13, 'namespaced', 'warning']]);
  });

  it('is a warning for a Role, and for a ClusterRole granted only by RoleBindings, with the chain', async () => {
    const files = {
      'role.yaml': rbacRole('ClusterRole', 'ns-all', undefined, [{ apiGroups: [''], resources: ['*'], verbs: ['get'] }]),
      'bind.yaml': rbacBinding('RoleBinding', 'support', 'shop', ['ClusterRole', 'ns-all'], [['Group', 'support']]),
    };
    expect(await positions(ID, files)).toEqual([['role.yaml', 8, 17, 'namespaced', 'warning']]);
    expect(await messages(ID, files)).toEqual([
      'ClusterRole "ns-all" uses "*" in resources in namespace "shop": it grants every matching verb and resource there, including those added later; granted to Group support → RoleBinding shop/support → ClusterRole "ns-all".',
    ]);
  });

  it('leaves "*/scale", non-resource URLs and bindings to the built-in cluster-admin alone', async () => {
    const text = yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: { name: scaler }
      rules:
        - { apiGroups: [apps], resources: ["*/scale"], verbs: [get, update] }
        - { nonResourceURLs: ["*"], verbs: [get] }
    `;
    expect(await positions(ID, {
      'a.yaml': text,
      'b.yaml': rbacBinding('ClusterRoleBinding', 'admins', undefined, ['ClusterRole', 'cluster-admin'], [['Group', 'admins']]),
    })).toEqual([]);
  });

  it('a configured level overrides the per-scope levels', async () => {
    const { lintProject } = await import('../../helpers/project-tester.js');
    const found = await lintProject({ 'a.yaml': rbacRole('Role', 'r', 'shop', [{ apiGroups: ['*'], resources: ['pods'], verbs: ['get'] }]) }, { [ID]: 'note' });
    expect(found.filter((f) => f.ruleId === ID).map((f) => f.level)).toEqual(['note']);
  });
});
