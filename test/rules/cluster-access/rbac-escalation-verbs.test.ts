import { describe, expect, it } from 'vitest';
import { messages, positions, rbacBinding, rbacRole } from '../../helpers/project-tester.js';

const ID = 'rbac-escalation-verbs';

describe(ID, () => {
  it('reports escalate, bind and impersonate at the verb, naming what they apply to', async () => {
    const files = {
      'a.yaml': rbacRole('ClusterRole', 'granter', undefined, [
        { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles', 'roles'], verbs: ['get', 'bind', 'escalate'] },
        { apiGroups: [''], resources: ['users', 'groups'], verbs: ['impersonate'] },
      ]),
      'b.yaml': rbacBinding('ClusterRoleBinding', 'platform', undefined, ['ClusterRole', 'granter'], [['Group', 'platform']]),
    };
    expect(await positions(ID, files)).toEqual([
      ['a.yaml', 9, 20, 'clusterWide', 'error'],
      ['a.yaml', 12, 13, 'clusterWide', 'error'],
    ]);
    expect(await messages(ID, files)).toEqual([
      'ClusterRole "granter" grants escalate roles, escalate clusterroles, bind roles, bind clusterroles cluster-wide: its holder can give itself, or act as, any identity or role, up to cluster-admin; granted to Group platform → ClusterRoleBinding platform → ClusterRole "granter".',
      'ClusterRole "granter" grants impersonate users, impersonate groups cluster-wide: its holder can give itself, or act as, any identity or role, up to cluster-admin; granted to Group platform → ClusterRoleBinding platform → ClusterRole "granter".',
    ]);
  });

  it('counts "*" verbs on the right resources; ignores the verbs on unrelated resources', async () => {
    expect(await positions(ID, {
      'a.yaml': rbacRole('Role', 'r', 'shop', [
        { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['*'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['bind', 'impersonate'] },
        { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles', 'rolebindings'], verbs: ['create', 'update'] },
      ]),
    })).toEqual([['a.yaml', 9, 13, 'namespaced', 'warning']]);
  });

  it('reports the built-in edit and admin roles (impersonate serviceaccounts) at the binding', async () => {
    const files = { 'a.yaml': rbacBinding('RoleBinding', 'devs', 'shop', ['ClusterRole', 'admin'], [['Group', 'developers']]) };
    expect(await positions(ID, files)).toEqual([['a.yaml', 9, 9, 'namespaced', 'warning']]);
    expect((await messages(ID, files))[0]).toMatch(/^built-in ClusterRole "admin" grants impersonate serviceaccounts in namespace "shop": /);
  });
});
