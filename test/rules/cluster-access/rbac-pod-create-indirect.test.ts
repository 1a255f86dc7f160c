import { describe, expect, it } from 'vitest';
import { messages, positions, rbacBinding, rbacRole } from '../../helpers/project-tester.js';

const ID = 'rbac-pod-create-indirect';

describe(ID, () => {
  it('a Role with create deployments in one namespace is a warning naming the indirect pod creation', async () => {
    const files = { 'role.yaml': rbacRole('Role', 'deployer', 'shop', [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['create'] }]) };
    expect(await positions(ID, files)).toEqual([['role.yaml', 8, 17, 'namespaced', 'warning']]);
    expect(await messages(ID, files)).toEqual([
      'Role "deployer" in namespace "shop" can create or change deployments in namespace "shop": creating or changing these controllers creates pods on the holder\'s behalf (a Deployment creates pods), so this is indirect pod creation; whoever holds it can run any image with any service account of the namespace; no binding in the linted files grants it yet.',
    ]);
  });

  it('resolves a RoleBinding in one file to a ClusterRole in another, and names the chain', async () => {
    const files = {
      'rbac/role.yaml': rbacRole('ClusterRole', 'deployer', undefined, [
        { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
        { apiGroups: ['apps', 'batch'], resources: ['jobs', 'deployments'], verbs: ['patch'] },
      ]),
      'rbac/binding.yaml': rbacBinding('RoleBinding', 'ci', 'shop', ['ClusterRole', 'deployer'], [['Group', 'ci-deployers'], ['ServiceAccount', 'ci']]),
    };
    expect(await positions(ID, files)).toEqual([['rbac/role.yaml', 11, 17, 'namespaced', 'warning']]);
    expect(await messages(ID, files)).toEqual([expect.stringMatching(
      /^ClusterRole "deployer" can create or change deployments, jobs in namespace "shop": .*; granted to Group ci-deployers → RoleBinding shop\/ci → ClusterRole "deployer"; ServiceAccount shop\/ci → RoleBinding shop\/ci → ClusterRole "deployer"\.$/,
    )]);
  });

  it('is cluster-wide for an unbound ClusterRole or one bound by a ClusterRoleBinding', async () => {
    const direct = rbacRole('ClusterRole', 'runner', undefined, [{ apiGroups: [''], resources: ['pods'], verbs: ['create'] }]);
    expect(await positions(ID, { 'a.yaml': direct })).toEqual([['a.yaml', 8, 17, 'clusterWide', 'warning']]);
    expect((await messages(ID, { 'a.yaml': direct }))[0]).toContain('can create or change pods cluster-wide: that is creating pods directly;');
    expect(await positions(ID, {
      'a.yaml': direct,
      'b.yaml': rbacBinding('RoleBinding', 'local', 'shop', ['ClusterRole', 'runner'], [['User', 'alice']]),
      'c.yaml': rbacBinding('ClusterRoleBinding', 'wide', undefined, ['ClusterRole', 'runner'], [['User', 'bob']]),
    })).toEqual([['a.yaml', 8, 17, 'clusterWide', 'warning']]);
  });

  it('matches API groups, wildcards and resourceNames as the API server does', async () => {
    const files = {
      'a.yaml': rbacRole('Role', 'r', 'shop', [
        { apiGroups: [''], resources: ['deployments'], verbs: ['create'] }, // no core deployments
        { apiGroups: ['apps'], resources: ['deployments/scale'], verbs: ['patch'] }, // scale is not the template
        { apiGroups: ['apps'], resources: ['deployments'], verbs: ['create'], resourceNames: ['web'] }, // create cannot be named
        { apiGroups: ['apps'], resources: ['deployments'], verbs: ['update'], resourceNames: ['web'] }, // resources on line 18
        { apiGroups: ['extensions'], resources: ['daemonsets'], verbs: ['*'] }, // line 22
        { apiGroups: ['*'], resources: ['*'], verbs: ['create'] }, // line 25
        { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list', 'delete'] },
      ]),
    };
    expect(await positions(ID, files)).toEqual([
      ['a.yaml', 18, 17, 'namespaced', 'warning'],
      ['a.yaml', 22, 17, 'namespaced', 'warning'],
      ['a.yaml', 25, 17, 'namespaced', 'warning'],
    ]);
  });

  it('reports a binding to a built-in role at its roleRef, but not cluster-admin (rbac-cluster-admin-binding) or view', async () => {
    const files = {
      'a.yaml': rbacBinding('RoleBinding', 'devs', 'shop', ['ClusterRole', 'edit'], [['Group', 'developers']]),
      'b.yaml': rbacBinding('ClusterRoleBinding', 'ops', undefined, ['ClusterRole', 'cluster-admin'], [['Group', 'ops']]),
      'c.yaml': rbacBinding('RoleBinding', 'viewers', 'shop', ['ClusterRole', 'view'], [['Group', 'viewers']]),
    };
    expect(await positions(ID, files)).toEqual([['a.yaml', 9, 9, 'namespaced', 'warning']]);
    expect((await messages(ID, files))[0]).toMatch(/^built-in ClusterRole "edit" can create or change pods, replicationcontrollers, deployments, replicasets, statefulsets, daemonsets, jobs, cronjobs in namespace "shop": .*; granted to Group developers → RoleBinding shop\/devs → built-in ClusterRole "edit"\.$/);
  });
});
